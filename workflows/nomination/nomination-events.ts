import type { Level, QuorumRule } from '../catalog/types';

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
  /**
   * Present members recused from this item (the nominee, or from the nominee's proposing unit): not counted as
   * present where the rule counts those present. Absent (0) when nobody was recused.
   */
  recused?: number;
}

/** What a council's result carries: the counts, and when it comes from a session in the system, the session. */
export interface CouncilResultPayload {
  counts: CouncilCounts;
  meetingDate?: string;
  minutesNumber?: string;
  /** The session whose ballots decided (set only by the service when it closes a session). */
  councilSessionId?: string;
  /**
   * The quorum the session applied: the council's own (configurable per organization) when it has one. Absent, the
   * rule set's quorum applies (a result recorded after a paper meeting).
   */
  quorum?: QuorumRule;
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
  | (Base & { type: 'COUNCIL_APPROVED' } & CouncilResultPayload)
  | (Base & { type: 'COUNCIL_REJECTED' } & CouncilResultPayload)
  /** `decisionId`: set by the service when the signature belongs to a batch decision sharing its number. */
  | (Base & { type: 'SIGN'; number: string; date: string; decisionId?: string })
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
