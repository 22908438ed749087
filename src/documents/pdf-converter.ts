/**
 * DOCX → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`). Each conversion
 * gets its own folder and LibreOffice profile, so conversions may run side by side.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export class PdfConversionError extends Error {
  override name = 'PdfConversionError';
}

/** The PDF of `docx`, converted by `soffice` (a path or a name on PATH). */
export async function convertDocxToPdf(
  soffice: string,
  docx: Buffer,
  options: { timeoutMs?: number } = {},
): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'par-document-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: options.timeoutMs ?? 120_000 },
        (err, _stdout, stderr) =>
          err
            ? reject(new PdfConversionError(`${soffice} failed: ${err.message} ${stderr}`.trim()))
            : resolve(),
      );
    });
    try {
      return await readFile(path.join(dir, 'document.pdf'));
    } catch {
      throw new PdfConversionError(`${soffice} wrote no PDF`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
