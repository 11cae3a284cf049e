import { deflateSync } from 'node:zlib';
import { crc32, sampleDocx, samplePdf, sampleXlsx, zipArchive } from '../../src/demo/sample-documents';

/**
 * Named files for dossier tests: real, small PDF, DOCX, XLSX, PNG and JPEG files whose text is a Vietnamese document
 * title, and the impostors a content check must see through (a name or a Content-Type that lies).
 */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 white PNG (a scanned stamp, say). */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1×1 grey baseline JPEG (JFIF), as a phone camera's scan starts. */
function jpeg(): Buffer {
  return Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );
}

export const DOSSIER_FILES = {
  pdf: (title: string, lines: string[] = []) => samplePdf(title, lines),
  docx: (title: string, lines: string[] = []) => sampleDocx(title, lines),
  xlsx: (title: string, rows: string[][] = []) => sampleXlsx(title, rows),
  png,
  jpeg,
  /** Plain text saved as "….pdf" by someone who typed the report in a text editor. */
  textNamedPdf: (title: string) => Buffer.from(`${title}\nNội dung báo cáo thành tích gõ bằng trình soạn thảo văn bản.\n`, 'utf8'),
  /** A ZIP of scans: a ZIP, but not an Office document. */
  zipOfScans: () => zipArchive([{ name: 'scan-01.png', data: png() }]),
  /** A Word-looking package without `[Content_Types].xml`. */
  docxWithoutContentTypes: () => zipArchive([{ name: 'word/document.xml', data: '<w:document/>' }]),
  /** A macro-enabled Word document (.docm) renamed .docx. */
  docxWithMacros: () =>
    zipArchive([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
      { name: 'word/vbaProject.bin', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
    ]),
  /** A Word 97–2003 document (.doc): an OLE compound file. */
  legacyDoc: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  /** A GIF, an accepted kind of picture nowhere in the rules. */
  gif: () => Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'),
} as const;

/** A valid PDF of exactly `size` bytes (padding in a comment before the header's end-of-file marker is not needed). */
export function pdfOfSize(size: number, title = 'Báo cáo thành tích'): Buffer {
  const pdf = samplePdf(title);
  if (size < pdf.length) throw new Error(`A sample PDF needs at least ${pdf.length} bytes`);
  return Buffer.concat([pdf, Buffer.from(`%${'x'.repeat(Math.max(0, size - pdf.length - 2))}\n`, 'latin1')]).subarray(0, size);
}
