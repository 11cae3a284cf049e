/**
 * Every refusal the service answers with: an HTTP status, a stable code, a Vietnamese message for a person and
 * details naming the fields or rules. The filter turns it into `{statusCode, error, message, details}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Response headers that belong to the refusal (e.g. `Retry-After` of a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details?: unknown) => new AppError(400, 'BAD_INPUT', message, details);
export const unauthenticated = (message = 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn') =>
  new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message: string, details?: unknown) => new AppError(403, 'FORBIDDEN', message, details);
export const notFound = (message: string, details?: unknown) => new AppError(404, 'NOT_FOUND', message, details);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const ruleRefused = (message: string, details?: unknown) => new AppError(422, 'RULE_REFUSED', message, details);
export const tooManyRequests = (message: string, retryAfterSeconds: number, details?: unknown) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', message, details, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
