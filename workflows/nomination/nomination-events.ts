import type { Level } from '../catalog/types';

/** Who sent an event, as the service authenticated them. */
export interface EventActor {
  userId: string;
  username: string;
}

/** A step's due date, computed by the service from the rule set and the working-day calendar. */
export interface Deadline {
  level: Level;
  step: string;
  /** ISO date (YYYY-MM-DD), last day allowed. */
  dueDate: string;
  startedAt: string;
}

export interface CouncilCounts {
  /** Members of the council in total (present or not). */
  members: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

interface Base {
  actor: EventActor;
  /** ISO timestamp of acceptance. */
  at: string;
  /** Filled by the service: the due date of the step this event leads into. */
  deadline?: Deadline | null;
}

export type NominationEvent =
  | (Base & { type: 'SUBMIT' })
  | (Base & { type: 'ACCEPT' })
  | (Base & { type: 'REQUEST_SUPPLEMENT'; reason: string; items: string[]; dueDate: string })
  | (Base & { type: 'RESUBMIT'; note?: string })
  | (Base & { type: 'APPRAISAL_PASSED'; note?: string })
  | (Base & { type: 'APPRAISAL_REJECTED'; reason: string })
  | (Base & { type: 'COUNCIL_APPROVED'; counts: CouncilCounts; meetingDate?: string; minutesNumber?: string })
  | (Base & { type: 'COUNCIL_REJECTED'; counts: CouncilCounts; meetingDate?: string; minutesNumber?: string })
  | (Base & { type: 'SIGN'; number: string; date: string })
  | (Base & { type: 'DECLINED'; reason: string })
  | (Base & { type: 'RECORD_EXTERNAL_DECISION'; number: string; date: string; authority: string })
  | (Base & { type: 'RECORD_EXTERNAL_REJECTION'; number: string; date: string; authority: string; reason: string })
  | (Base & { type: 'WITHDRAW'; reason?: string })
  | (Base & { type: 'REVOKE'; number: string; date: string; reason: string });

export type NominationEventType = NominationEvent['type'];

export const NOMINATION_EVENT_TYPES: readonly NominationEventType[] = [
  'SUBMIT',
  'ACCEPT',
  'REQUEST_SUPPLEMENT',
  'RESUBMIT',
  'APPRAISAL_PASSED',
  'APPRAISAL_REJECTED',
  'COUNCIL_APPROVED',
  'COUNCIL_REJECTED',
  'SIGN',
  'DECLINED',
  'RECORD_EXTERNAL_DECISION',
  'RECORD_EXTERNAL_REJECTION',
  'WITHDRAW',
  'REVOKE',
];

export type EventOf<T extends NominationEventType> = Extract<NominationEvent, { type: T }>;
