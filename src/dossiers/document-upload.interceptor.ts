import { BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { AppError, badInput } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** "20 MB", "1,5 KB": a size as a Vietnamese reader writes it. */
export function formatSize(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1).replace('.', ',')} ${units[unit]}`;
}

/**
 * Reads one multipart file (field `file`) into memory with multer, refusing at once anything over DOCUMENT_MAX_BYTES
 * (413) and any other file field or malformed body (400), in the project's error shape. File names are read as UTF-8
 * (what browsers send) rather than multer's default latin1.
 */
@Injectable()
export class DocumentUploadInterceptor extends FileInterceptor('file') {
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      limits: { fileSize: config.documents.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
      defParamCharset: 'utf8',
    });
    this.maxBytes = config.documents.maxBytes;
  }

  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new AppError(413, 'DOCUMENT_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (tối đa ${formatSize(this.maxBytes)})`, {
          maxBytes: this.maxBytes,
        });
      }
      if (error instanceof BadRequestException) {
        const unexpected = /^Unexpected (?:file )?field - (.+)$/.exec(error.message);
        if (unexpected) {
          throw badInput(`Chỉ nhận một tệp, trong trường "file" (không nhận trường "${unexpected[1]}")`, {
            fields: [{ field: unexpected[1], problems: ['không được phép: gửi tệp trong trường "file"'] }],
          });
        }
        throw badInput('Nội dung multipart/form-data không hợp lệ: chỉ gửi một tệp (trường "file") và mã loại tài liệu (trường "code")');
      }
      throw error;
    }
  }
}
