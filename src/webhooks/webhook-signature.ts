import { createHmac } from 'node:crypto';

/**
 * `X-Signature` of a delivery: `sha256=` and the hex HMAC-SHA256 of the exact body bytes with `WEBHOOK_SECRET`.
 * A receiver recomputes it over the raw body and compares in constant time.
 */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
