import { BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { AppError, badInput } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { formatSize } from '../dossiers/document-upload.interceptor';

/** One multipart ZIP in the field `file`, refused at once beyond EXCHANGE_PACKAGE_MAX_BYTES (413). */
@Injectable()
export class PackageUploadInterceptor extends FileInterceptor('file') {
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ limits: { fileSize: config.exchange.packageMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 }, defParamCharset: 'utf8' });
    this.maxBytes = config.exchange.packageMaxBytes;
  }

  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new AppError(413, 'PACKAGE_TOO_LARGE', `Gói vượt quá dung lượng cho phép (tối đa ${formatSize(this.maxBytes)})`, { maxBytes: this.maxBytes });
      }
      if (error instanceof BadRequestException) {
        throw badInput('Nội dung multipart/form-data không hợp lệ: chỉ gửi một tệp ZIP trong trường "file"', {
          fields: [{ field: 'file', problems: ['gửi đúng một tệp ZIP trong trường "file"'] }],
        });
      }
      throw error;
    }
  }
}
