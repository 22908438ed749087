import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** What the storage engine adds to multer's file: where the bytes are, and their digest. */
export interface HashedUpload extends Express.Multer.File {
  /** Temporary file in the unit's evidence folder, to be renamed to its sha256. */
  path: string;
  size: number;
  sha256: string;
}

/** Removes a file, ignoring one that is already gone. */
export async function removeIfPresent(file: string | undefined): Promise<void> {
  if (!file) return;
  try {
    await unlink(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * A multer storage engine that streams an upload into a temporary file in `directory` (created
 * when needed) and computes its size and SHA-256 on the way, so nothing is read twice. The
 * caller renames the temporary file once the upload is accepted; multer removes it (through
 * _removeFile) when the upload fails, e.g. over the size limit.
 */
export class HashingDiskStorage implements StorageEngine {
  constructor(private readonly directory: string) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<HashedUpload>) => void,
  ): void {
    const tempPath = path.join(this.directory, `.upload-${randomBytes(12).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    mkdir(this.directory, { recursive: true })
      .then(async () => {
        // Known to multer before the first byte, so an aborted request removes it too.
        file.path = tempPath;
        try {
          await pipeline(file.stream, meter, createWriteStream(tempPath, { flags: 'wx' }));
        } catch (err) {
          await removeIfPresent(tempPath).catch(() => undefined);
          throw err;
        }
        callback(null, { path: tempPath, size, sha256: hash.digest('hex') });
      })
      .catch((err: unknown) => callback(err));
  }

  _removeFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error: Error | null) => void,
  ): void {
    removeIfPresent(file.path).then(
      () => callback(null),
      (err: Error) => callback(err),
    );
  }
}
