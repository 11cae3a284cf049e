import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import type { JobLease, ScheduledJob } from '../scheduler/scheduled-job';
import { WebhookOutboxEntity } from './webhook-outbox.entity';
import { signWebhookBody } from './webhook-signature';

const BATCH = 50;
const MAX_BACKOFF_SECONDS = 24 * 3600;

/** Seconds before the next attempt after `attempts` failures: the base, doubled each time, capped at a day. */
export function backoffSeconds(baseSeconds: number, attempts: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

type Attempt = { ok: true } | { ok: false; error: string };

/**
 * Delivers pending outbox rows to `WEBHOOK_URL` (and nowhere else: redirects are not followed), oldest first, each
 * signed with `X-Signature: sha256=<HMAC>` and identified by `X-Event-Id`. A 2xx marks the row delivered; anything
 * else schedules a retry with exponential back-off, and after `WEBHOOK_MAX_ATTEMPTS` attempts the row is `failed`.
 * Runs under its own lease, so two instances never send the same row at the same time.
 */
@Injectable()
export class WebhookDispatcherJob implements ScheduledJob {
  readonly name = 'webhook-dispatch';
  readonly intervalSeconds: number;
  readonly leaseSeconds: number;
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.intervalSeconds = config.webhook.intervalSeconds;
    this.leaseSeconds = Math.max(300, (BATCH + 2) * config.webhook.timeoutSeconds);
  }

  async run(lease: JobLease): Promise<Record<string, number>> {
    const counts = { delivered: 0, retrying: 0, failed: 0 };
    const { url, secret } = this.config.webhook;
    if (!url || !secret) return counts;
    const due = await this.dataSource
      .getRepository(WebhookOutboxEntity)
      .createQueryBuilder('o')
      .where('o.status = :pending AND o.next_attempt_at <= :now', { pending: 'pending', now: new Date().toISOString() })
      .orderBy('o.created_at', 'ASC')
      .addOrderBy('o.nomination_id', 'ASC')
      .addOrderBy('o.version', 'ASC')
      .take(BATCH)
      .getMany();
    for (const row of due) {
      // Never send past the lease: another instance may claim the job once it ends.
      if (lease.expiresWithin(this.config.webhook.timeoutSeconds + 30)) break;
      const attempt = await this.send(url, secret, row);
      counts[await this.record(row, attempt)] += 1;
    }
    return counts;
  }

  private async send(url: string, secret: string, row: WebhookOutboxEntity): Promise<Attempt> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'thi-dua-khen-thuong-webhook/1',
          'X-Event-Id': row.id,
          'X-Signature': signWebhookBody(row.body, secret),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhook.timeoutSeconds * 1000),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300 ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: [(error as Error).name, (error as Error).message, cause].filter(Boolean).join(': ') };
    }
  }

  private async record(row: WebhookOutboxEntity, attempt: Attempt): Promise<'delivered' | 'retrying' | 'failed'> {
    const now = new Date();
    const attempts = row.attempts + 1;
    const outcome = attempt.ok ? 'delivered' : attempts >= this.config.webhook.maxAttempts ? 'failed' : 'retrying';
    const changes: Partial<WebhookOutboxEntity> = { attempts, lastAttemptAt: now.toISOString() };
    if (attempt.ok) Object.assign(changes, { status: 'delivered', deliveredAt: now.toISOString(), lastError: null });
    else {
      changes.lastError = attempt.error.slice(0, 1000);
      if (outcome === 'failed') changes.status = 'failed';
      else changes.nextAttemptAt = new Date(now.getTime() + backoffSeconds(this.config.webhook.backoffSeconds, attempts) * 1000).toISOString();
    }
    await this.writes.transaction((manager) =>
      manager
        .createQueryBuilder()
        .update(WebhookOutboxEntity)
        .set(changes)
        .where('id = :id AND status = :pending AND attempts = :attempts', { id: row.id, pending: 'pending', attempts: row.attempts })
        .execute(),
    );
    if (outcome !== 'delivered') {
      this.logger.warn(JSON.stringify({ event: row.id, nomination: row.nominationId, attempts, outcome, error: changes.lastError }));
    }
    return outcome;
  }
}
