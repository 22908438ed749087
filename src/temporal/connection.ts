import { Client, Connection } from '@temporalio/client';

export interface TemporalSettings {
  temporalAddress: string;
  temporalNamespace: string;
}

/** A client for the API process and scripts. Close `client.connection` when done. */
export async function connectTemporalClient(settings: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect({ address: settings.temporalAddress });
  return new Client({ connection, namespace: settings.temporalNamespace });
}
