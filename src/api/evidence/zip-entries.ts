/**
 * Reads what a ZIP file on disk holds (its central directory) without unpacking it, and the text
 * of one small entry: enough to tell a .docx or .odt from another archive renamed.
 */
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import {
  dataOffsetOf,
  EOCD_SEARCH_BYTES,
  locateCentralDirectory,
  parseCentralDirectory,
  type ZipEntry,
} from '../../domain/zip-directory.js';

/** An entry read for its text is tiny (ODF's `mimetype`): larger ones are not inflated. */
const MAX_TEXT_ENTRY_BYTES = 1024;

export interface ZipContents {
  names: string[];
  /** The text of the `mimetype` entry (OpenDocument); null when absent, large or unreadable. */
  mimetype: string | null;
}

/** A tiny entry's text, stored or deflated; null when larger or unreadable. */
async function textOf(
  entry: ZipEntry,
  read: (position: number, length: number) => Promise<Uint8Array>,
): Promise<string | null> {
  if (entry.compressedSize > MAX_TEXT_ENTRY_BYTES) return null;
  if (entry.uncompressedSize > MAX_TEXT_ENTRY_BYTES) return null;
  const start = dataOffsetOf(entry, await read(entry.localHeaderOffset, 30));
  if (start === null) return null;
  const raw = await read(start, entry.compressedSize);
  try {
    const bytes =
      entry.method === 0
        ? raw
        : entry.method === 8
          ? inflateRawSync(raw, { maxOutputLength: MAX_TEXT_ENTRY_BYTES })
          : null;
    return bytes ? new TextDecoder('utf-8').decode(bytes) : null;
  } catch {
    return null;
  }
}

/** The archive's entries, or null when it has no readable central directory. */
export async function readZipContents(file: string): Promise<ZipContents | null> {
  const handle = await open(file, 'r');
  const read = async (position: number, length: number): Promise<Uint8Array> => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  };
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, EOCD_SEARCH_BYTES);
    const location = locateCentralDirectory(await read(size - tailLength, tailLength), size);
    if (!location) return null;
    const entries = parseCentralDirectory(
      await read(location.offset, location.size),
      location.entries,
    );
    if (!entries) return null;
    const mimetype = entries.find((e) => e.name === 'mimetype');
    return {
      names: entries.map((e) => e.name),
      mimetype: mimetype ? await textOf(mimetype, read) : null,
    };
  } finally {
    await handle.close();
  }
}
