import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { StepContext, StepListener } from '../nominations/step-hooks';
import { nominationSubject, outcomePhrase, waitingPhrase, withdrawnPhrase } from './notification-messages';
import { nextActors, usersHolding } from './notification-recipients';
import { NotificationEntity, type NotificationKind } from './notification.entity';

type AcceptedStep = StepContext & { after: StepContext['before']; toState: string };

export interface NotificationDraft {
  userId: string;
  nominationId: string;
  kind: NotificationKind;
  eventType: string;
  state: string;
  message: string;
  createdAt: string;
}

export async function insertNotifications(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
  if (!drafts.length) return;
  await manager.insert(
    NotificationEntity,
    drafts.map((draft) => ({ id: randomUUID(), ...draft, readAt: null })) as QueryDeepPartialEntity<NotificationEntity>[],
  );
}

/**
 * In each accepted step's transaction, tells the people it concerns: whoever must act next, where the dossier now
 * is, and the proposing unit's submitters of an outcome (supplement requested, rejected, awarded, forwarded, revoked).
 * Nobody is told of their own step, and nobody gets two notifications for one step.
 */
@Injectable()
export class NotificationStepListener implements StepListener {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async afterStep(step: AcceptedStep): Promise<void> {
    const { manager, principal, row, workflow, before, after, event, toState } = step;
    const subject = nominationSubject(workflow.form, row.nomineeName);
    const messages = new Map<string, { kind: NotificationKind; message: string }>();
    const tell = (userIds: string[], kind: NotificationKind, phrase: string) => {
      for (const userId of userIds) {
        if (userId !== principal.userId && !messages.has(userId)) messages.set(userId, { kind, message: `${subject} ${phrase}` });
      }
    };

    const actors = await usersHolding(manager, nextActors(row, workflow, after, this.config.externalLevels));
    tell(actors, 'action-required', waitingPhrase(workflow.form, toState, after.context, event));
    const outcome = outcomePhrase(workflow.form, event, toState, after.context);
    if (outcome) tell(await usersHolding(manager, [{ role: 'submitter', organizationId: row.organizationId }]), 'outcome', outcome);
    if (event.type === 'WITHDRAW') {
      // The office that was working on it should stop.
      const offices = nextActors(row, workflow, before, this.config.externalLevels).filter((holder) => holder.role !== 'submitter');
      tell(await usersHolding(manager, offices), 'outcome', withdrawnPhrase());
    }

    await insertNotifications(
      manager,
      [...messages].map(([userId, { kind, message }]) => ({ userId, nominationId: row.id, kind, eventType: event.type, state: toState, message, createdAt: event.at })),
    );
  }
}
