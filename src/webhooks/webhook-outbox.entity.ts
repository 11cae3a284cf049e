import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/**
 * One accepted step to deliver to the configured webhook, written in the step's own transaction. `body` is the exact
 * JSON sent (and signed) on every attempt; `id` is its `X-Event-Id`.
 */
@Entity('webhook_outbox')
export class WebhookOutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  /** The nomination's version after the step: receivers order a nomination's events by it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'varchar', length: 32 })
  nextAttemptAt: string;

  @Column({ name: 'last_attempt_at', type: 'varchar', length: 32, nullable: true })
  lastAttemptAt: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'varchar', length: 32, nullable: true })
  deliveredAt: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}
