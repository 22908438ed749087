import { afterAll, describe, expect, inject, it } from 'vitest';
import { createMailTransport } from '../../src/activities/mail/mail-transport.js';
import '../support/provided.js';

interface ReceivedEmail {
  subject: string;
  text: string;
  to: { address: string }[];
  from: { address: string; name: string }[];
}

async function receivedBy(address: string): Promise<ReceivedEmail[]> {
  const res = await fetch(`${inject('mailApiUrl')}/email`);
  const all = (await res.json()) as ReceivedEmail[];
  return all.filter((m) => m.to.some((to) => to.address === address));
}

describe('mail transport against a real SMTP server on loopback', () => {
  const transport = createMailTransport(inject('smtpUrl'));
  afterAll(() => transport.close());

  it('delivers a Vietnamese message intact', async () => {
    const to = `snv-${Date.now()}@example.vn`;
    const info = await transport.sendMail({
      from: '"Sở Nội vụ" <cchc@snv.example.vn>',
      to,
      subject: 'Nhắc hạn tự đánh giá Chỉ số CCHC năm 2021',
      text: 'Hạn nộp báo cáo tự đánh giá: 24/12/2021.',
    });
    expect(info.accepted).toEqual([to]);

    const received = await receivedBy(to);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      subject: 'Nhắc hạn tự đánh giá Chỉ số CCHC năm 2021',
      from: [{ address: 'cchc@snv.example.vn', name: 'Sở Nội vụ' }],
    });
    expect(received[0]!.text.trim()).toBe('Hạn nộp báo cáo tự đánh giá: 24/12/2021.');
  });
});
