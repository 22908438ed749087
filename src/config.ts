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
}

export const DEFAULTS = {
  databaseUrl: 'postgres://postgres:postgres@127.0.0.1:5433/par',
  temporalAddress: '127.0.0.1:7233',
  temporalNamespace: 'default',
  temporalTaskQueue: 'par-campaigns',
  smtpUrl: 'smtp://127.0.0.1:1025',
  mailFrom: 'Sở Nội vụ - Chỉ số CCHC <cchc@example.gov.vn>',
  port: 3000,
  dataDir: '.data',
  evidenceMaxBytes: 20 * 1024 * 1024,
} as const satisfies AppConfig;

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
    temporalTaskQueue: get('TEMPORAL_TASK_QUEUE') ?? DEFAULTS.temporalTaskQueue,
    smtpUrl: parseUrl('SMTP_URL', get('SMTP_URL') ?? DEFAULTS.smtpUrl, ['smtp:', 'smtps:']),
    mailFrom: get('MAIL_FROM') ?? DEFAULTS.mailFrom,
    port: parsePort('PORT', get('PORT') ?? String(DEFAULTS.port)),
    dataDir: get('DATA_DIR') ?? DEFAULTS.dataDir,
    evidenceMaxBytes: parseByteCount(
      'EVIDENCE_MAX_BYTES',
      get('EVIDENCE_MAX_BYTES') ?? String(DEFAULTS.evidenceMaxBytes),
    ),
  };
}
