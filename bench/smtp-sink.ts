/**
 * An SMTP server on loopback that accepts every message and counts them by business key (the
 * X-PAR-Business-Key header every notification carries), so a bench can report messages per
 * second and duplicates. Real SMTP (the smtp-server package), real nodemailer on the other side.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  /** Messages received per business key (a count above 1 is a duplicate). */
  byKey: Map<string, number>;
  received(): number;
  duplicates(): number;
  /** Times of the first and last message received (ms since epoch). */
  firstAt: number | null;
  lastAt: number | null;
  /** Every message received, in order: its business key and when it arrived (ms since epoch). */
  arrivals: { key: string; at: number }[];
  close(): Promise<void>;
}

const KEY_HEADER = /^x-par-business-key:[ \t]*(.+)$/im;

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    byKey: new Map(),
    received: () => [...sink.byKey.values()].reduce((sum, n) => sum + n, 0),
    duplicates: () => [...sink.byKey.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    firstAt: null,
    lastAt: null,
    arrivals: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 200,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 64 * 1024 && !head.includes('\r\n\r\n')) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const headers = head.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
        const key = KEY_HEADER.exec(headers)?.[1]?.trim() ?? '(no business key)';
        sink.byKey.set(key, (sink.byKey.get(key) ?? 0) + 1);
        const now = Date.now();
        sink.firstAt ??= now;
        sink.lastAt = now;
        sink.arrivals.push({ key, at: now });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = (server.server as unknown as { address(): AddressInfo }).address();
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}
