import type { EntityManager } from 'typeorm';
import type { NominationEvent, NominationSnapshot, NominationWorkflow, Refusal } from '../../workflows';
import type { Principal } from '../identity/principal';
import type { NominationEntity } from './nomination.entity';

/** What a hook sees of a step being applied, inside the step's transaction. */
export interface StepContext {
  manager: EntityManager;
  principal: Principal;
  row: NominationEntity;
  workflow: NominationWorkflow;
  before: NominationSnapshot;
  event: NominationEvent;
}

/**
 * A rule that needs data outside the machine (documents on disk, the nominee's history, flags): it may refuse an
 * event the machine's own guards accept. A refusal is answered 422 with its rule named, and nothing is written.
 */
export interface StepCheck {
  check(step: StepContext): Promise<Refusal | null>;
}

/** Work that belongs to the step's own transaction once it is accepted (notifications, outbox rows). */
export interface StepListener {
  afterStep(step: StepContext & { after: NominationSnapshot; toState: string }): Promise<void>;
}

export const STEP_CHECKS = Symbol('STEP_CHECKS');
export const STEP_LISTENERS = Symbol('STEP_LISTENERS');
