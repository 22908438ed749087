import { StreamableFile } from '@nestjs/common';
import { contentDisposition } from '../../domain/evidence-file-types.js';
import type { ExportFile } from './results-files.js';

/** A file officials download, with its name (Vietnamese, with diacritics) in the disposition. */
export function download(file: ExportFile): StreamableFile {
  return new StreamableFile(file.buffer, {
    type: file.type,
    disposition: contentDisposition(file.fileName),
    length: file.buffer.length,
  });
}
