import { unzipSync } from 'fflate';
import { sha256Hex } from './build-package';
import { validateManifestShape } from './manifest-shape';
import {
  DECISION_PACKAGE_FORMAT,
  DOSSIER_PACKAGE_FORMAT,
  MANIFEST_FILE,
  MANIFEST_HASH_FILE,
  SUPPORTED_FORMAT_VERSIONS,
  type DecisionManifest,
  type DossierManifest,
  type ManifestFile,
} from './package-format';

/** Why a package is refused, naming the one file that fails (the archive itself when it is no ZIP). */
export interface PackageFailure {
  ok: false;
  file: string;
  problem: string;
}

export type PackageEntries = Map<string, Uint8Array>;

export type VerifiedPackage<M> = { ok: true; manifest: M; manifestSha256: string; entries: PackageEntries };

const SHA256 = /^[0-9a-f]{64}$/;
/** Package paths are the sender's generated ASCII names under `documents/`: nothing a client could aim elsewhere. */
const SAFE_PATH = /^documents\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const fail = (file: string, problem: string): PackageFailure => ({ ok: false, file, problem });

/**
 * The entries of a ZIP, refusing an archive that is not one or whose files would expand beyond `maxBytes` in all
 * (read from the headers before anything is inflated).
 */
export function readPackage(zip: Uint8Array, options: { maxBytes: number; archiveName: string }): { ok: true; entries: PackageEntries } | PackageFailure {
  let declared = 0;
  let tooLarge = false;
  try {
    const files = unzipSync(zip, {
      filter: (file) => {
        declared += file.originalSize;
        if (declared > options.maxBytes) tooLarge = true;
        return !tooLarge;
      },
    });
    if (tooLarge) return fail(options.archiveName, `các tệp trong gói vượt quá ${options.maxBytes} byte khi giải nén`);
    const entries: PackageEntries = new Map();
    for (const [name, content] of Object.entries(files)) {
      if (name.endsWith('/') && content.length === 0) continue; // a folder entry
      entries.set(name, content);
    }
    return { ok: true, entries };
  } catch {
    return fail(options.archiveName, 'không phải tệp ZIP hợp lệ');
  }
}

function decodeManifest(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function listedFiles(value: unknown): ManifestFile[] | string {
  if (!Array.isArray(value)) return 'thiếu danh sách tệp (files)';
  const seen = new Set<string>();
  for (const [index, file] of value.entries()) {
    const entry = file as Partial<ManifestFile> | null;
    if (!entry || typeof entry.path !== 'string' || !SAFE_PATH.test(entry.path) || entry.path.split('/').includes('..')) {
      return `files[${index}].path không phải đường dẫn hợp lệ trong thư mục documents/`;
    }
    if (typeof entry.sha256 !== 'string' || !SHA256.test(entry.sha256)) return `files[${index}].sha256 không phải SHA-256 dạng hex`;
    if (!Number.isInteger(entry.sizeBytes) || entry.sizeBytes! < 0) return `files[${index}].sizeBytes không phải số byte`;
    if (seen.has(entry.path)) return `tệp "${entry.path}" được khai báo hai lần`;
    seen.add(entry.path);
  }
  return value as ManifestFile[];
}

/**
 * Everything a receiver checks before it trusts a package: `manifest.sha256` holds the SHA-256 of `manifest.json`,
 * the manifest is the expected format in a version this code reads, every file it lists is there with its size and
 * SHA-256, nothing else is in the archive, and every document names a listed file with the same hash.
 */
export function verifyPackage(entries: PackageEntries, format: typeof DOSSIER_PACKAGE_FORMAT): VerifiedPackage<DossierManifest> | PackageFailure;
export function verifyPackage(entries: PackageEntries, format: typeof DECISION_PACKAGE_FORMAT): VerifiedPackage<DecisionManifest> | PackageFailure;
export function verifyPackage(
  entries: PackageEntries,
  format: typeof DOSSIER_PACKAGE_FORMAT | typeof DECISION_PACKAGE_FORMAT,
): VerifiedPackage<DossierManifest | DecisionManifest> | PackageFailure {
  const manifestBytes = entries.get(MANIFEST_FILE);
  if (!manifestBytes) return fail(MANIFEST_FILE, 'thiếu trong gói');
  const hashBytes = entries.get(MANIFEST_HASH_FILE);
  if (!hashBytes) return fail(MANIFEST_HASH_FILE, 'thiếu trong gói');
  const hashLine = /^([0-9a-f]{64})(?:[ \t]+\*?manifest\.json)?\s*$/i.exec(new TextDecoder().decode(hashBytes));
  if (!hashLine) return fail(MANIFEST_HASH_FILE, 'không chứa một mã SHA-256 của manifest.json');
  const manifestSha256 = sha256Hex(manifestBytes);
  if (manifestSha256 !== hashLine[1].toLowerCase()) return fail(MANIFEST_FILE, 'mã SHA-256 không khớp với manifest.sha256 (nội dung đã bị thay đổi)');

  const manifest = decodeManifest(manifestBytes) as Record<string, unknown> | undefined;
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return fail(MANIFEST_FILE, 'không phải JSON hợp lệ (UTF-8)');
  if (manifest.format !== format) {
    return fail(MANIFEST_FILE, `không phải ${format === DOSSIER_PACKAGE_FORMAT ? 'gói hồ sơ' : 'gói quyết định'} (định dạng "${String(manifest.format)}", cần "${format}")`);
  }
  if (!SUPPORTED_FORMAT_VERSIONS.includes(manifest.formatVersion as number)) {
    return fail(MANIFEST_FILE, `phiên bản định dạng ${String(manifest.formatVersion)} không được hỗ trợ (hỗ trợ: ${SUPPORTED_FORMAT_VERSIONS.join(', ')})`);
  }
  const files = listedFiles(manifest.files);
  if (typeof files === 'string') return fail(MANIFEST_FILE, files);

  for (const file of files) {
    const content = entries.get(file.path);
    if (!content) return fail(file.path, 'có trong manifest nhưng thiếu trong gói');
    if (content.length !== file.sizeBytes) return fail(file.path, `dung lượng ${content.length} byte, manifest ghi ${file.sizeBytes} byte`);
    if (sha256Hex(content) !== file.sha256) return fail(file.path, 'mã SHA-256 không khớp với manifest (nội dung đã bị thay đổi)');
  }
  const listed = new Set(files.map((file) => file.path));
  for (const name of entries.keys()) {
    if (name !== MANIFEST_FILE && name !== MANIFEST_HASH_FILE && !listed.has(name)) return fail(name, 'có trong gói nhưng không được khai báo trong manifest');
  }

  const shapeProblem = validateManifestShape(manifest, format);
  if (shapeProblem) return fail(MANIFEST_FILE, shapeProblem);
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const document of (manifest as unknown as DossierManifest).documents) {
    const file = byPath.get(document.path);
    if (!file) return fail(MANIFEST_FILE, `tài liệu "${document.fileName}" trỏ tới "${document.path}", không có trong danh sách tệp`);
    if (file.sha256 !== document.sha256 || file.sizeBytes !== document.sizeBytes) {
      return fail(document.path, `mã SHA-256 hoặc dung lượng của tài liệu "${document.fileName}" khác với tệp trong gói`);
    }
  }
  return { ok: true, manifest: manifest as unknown as DossierManifest | DecisionManifest, manifestSha256, entries };
}
