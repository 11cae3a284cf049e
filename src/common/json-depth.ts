import { badInput } from './app-error';

/** Deeper than any body of the API; far below what would overflow the stack of the validation that walks it. */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of a JSON text, read from its bytes without parsing (brackets inside strings do not count), so
 * a body of thousands of nested arrays is refused before anything recurses into it.
 */
export function jsonDepthExceeds(raw: Buffer, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index];
    if (inString) {
      if (byte === 0x5c) index++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return false;
}

/** body-parser's `verify` hook: a body nested too deeply is answered 400 in the error shape. */
export function refuseDeepJson(_request: unknown, _response: unknown, raw: Buffer): void {
  if (jsonDepthExceeds(raw)) {
    throw badInput(`Nội dung JSON lồng nhau quá ${MAX_JSON_DEPTH} cấp`, { fields: [{ field: 'body', problems: [`lồng nhau quá ${MAX_JSON_DEPTH} cấp`] }] });
  }
}
