import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { StepContext, StepListener } from '../nominations/step-hooks';
import { WebhookOutboxEntity } from './webhook-outbox.entity';

/** The JSON a webhook receives for one accepted step. */
export interface NominationStepEvent {
  /** Also sent as `X-Event-Id`: the same on every retry, so a receiver can drop a repeat. */
  id: string;
  type: 'nomination.step';
  event: string;
  nominationId: string;
  formCode: string;
  fromState: string;
  toState: string;
  /** The nomination's version after the step. */
  version: number;
  at: string;
  actor: string;
}

/**
 * Writes one outbox row per accepted step in the step's own transaction — the step and its delivery commit or roll
 * back together — when a webhook is configured. The dispatcher sends it later.
 */
@Injectable()
export class WebhookOutboxListener implements StepListener {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async afterStep({ manager, principal, row, event, toState }: StepContext & { toState: string }): Promise<void> {
    if (!this.config.webhook.url) return;
    const body: NominationStepEvent = {
      id: randomUUID(),
      type: 'nomination.step',
      event: event.type,
      nominationId: row.id,
      formCode: row.formCode,
      fromState: row.state,
      toState,
      version: row.version + 1,
      at: event.at,
      actor: principal.username,
    };
    await manager.insert(WebhookOutboxEntity, {
      id: body.id,
      eventType: body.type,
      nominationId: row.id,
      version: body.version,
      body: JSON.stringify(body),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: event.at,
      lastAttemptAt: null,
      lastError: null,
      deliveredAt: null,
      createdAt: event.at,
    } as QueryDeepPartialEntity<WebhookOutboxEntity>);
  }
}
