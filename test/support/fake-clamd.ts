/**
 * A tiny stand-in for clamd that speaks its INSTREAM protocol: reads "zINSTREAM\0", then
 * length-prefixed chunks up to a zero length, and answers "stream: Eicar-Signature FOUND" when
 * the bytes contain the EICAR test string, else "stream: OK". For tests about what the API does
 * with clamd's verdict, not about ClamAV.
 */
import { createServer, type Server } from 'node:net';

/** The EICAR anti-virus test file: harmless, and recognised by every scanner. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export interface FakeClamd {
  url: string;
  /** The streams scanned so far, as received. */
  scanned: Buffer[];
  close(): Promise<void>;
}

const COMMAND = Buffer.from('zINSTREAM\0');

export async function startFakeClamd(): Promise<FakeClamd> {
  const scanned: Buffer[] = [];
  const server: Server = createServer((socket) => {
    let pending = Buffer.alloc(0);
    let commandRead = false;
    const chunks: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      if (!commandRead) {
        if (pending.length < COMMAND.length) return;
        if (!pending.subarray(0, COMMAND.length).equals(COMMAND)) {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
        commandRead = true;
        pending = pending.subarray(COMMAND.length);
      }
      while (pending.length >= 4) {
        const length = pending.readUInt32BE(0);
        if (length === 0) {
          const stream = Buffer.concat(chunks);
          scanned.push(stream);
          socket.end(stream.includes(EICAR) ? 'stream: Eicar-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (pending.length < 4 + length) return;
        chunks.push(pending.subarray(4, 4 + length));
        pending = pending.subarray(4 + length);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `tcp://127.0.0.1:${port}`,
    scanned,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A tcp:// address where nothing listens (a port just freed). */
export async function deadClamdUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `tcp://127.0.0.1:${port}`;
}
