import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { QueryFailedError, type EntityManager } from 'typeorm';
import {
  documentPath,
  readPackage,
  verifyPackage,
  type DECISION_PACKAGE_FORMAT,
  type DOSSIER_PACKAGE_FORMAT,
  type DecisionManifest,
  type DossierManifest,
  type ExchangeManifest,
  type ManifestDocument,
  type VerifiedPackage,
  type PackageFailure,
  type PackageFile,
} from '../../workflows';
import { AppError, badInput, conflict, ruleRefused } from '../common/app-error';
import type { DocumentStorage } from '../dossiers/document-storage';
import type { DossierDocumentEntity } from '../dossiers/dossier-document.entity';
import { DOCUMENT_FILE_TYPES, type DocumentFileType } from '../dossiers/file-type';
import { ExchangePackageEntity } from './exchange-package.entity';

/** The part of a multipart upload the exchange reads (multer's memory storage). */
export interface UploadedPackage {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export function packageRefused(failure: Pick<PackageFailure, 'file' | 'problem'>, rule = 'package-integrity') {
  return ruleRefused(`Gói không được chấp nhận: tệp "${failure.file}" ${failure.problem}`, { rule, file: failure.file, problem: failure.problem });
}

export function requirePackage(file: UploadedPackage | undefined): UploadedPackage {
  if (!file || file.buffer.length === 0) {
    throw badInput('Thiếu tệp gói (multipart/form-data, trường "file")', { fields: [{ field: 'file', problems: ['bắt buộc phải có tệp ZIP'] }] });
  }
  return file;
}

export function verifiedPackage(file: UploadedPackage, format: typeof DOSSIER_PACKAGE_FORMAT, maxBytes: number): VerifiedPackage<DossierManifest>;
export function verifiedPackage(file: UploadedPackage, format: typeof DECISION_PACKAGE_FORMAT, maxBytes: number): VerifiedPackage<DecisionManifest>;
/** Reads and verifies an uploaded package, or answers 422 `package-integrity` naming the file that fails. */
export function verifiedPackage(file: UploadedPackage, format: typeof DOSSIER_PACKAGE_FORMAT | typeof DECISION_PACKAGE_FORMAT, maxBytes: number) {
  const archiveName = (file.originalname || 'gói.zip').normalize('NFC');
  const read = readPackage(new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.length), { maxBytes, archiveName });
  if (!read.ok) throw packageRefused(read);
  const verified = verifyPackage(read.entries, format as typeof DOSSIER_PACKAGE_FORMAT) as VerifiedPackage<ExchangeManifest> | PackageFailure;
  if (!verified.ok) throw packageRefused(verified);
  return verified;
}

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}

export const alreadyImported = (manifestSha256: string) =>
  conflict('PACKAGE_ALREADY_IMPORTED', 'Gói này đã được tiếp nhận trước đây; không tiếp nhận lại', { manifestSha256 });

export async function assertNotImported(manager: EntityManager, manifestSha256: string): Promise<void> {
  if (await manager.existsBy(ExchangePackageEntity, { direction: 'in', manifestSha256 })) throw alreadyImported(manifestSha256);
}

/**
 * The stored documents as package files with their manifest entries. A file whose bytes no longer match the
 * SHA-256 recorded at upload is never sent: the server's copy is damaged.
 */
export async function documentFiles(
  storage: DocumentStorage,
  documents: DossierDocumentEntity[],
  kindName: (code: string) => string,
): Promise<{ files: PackageFile[]; entries: ManifestDocument[] }> {
  const current = new Map<string, number>();
  for (const document of documents) {
    const key = `${document.code}@${document.level}`;
    current.set(key, Math.max(current.get(key) ?? 0, document.version));
  }
  const files: PackageFile[] = [];
  const entries: ManifestDocument[] = [];
  for (const document of documents) {
    const content = await readFile(storage.pathOf(document.storageKey)).catch(() => null);
    if (!content || createHash('sha256').update(content).digest('hex') !== document.sha256) {
      throw new AppError(500, 'DOCUMENT_FILE_DAMAGED', `Tệp của tài liệu "${document.fileName}" trên máy chủ bị thiếu hoặc không còn khớp mã SHA-256; vui lòng báo quản trị hệ thống`);
    }
    const extension = DOCUMENT_FILE_TYPES[document.fileType as DocumentFileType]?.extensions[0] ?? 'bin';
    const path = documentPath(document, extension);
    files.push({ path, content: new Uint8Array(content.buffer, content.byteOffset, content.length) });
    entries.push({
      id: document.id,
      code: document.code,
      name: kindName(document.code),
      level: document.level,
      version: document.version,
      current: current.get(`${document.code}@${document.level}`) === document.version,
      fileName: document.fileName,
      fileType: document.fileType,
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
      path,
      uploadedAt: document.uploadedAt,
      uploadedBy: { userId: document.uploadedBy, username: document.uploadedByUsername },
    });
  }
  return { files, entries };
}
