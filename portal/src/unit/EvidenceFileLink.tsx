import { PaperClipOutlined } from '@ant-design/icons';
import type { EvidenceRef } from './unit-api';
import { formatSize } from './unit-format';

/**
 * An evidence file as the unit's pages list it: its name opening it in a new tab, and its size;
 * "Tệp đã tải lên" when the list of the unit's files does not hold it (yet).
 */
export function EvidenceFileLink({
  file,
}: {
  file: Pick<EvidenceRef, 'fileName' | 'sizeBytes' | 'downloadUrl'> | undefined;
}) {
  return (
    <>
      <PaperClipOutlined aria-hidden />{' '}
      {file ? (
        <a href={file.downloadUrl} target="_blank" rel="noreferrer">
          {file.fileName}
        </a>
      ) : (
        'Tệp đã tải lên'
      )}
      {file && <span className="file-size"> ({formatSize(file.sizeBytes)})</span>}
    </>
  );
}
