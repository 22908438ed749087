/**
 * The list of entries of a ZIP file (the central directory), read by hand: only the records
 * needed to see what an archive holds, nothing decompressed here. Pure: bytes in, entries out.
 *
 * Layout (PKWARE APPNOTE 4.3): local file headers and data, then the central directory, then the
 * End Of Central Directory record (22 bytes and a comment of up to 65,535) at the very end.
 * ZIP64 archives (over 4 GiB or 65,535 entries) are not read: evidence files are far smaller.
 */

export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local file header starts. */
  localHeaderOffset: number;
}

export interface CentralDirectoryLocation {
  offset: number;
  size: number;
  entries: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;

/** How many bytes at the end of the file hold the EOCD record, whatever its comment. */
export const EOCD_SEARCH_BYTES = EOCD_SIZE + 0xffff;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Finds the EOCD record in `tail` (the last bytes of a file of `fileSize` bytes) and says where
 * the central directory is; null when there is none, or it points outside the file.
 */
export function locateCentralDirectory(
  tail: Uint8Array,
  fileSize: number,
): CentralDirectoryLocation | null {
  const data = view(tail);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (data.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const commentLength = data.getUint16(at + 20, true);
    if (at + EOCD_SIZE + commentLength !== tail.length) continue; // a signature inside data
    const entries = data.getUint16(at + 10, true);
    const size = data.getUint32(at + 12, true);
    const offset = data.getUint32(at + 16, true);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null; // ZIP64
    const eocdStart = fileSize - tail.length + at;
    if (offset + size > eocdStart) return null;
    return { offset, size, entries };
  }
  return null;
}

/** The entries of a central directory; null when a record is broken. */
export function parseCentralDirectory(bytes: Uint8Array, expected: number): ZipEntry[] | null {
  const data = view(bytes);
  const entries: ZipEntry[] = [];
  let at = 0;
  const decoder = new TextDecoder('utf-8');
  while (entries.length < expected) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      uncompressedSize: data.getUint32(at + 24, true),
      localHeaderOffset: data.getUint32(at + 42, true),
    });
    at = end;
  }
  return entries;
}

/** Where an entry's data starts, from its local file header (30 bytes + name + extra). */
export function dataOffsetOf(entry: ZipEntry, localHeader: Uint8Array): number | null {
  if (localHeader.length < 30) return null;
  const data = view(localHeader);
  if (data.getUint32(0, true) !== LOCAL_SIGNATURE) return null;
  return entry.localHeaderOffset + 30 + data.getUint16(26, true) + data.getUint16(28, true);
}
