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
      TEMPORAL_UI_URL: 'https://temporal.snv.vinhlong.gov.vn/',
      SMTP_URL: 'smtps://user:pass@mail.gov.vn:465',
      MAIL_FROM: 'Sở Nội vụ <cchc@snv.gov.vn>',
      PORT: '8080',
      PUBLIC_URL: 'https://cchc.vinhlong.gov.vn',
      SECRETARIAT_EMAILS: 'cchc@snv.vinhlong.gov.vn, thuky@snv.vinhlong.gov.vn',
      COUNCIL_EMAILS: 'hoidong@vinhlong.gov.vn',
      WORKER_MAX_CACHED_WORKFLOWS: '1500',
      CORS_ORIGINS: 'https://cchc.vinhlong.gov.vn, http://127.0.0.1:5173',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      EVIDENCE_QUOTA_MB: '50',
      EVIDENCE_MAX_FILES: '40',
      CLAMD_URL: 'tcp://clamav:3310',
      CLAMD_TIMEOUT_MS: '5000',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://par:secret@db:5432/par',
      temporalAddress: 'temporal:7233',
      temporalNamespace: 'par',
      temporalUiUrl: 'https://temporal.snv.vinhlong.gov.vn',
      smtpUrl: 'smtps://user:pass@mail.gov.vn:465',
      mailFrom: 'Sở Nội vụ <cchc@snv.gov.vn>',
      port: 8080,
      publicUrl: 'https://cchc.vinhlong.gov.vn',
      secretariatEmails: ['cchc@snv.vinhlong.gov.vn', 'thuky@snv.vinhlong.gov.vn'],
      councilEmails: ['hoidong@vinhlong.gov.vn'],
      workerMaxCachedWorkflows: 1500,
      corsOrigins: ['https://cchc.vinhlong.gov.vn', 'http://127.0.0.1:5173'],
      rateLimitWritesPerMinute: 0,
      evidenceQuotaBytes: 50 * 1024 * 1024,
      evidenceMaxFiles: 40,
      clamdUrl: 'tcp://clamav:3310',
      clamdTimeoutMs: 5000,
    });
    expect(loadConfig({ CLAMD_URL: 'unix:///run/clamd.ctl' }).clamdUrl).toBe(
      'unix:///run/clamd.ctl',
    );
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a TCP port/],
    [{ PORT: '70000' }, /PORT must be a TCP port/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL must start with postgres:/],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL is not a valid URL/],
    [{ PUBLIC_URL: 'ftp://x.vn' }, /PUBLIC_URL must start with http: or https:/],
    [{ TEMPORAL_UI_URL: 'temporal-ui:8080' }, /TEMPORAL_UI_URL must start with http: or https:/],
    [
      { SECRETARIAT_EMAILS: 'cchc@snv.vn, not-an-address' },
      /SECRETARIAT_EMAILS .*"not-an-address"/,
    ],
    [{ COUNCIL_EMAILS: ' , ' }, /COUNCIL_EMAILS must be comma-separated e-mail addresses/],
    [
      { WORKER_MAX_CACHED_WORKFLOWS: '1' },
      /WORKER_MAX_CACHED_WORKFLOWS must be a whole number of at least 2/,
    ],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS must be comma-separated origins.*"\*"/],
    [{ CORS_ORIGINS: 'https://cchc.vinhlong.gov.vn/' }, /CORS_ORIGINS .*"https:\/\/cchc/],
    [{ CORS_ORIGINS: 'cchc.vinhlong.gov.vn' }, /CORS_ORIGINS .*"cchc.vinhlong.gov.vn"/],
    [
      { RATE_LIMIT_WRITES_PER_MINUTE: '-1' },
      /RATE_LIMIT_WRITES_PER_MINUTE must be a whole number of at least 0/,
    ],
    [{ EVIDENCE_QUOTA_MB: '0' }, /EVIDENCE_QUOTA_MB must be a whole number of at least 1/],
    [{ EVIDENCE_QUOTA_MB: '1.5' }, /EVIDENCE_QUOTA_MB must be a whole number/],
    [{ EVIDENCE_MAX_FILES: 'many' }, /EVIDENCE_MAX_FILES must be a whole number of at least 1/],
    [{ CLAMD_URL: 'http://clamav:3310' }, /CLAMD_URL must start with tcp: or unix:/],
    [{ CLAMD_URL: 'tcp://clamav' }, /CLAMD_URL must name a host and a port/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
