import { BadRequestException, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { AppError, badInput } from '../common/app-error';
import { formatSize } from '../dossiers/document-upload.interceptor';

/** The largest list accepted: 10,000 rows of a filled template take about 1 MB. */
export const SPREADSHEET_MAX_BYTES = 10 * 1024 * 1024;

/** Reads the one file of an import (field `file`) into memory; too large is a 413, anything else malformed a 400. */
@Injectable()
export class SpreadsheetUploadInterceptor extends FileInterceptor('file', {
  limits: { fileSize: SPREADSHEET_MAX_BYTES, files: 1, fields: 4, fieldSize: 64, parts: 5 },
  defParamCharset: 'utf8',
}) {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new AppError(413, 'SPREADSHEET_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (tối đa ${formatSize(SPREADSHEET_MAX_BYTES)})`, { maxBytes: SPREADSHEET_MAX_BYTES });
      }
      if (error instanceof BadRequestException) {
        throw badInput('Nội dung multipart/form-data không hợp lệ: gửi một tệp XLSX trong trường "file" (và dryRun=true nếu chỉ kiểm tra)', {
          fields: [{ field: 'file', problems: ['gửi đúng một tệp trong trường "file"'] }],
        });
      }
      throw error;
    }
  }
}
