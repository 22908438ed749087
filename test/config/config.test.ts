import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('falls back to the embedded defaults', () => {
    expect(loadConfig({})).toEqual(DEFAULTS);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://par:secret@db:5432/par',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'par',
      SMTP_URL: 'smtps://user:pass@mail.gov.vn:465',
      MAIL_FROM: 'Sở Nội vụ <cchc@snv.gov.vn>',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://par:secret@db:5432/par',
      temporalAddress: 'temporal:7233',
      temporalNamespace: 'par',
      smtpUrl: 'smtps://user:pass@mail.gov.vn:465',
      mailFrom: 'Sở Nội vụ <cchc@snv.gov.vn>',
      port: 8080,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a TCP port/],
    [{ PORT: '70000' }, /PORT must be a TCP port/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL must start with postgres:/],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL is not a valid URL/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
