/**
 * Configuration from environment variables. Every value has an embedded default so that
 * `npm run dev` works on a fresh machine; production sets them all (see .env.example).
 */
export interface AppConfig {
  /** PostgreSQL connection string. */
  databaseUrl: string;
  /** host:port of the Temporal frontend. */
  temporalAddress: string;
  temporalNamespace: string;
  /**
   * The Temporal Web UI (scheme://host[:port][/path]): the secretariat's campaign page links to
   * the campaign's workflow there.
   */
  temporalUiUrl: string;
  /** Task queue the worker polls and the API starts workflows on. */
  temporalTaskQueue: string;
  /** smtp://user:pass@host:port (smtps:// for implicit TLS). */
  smtpUrl: string;
  /** Sender of every reminder and escalation, e.g. "Sở Nội vụ <cchc@snv.vinhlong.gov.vn>". */
  mailFrom: string;
  /** Port of the HTTP API. */
  port: number;
  /** Folder for files the service keeps itself (evidence uploads). */
  dataDir: string;
  /** Largest evidence file a unit may upload, in bytes. */
  evidenceMaxBytes: number;
  /** Total size of the evidence files one unit may keep in one campaign, in bytes (set in MiB). */
  evidenceQuotaBytes: number;
  /** Number of evidence files one unit may keep in one campaign. */
  evidenceMaxFiles: number;
  /**
   * clamd to scan every upload with before it is stored (tcp://host:port or unix:///path);
   * null: no scan.
   */
  clamdUrl: string | null;
  /** How long a clamd scan may take before the upload is refused with 503. */
  clamdTimeoutMs: number;
  /** Where officials act, linked from every e-mail (the web front end or the API). */
  publicUrl: string;
  /**
   * LibreOffice's soffice, which turns the generated DOCX documents into PDF
   * (DOCUMENT_PDF_CONVERTER); null: documents are served as DOCX only.
   */
  documentPdfConverter: string | null;
  /**
   * The secretariat's mailbox(es), only to fill an empty list of its contacts on first start (the
   * first as its head); afterwards its contacts are data (secretariat_contacts).
   */
  secretariatEmails: string[];
  /** The appraisal council's mailbox(es): council reminders. */
  councilEmails: string[];
  /** Workflows the worker keeps in memory (more: fewer replays; fewer: less memory). */
  workerMaxCachedWorkflows: number;
  /**
   * How often the API's relay looks for outbox messages Temporal does not have yet (after an
   * outage, a restart); 0: this process delivers nothing (another one does).
   */
  outboxPollMs: number;
  /**
   * Web origins (scheme://host[:port]) whose pages may call the API from a browser; none: only
   * pages served by the API itself (Swagger UI), and no CORS headers at all.
   */
  corsOrigins: string[];
  /**
   * Writes (POST, PUT, PATCH, DELETE) one token (or, without a token, one IP address) may make
   * per minute, in each API process; 0: no limit.
   */
  rateLimitWritesPerMinute: number;
}

export const DEFAULTS: Readonly<AppConfig> = {
  databaseUrl: 'postgres://postgres:postgres@127.0.0.1:5433/par',
  temporalAddress: '127.0.0.1:7233',
  temporalNamespace: 'default',
  temporalUiUrl: 'http://127.0.0.1:8233',
  temporalTaskQueue: 'par-campaigns',
  smtpUrl: 'smtp://127.0.0.1:1025',
  mailFrom: 'Sở Nội vụ - Chỉ số CCHC <cchc@example.gov.vn>',
  port: 3000,
  dataDir: '.data',
  evidenceMaxBytes: 20 * 1024 * 1024,
  evidenceQuotaBytes: 200 * 1024 * 1024,
  evidenceMaxFiles: 300,
  clamdUrl: null,
  clamdTimeoutMs: 30_000,
  publicUrl: 'http://127.0.0.1:3000',
  documentPdfConverter: null,
  secretariatEmails: ['thuky.cchc@snv.example.gov.vn'],
  councilEmails: ['hoidong.cchc@snv.example.gov.vn'],
  workerMaxCachedWorkflows: 6000,
  outboxPollMs: 1000,
  corsOrigins: [],
  rateLimitWritesPerMinute: 120,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parsePort(name: string, raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`${name} must be a TCP port number (1-65535), got "${raw}"`);
  }
  return port;
}

function parseByteCount(name: string, raw: string): number {
  const bytes = Number(raw);
  // size_bytes is a PostgreSQL int: at most 2^31 - 1.
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(bytes) || bytes < 1 || bytes > 2 ** 31 - 1) {
    throw new ConfigError(`${name} must be a number of bytes (1-2147483647), got "${raw}"`);
  }
  return bytes;
}

function parseUrl(name: string, raw: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, got "${raw}"`);
  }
  return raw;
}

function parseEmails(name: string, raw: string): string[] {
  const emails = raw
    .split(',')
    .map((email) => email.trim())
    .filter(Boolean);
  const wrong = emails.find((email) => !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email));
  if (emails.length === 0 || wrong !== undefined) {
    throw new ConfigError(
      `${name} must be comma-separated e-mail addresses, got "${wrong ?? raw}"`,
    );
  }
  return emails;
}

function parseCount(name: string, raw: string, min: number): number {
  const count = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(count) || count < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return count;
}

function parseOrigins(name: string, raw: string): string[] {
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    // An exact origin, as a browser sends it in Origin: no path, no trailing slash, no "*".
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        `${name} must be comma-separated origins such as https://cchc.vinhlong.gov.vn, got "${origin}"`,
      );
    }
  }
  return origins;
}

const MIB = 1024 * 1024;

/** tcp://host:port or unix:///path/to/clamd.sock */
function parseClamdUrl(raw: string): string {
  parseUrl('CLAMD_URL', raw, ['tcp:', 'unix:']);
  const url = new URL(raw);
  if (url.protocol === 'tcp:' && (!url.hostname || !url.port)) {
    throw new ConfigError(`CLAMD_URL must name a host and a port (tcp://host:3310), got "${raw}"`);
  }
  if (url.protocol === 'unix:' && !url.pathname) {
    throw new ConfigError(`CLAMD_URL must name a socket (unix:///run/clamd.sock), got "${raw}"`);
  }
  return raw;
}

/** Reads the configuration; throws ConfigError naming the variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  return {
    databaseUrl: parseUrl('DATABASE_URL', get('DATABASE_URL') ?? DEFAULTS.databaseUrl, [
      'postgres:',
      'postgresql:',
    ]),
    temporalAddress: get('TEMPORAL_ADDRESS') ?? DEFAULTS.temporalAddress,
    temporalNamespace: get('TEMPORAL_NAMESPACE') ?? DEFAULTS.temporalNamespace,
    temporalUiUrl: parseUrl('TEMPORAL_UI_URL', get('TEMPORAL_UI_URL') ?? DEFAULTS.temporalUiUrl, [
      'http:',
      'https:',
    ]).replace(/\/+$/, ''),
    temporalTaskQueue: get('TEMPORAL_TASK_QUEUE') ?? DEFAULTS.temporalTaskQueue,
    smtpUrl: parseUrl('SMTP_URL', get('SMTP_URL') ?? DEFAULTS.smtpUrl, ['smtp:', 'smtps:']),
    mailFrom: get('MAIL_FROM') ?? DEFAULTS.mailFrom,
    port: parsePort('PORT', get('PORT') ?? String(DEFAULTS.port)),
    dataDir: get('DATA_DIR') ?? DEFAULTS.dataDir,
    evidenceMaxBytes: parseByteCount(
      'EVIDENCE_MAX_BYTES',
      get('EVIDENCE_MAX_BYTES') ?? String(DEFAULTS.evidenceMaxBytes),
    ),
    evidenceQuotaBytes:
      parseCount(
        'EVIDENCE_QUOTA_MB',
        get('EVIDENCE_QUOTA_MB') ?? String(DEFAULTS.evidenceQuotaBytes / MIB),
        1,
      ) * MIB,
    evidenceMaxFiles: parseCount(
      'EVIDENCE_MAX_FILES',
      get('EVIDENCE_MAX_FILES') ?? String(DEFAULTS.evidenceMaxFiles),
      1,
    ),
    clamdUrl: get('CLAMD_URL') ? parseClamdUrl(get('CLAMD_URL')!) : DEFAULTS.clamdUrl,
    clamdTimeoutMs: parseCount(
      'CLAMD_TIMEOUT_MS',
      get('CLAMD_TIMEOUT_MS') ?? String(DEFAULTS.clamdTimeoutMs),
      1,
    ),
    publicUrl: parseUrl('PUBLIC_URL', get('PUBLIC_URL') ?? DEFAULTS.publicUrl, ['http:', 'https:']),
    documentPdfConverter: get('DOCUMENT_PDF_CONVERTER') ?? DEFAULTS.documentPdfConverter,
    secretariatEmails: get('SECRETARIAT_EMAILS')
      ? parseEmails('SECRETARIAT_EMAILS', get('SECRETARIAT_EMAILS')!)
      : [...DEFAULTS.secretariatEmails],
    councilEmails: get('COUNCIL_EMAILS')
      ? parseEmails('COUNCIL_EMAILS', get('COUNCIL_EMAILS')!)
      : [...DEFAULTS.councilEmails],
    workerMaxCachedWorkflows: parseCount(
      'WORKER_MAX_CACHED_WORKFLOWS',
      get('WORKER_MAX_CACHED_WORKFLOWS') ?? String(DEFAULTS.workerMaxCachedWorkflows),
      2,
    ),
    outboxPollMs: parseCount(
      'OUTBOX_POLL_MS',
      get('OUTBOX_POLL_MS') ?? String(DEFAULTS.outboxPollMs),
      0,
    ),
    corsOrigins: get('CORS_ORIGINS')
      ? parseOrigins('CORS_ORIGINS', get('CORS_ORIGINS')!)
      : [...DEFAULTS.corsOrigins],
    rateLimitWritesPerMinute: parseCount(
      'RATE_LIMIT_WRITES_PER_MINUTE',
      get('RATE_LIMIT_WRITES_PER_MINUTE') ?? String(DEFAULTS.rateLimitWritesPerMinute),
      0,
    ),
  };
}
