/**
 * Scans a file with clamd (ClamAV's daemon) before it is stored, with the INSTREAM command:
 * "zINSTREAM\0", then the bytes in chunks each preceded by its length (4 bytes, big-endian), then
 * a zero length; clamd answers "stream: OK" or "stream: <signature> FOUND" and closes.
 * Anything else (refused connection, no answer in time, "… ERROR" such as clamd's
 * StreamMaxLength being smaller than the file) is a ClamdUnavailableError: the caller must not
 * store an unscanned file.
 */
import { createReadStream } from 'node:fs';
import { connect, type NetConnectOpts } from 'node:net';

export type ScanResult = { infected: false } | { infected: true; signature: string };

export class ClamdUnavailableError extends Error {
  override name = 'ClamdUnavailableError';
}

const CHUNK_BYTES = 64 * 1024;

/** tcp://host:port or unix:///path (validated by the configuration). */
function target(clamdUrl: string): NetConnectOpts {
  const url = new URL(clamdUrl);
  return url.protocol === 'unix:'
    ? { path: decodeURIComponent(url.pathname) }
    : { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) };
}

function verdict(reply: string): ScanResult {
  const text = reply.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(text)) return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { infected: true, signature: found[1]! };
  throw new ClamdUnavailableError(`clamd answered "${text.slice(0, 200)}"`);
}

function frame(chunk: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(chunk.length);
  return Buffer.concat([length, chunk]);
}

export function scanWithClamd(
  clamdUrl: string,
  file: string,
  timeoutMs: number,
): Promise<ScanResult> {
  return new Promise<ScanResult>((resolve, reject) => {
    const socket = connect(target(clamdUrl));
    let reply = '';
    let settled = false;
    const settle = (outcome: () => ScanResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      try {
        resolve(outcome());
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    const unavailable = (why: string) => () => {
      throw new ClamdUnavailableError(why);
    };
    const timer = setTimeout(
      () => settle(unavailable(`clamd did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('data', (data: Buffer) => {
      reply += data.toString('utf8');
      if (reply.includes('\0')) settle(() => verdict(reply));
    });
    socket.on('end', () =>
      settle(reply ? () => verdict(reply) : unavailable('clamd closed without answering')),
    );
    socket.on('error', (err) =>
      // clamd may answer (e.g. a size limit) and close while the file is still being sent.
      settle(reply ? () => verdict(reply) : unavailable(`cannot reach clamd: ${err.message}`)),
    );
    socket.on('connect', () => {
      const send = async () => {
        socket.write('zINSTREAM\0');
        for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
          if (settled) return;
          if (!socket.write(frame(chunk as Buffer))) {
            await new Promise((next) => {
              socket.once('drain', next);
              socket.once('close', next);
            });
          }
        }
        if (!settled) socket.write(Buffer.alloc(4));
      };
      send().catch((err: Error) => settle(unavailable(`cannot send the file: ${err.message}`)));
    });
  });
}
