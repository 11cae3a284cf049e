import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Files older than this in the temp folder belong to no upload in progress (a crash left them). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The dossier files on disk under DOCUMENTS_DIR: `<nominationId>/<documentId>.<ext>`, written first under `.tmp/`
 * (same file system, so the final rename is atomic) and moved into place only inside the transaction that records
 * them. Paths come from ids the service generated, never from a client's file name.
 */
@Injectable()
export class DocumentStorage implements OnModuleInit {
  private readonly logger = new Logger('DossierDocuments');
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.documents.dir);
  }

  private get tempDir(): string {
    return join(this.root, '.tmp');
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.tempDir, { recursive: true });
    const now = Date.now();
    for (const name of await readdir(this.tempDir)) {
      const file = join(this.tempDir, name);
      const info = await stat(file).catch(() => null);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
    }
  }

  /** The file of a storage key, refusing anything that would leave the root. */
  pathOf(storageKey: string): string {
    const path = resolve(this.root, storageKey);
    if (!path.startsWith(this.root + sep) || path.startsWith(this.tempDir + sep)) {
      throw new Error(`Đường dẫn tài liệu không hợp lệ: ${storageKey}`);
    }
    return path;
  }

  /** Writes the content to a new temp file, flushed to disk; answers its path. */
  async writeTemp(content: Buffer): Promise<string> {
    await mkdir(this.tempDir, { recursive: true });
    const path = join(this.tempDir, `${randomUUID()}.part`);
    const handle = await open(path, 'wx', 0o640);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return path;
  }

  /**
   * Moves a temp file to its place. Idempotent: a transaction retried after the rename (sqlite busy) finds the file
   * there already.
   */
  async place(tempPath: string, storageKey: string): Promise<void> {
    const target = this.pathOf(storageKey);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(tempPath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await stat(target).catch(() => null))) return;
      throw error;
    }
  }

  /** Removes what a failed upload left: its temp file and, if it got that far, its placed file. */
  async discard(tempPath: string, storageKey: string): Promise<void> {
    for (const path of [tempPath, this.pathOf(storageKey)]) {
      await rm(path, { force: true }).catch((error: Error) => this.logger.error(`Không xóa được ${path}: ${error.message}`));
    }
  }

  /** A stream of a stored file; a file missing on disk is a server fault, logged, answered without internals. */
  async open(storageKey: string): Promise<{ stream: ReadStream; size: number }> {
    const path = this.pathOf(storageKey);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      this.logger.error(`Thiếu tệp của tài liệu ${storageKey} trong ${this.root}`);
      throw new AppError(500, 'DOCUMENT_FILE_MISSING', 'Không đọc được tệp của tài liệu này trên máy chủ; vui lòng báo quản trị hệ thống');
    }
    return { stream: createReadStream(path), size: info.size };
  }
}
