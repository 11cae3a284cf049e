import { DOCUMENT_FILE_TYPES, type DocumentFileType } from './file-type';

const MAX_NAME_LENGTH = 200;

/**
 * The name a document is shown and downloaded under: the uploader's name in NFC, without any folder, control
 * character or surrounding space, ending in the extension of the type its content has ("Báo cáo.docx" holding a PDF
 * becomes "Báo cáo.pdf"). It is never used as a path on disk.
 */
export function documentFileName(original: string | undefined, type: DocumentFileType, fallback: string): string {
  const base = (original ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    // C0/C1 controls and the bidirectional overrides that disguise an extension.
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const expected: readonly string[] = DOCUMENT_FILE_TYPES[type].extensions;
  const known = Object.values(DOCUMENT_FILE_TYPES).flatMap((candidate) => candidate.extensions as readonly string[]);
  const dot = base.lastIndexOf('.');
  const extension = dot >= 0 ? base.slice(dot + 1).toLowerCase() : '';
  let stem = dot >= 0 && known.includes(extension) ? base.slice(0, dot).trim() : base;
  if (!stem || /^\.+$/.test(stem)) stem = fallback;
  stem = [...stem].slice(0, MAX_NAME_LENGTH).join('');
  return `${stem}.${expected.includes(extension) ? extension : expected[0]}`;
}

/**
 * `Content-Disposition: attachment` for a Vietnamese name (RFC 6266): an ASCII `filename` for old clients
 * ("Bao cao thanh tich.pdf") and the exact UTF-8 name in `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
