import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Signature` of a delivery: `sha256=` and the hex HMAC-SHA256 of the exact body bytes with `WEBHOOK_SECRET`. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute the signature over the raw body and compare in constant time. */
export function isWebhookSignatureValid(body: string, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
