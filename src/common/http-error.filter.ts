import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from './app-error';

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

const HTTP_MESSAGES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn',
  403: 'Bạn không có quyền thực hiện thao tác này',
  404: 'Không tìm thấy địa chỉ được yêu cầu',
  405: 'Phương thức không được hỗ trợ',
  413: 'Nội dung gửi lên quá lớn',
  415: 'Định dạng nội dung không được hỗ trợ',
};

/** One error shape for every answer: `{statusCode, error, message, details?}`; nothing internal leaks out. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<{ method: string; url: string }>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.url}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (exception instanceof AppError && exception.headers) response.set(exception.headers);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown) {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.status,
        error: ERROR_NAMES[exception.status] ?? 'Error',
        code: exception.code,
        message: exception.message,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
    }
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof (exception as { status?: unknown })?.status === 'number'
          ? (exception as { status: number }).status // body-parser errors (malformed JSON, too large)
          : 500;
    const safeStatus = status >= 400 && status < 600 ? status : 500;
    return {
      statusCode: safeStatus,
      error: ERROR_NAMES[safeStatus] ?? 'Error',
      message:
        safeStatus === 400 && /JSON/.test((exception as Error)?.message ?? '')
          ? 'Nội dung yêu cầu không phải JSON hợp lệ'
          : (HTTP_MESSAGES[safeStatus] ?? 'Đã có lỗi xảy ra trong hệ thống; thao tác chưa được thực hiện'),
    };
  }
}
