import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { MANIFEST_FILE, MANIFEST_HASH_FILE, type ExchangeManifest, type ManifestFile } from './package-format';

export interface PackageFile {
  path: string;
  content: Uint8Array;
}

export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** `<hex>  manifest.json`: the line `sha256sum -c manifest.sha256` checks. */
export function manifestHashLine(manifestSha256: string): string {
  return `${manifestSha256}  ${MANIFEST_FILE}\n`;
}

/**
 * The package: the manifest completed with the SHA-256 and size of every file, `manifest.sha256` holding the hash of
 * `manifest.json` exactly as written, and the files. Answers the ZIP's bytes, the manifest and its hash.
 */
export function buildPackage<M extends ExchangeManifest>(
  draft: Omit<M, 'files'>,
  files: PackageFile[],
): { zip: Uint8Array; manifest: M; manifestSha256: string } {
  const paths = new Set<string>();
  for (const file of files) {
    if (paths.has(file.path) || file.path === MANIFEST_FILE || file.path === MANIFEST_HASH_FILE) {
      throw new Error(`Tệp "${file.path}" xuất hiện hai lần trong gói`);
    }
    paths.add(file.path);
  }
  const listed: ManifestFile[] = files.map((file) => ({ path: file.path, sha256: sha256Hex(file.content), sizeBytes: file.content.length }));
  const manifest = { ...draft, files: listed } as M;
  const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  const manifestSha256 = sha256Hex(manifestBytes);
  const entries: Zippable = {
    [MANIFEST_FILE]: manifestBytes,
    [MANIFEST_HASH_FILE]: strToU8(manifestHashLine(manifestSha256)),
  };
  // Documents (PDF, DOCX, XLSX, images) are compressed already: stored as they are.
  for (const file of files) entries[file.path] = [file.content, { level: 0 }];
  return { zip: zipSync(entries, { mtime: new Date(manifest.createdAt) }), manifest, manifestSha256 };
}
