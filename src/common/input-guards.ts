import type { NextFunction, Request, Response } from 'express';
import { badInput } from './app-error';

/** Deeper than any body of the API; far below what would overflow the stack of the validation that walks it. */
export const MAX_JSON_DEPTH = 64;

const NUL_MESSAGE = 'Nội dung yêu cầu chứa ký tự NUL (\\u0000), không được chấp nhận';

/**
 * What a JSON text holds that no request of the API needs and that breaks what comes after the parser: nesting
 * deeper than MAX_JSON_DEPTH (the validation recurses into it) and the escape `\u0000` (PostgreSQL refuses NUL in
 * text). Read from the bytes without parsing; brackets and escapes inside strings are told apart.
 */
export function jsonProblem(raw: Buffer, limit = MAX_JSON_DEPTH): 'too-deep' | 'nul' | null {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index];
    if (inString) {
      if (byte === 0x5c) {
        // An escape: `\u0000` is NUL; any other escaped byte (`\\`, `\"`) is skipped.
        if (raw[index + 1] === 0x75 && raw.subarray(index + 2, index + 6).toString('latin1') === '0000') return 'nul';
        index++;
      } else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return 'too-deep';
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return null;
}

/** body-parser's `verify` hook: such a body is answered 400 in the error shape before it is parsed. */
export function refuseHostileJson(_request: unknown, _response: unknown, raw: Buffer): void {
  const problem = jsonProblem(raw);
  if (problem === 'too-deep') {
    throw badInput(`Nội dung JSON lồng nhau quá ${MAX_JSON_DEPTH} cấp`, { fields: [{ field: 'body', problems: [`lồng nhau quá ${MAX_JSON_DEPTH} cấp`] }] });
  }
  if (problem === 'nul') throw badInput(NUL_MESSAGE, { fields: [{ field: 'body', problems: ['chứa ký tự NUL'] }] });
}

/** A NUL in the path or the query string (always sent as `%00`) is refused the same way. */
export function refuseNulInUrl(request: Request, _response: Response, next: NextFunction): void {
  next(/%00/i.test(request.originalUrl ?? request.url) ? badInput(NUL_MESSAGE, { fields: [{ field: 'url', problems: ['chứa ký tự NUL'] }] }) : undefined);
}
