import 'vitest';
/** Values the global setup hands to every test file (see test/global-setup.ts). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL database for this test run, with migrations applied. */
    databaseUrl: string;
    /** host:port of the time-skipping Temporal test server. */
    temporalAddress: string;
    /** The campaign workflows, bundled once per run. */
    workflowBundleCode: string;
    /** SMTP URL of the loopback mail server, and its HTTP API for reading what it received. */
    smtpUrl: string;
    mailApiUrl: string;
  }
}
export {};
