/**
 * What a dossier file is, judged from its bytes alone: never from its name or the Content-Type the client sent.
 * Accepted: PDF, DOCX, XLSX, JPEG and PNG. DOCX and XLSX are ZIP packages; their central directory must list
 * `[Content_Types].xml` and the `word/` (resp. `xl/`) part, and no macros (`vbaProject.bin`).
 */
export const DOCUMENT_FILE_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'DOCX' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'XLSX' },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG' },
} as const;

export type DocumentFileType = keyof typeof DOCUMENT_FILE_TYPES;

const PDF = Buffer.from('%PDF-');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP_LOCAL_FILE = 0x04034b50;
const ZIP_CENTRAL_FILE = 0x02014b50;
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP_MAX_ENTRIES = 10_000;

function startsWith(content: Buffer, magic: Buffer, at = 0): boolean {
  return content.length >= at + magic.length && content.subarray(at, at + magic.length).equals(magic);
}

/** The type of a file's content, or null when it is none of the accepted ones. */
export function detectFileType(content: Buffer): DocumentFileType | null {
  // %PDF-1.7 (or 2.0): the header, then a version.
  if (startsWith(content, PDF) && /^\d\.\d$/.test(content.subarray(5, 8).toString('latin1'))) return 'pdf';
  // The PNG signature, then the IHDR chunk every PNG starts with.
  if (startsWith(content, PNG) && content.subarray(12, 16).toString('latin1') === 'IHDR') return 'png';
  if (startsWith(content, JPEG)) return 'jpeg';
  if (content.length >= 4 && content.readUInt32LE(0) === ZIP_LOCAL_FILE) return officePackageType(zipEntryNames(content));
  return null;
}

/** DOCX or XLSX by the parts an Office Open XML package must have; anything else zipped is refused. */
export function officePackageType(names: string[] | null): 'docx' | 'xlsx' | null {
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return null; // macro-enabled (.docm, .xlsm)
  const word = names.some((name) => name.startsWith('word/'));
  const excel = names.some((name) => name.startsWith('xl/'));
  if (word && !excel) return 'docx';
  if (excel && !word) return 'xlsx';
  return null;
}

/**
 * The entry names of a ZIP archive, read from its central directory (found through the end-of-central-directory
 * record at the end of the file); null when the archive is malformed, truncated or ZIP64.
 */
export function zipEntryNames(content: Buffer): string[] | null {
  const end = findEndOfCentralDirectory(content);
  if (end < 0) return null;
  const entries = content.readUInt16LE(end + 10);
  const size = content.readUInt32LE(end + 12);
  const offset = content.readUInt32LE(end + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null; // ZIP64: not an Office file here
  if (entries > ZIP_MAX_ENTRIES || offset + size > end) return null;
  const names: string[] = [];
  let at = offset;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > offset + size || content.readUInt32LE(at) !== ZIP_CENTRAL_FILE) return null;
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > offset + size) return null;
    names.push(content.toString('utf8', at + 46, at + 46 + nameLength));
    at = next;
  }
  return names;
}

/** The end-of-central-directory record: 22 bytes and a comment that runs exactly to the end of the file. */
function findEndOfCentralDirectory(content: Buffer): number {
  const lowest = Math.max(0, content.length - 22 - 0xffff);
  for (let at = content.length - 22; at >= lowest; at -= 1) {
    if (content.readUInt32LE(at) === ZIP_END_OF_CENTRAL_DIRECTORY && at + 22 + content.readUInt16LE(at + 20) === content.length) {
      return at;
    }
  }
  return -1;
}

/** The accepted types as a reader names them: "PDF, DOCX, XLSX, JPEG hoặc PNG". */
export function acceptedTypesLabel(): string {
  const labels = Object.values(DOCUMENT_FILE_TYPES).map((type) => type.label);
  return `${labels.slice(0, -1).join(', ')} hoặc ${labels.at(-1)}`;
}
