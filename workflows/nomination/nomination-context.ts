import type { Level } from '../catalog/types';
import type { CouncilCounts, Deadline, EventActor } from './nomination-events';

export interface SupplementRound {
  level: Level;
  reason: string;
  items: string[];
  dueDate: string;
  requestedAt: string;
  requestedBy: EventActor;
  resubmittedAt: string | null;
}

export interface CouncilResult {
  level: Level;
  approved: boolean;
  counts: CouncilCounts;
  meetingDate: string | null;
  minutesNumber: string | null;
  recordedAt: string;
}

/** A signed document: the Quyết định that grants the award, or the Tờ trình that forwards the dossier upward. */
export interface Signature {
  level: Level;
  act: 'decision' | 'submission';
  number: string;
  date: string;
  signedBy: EventActor;
}

export interface ExternalDecision {
  level: Level;
  granted: boolean;
  number: string;
  date: string;
  authority: string;
  reason: string | null;
}

export interface Rejection {
  level: Level | null;
  step: string;
  reason: string;
  by: EventActor;
  at: string;
}

export interface Revocation {
  number: string;
  date: string;
  reason: string;
  by: EventActor;
  at: string;
}

export interface NominationContext {
  formCode: string;
  /** The concrete route: the proposer's entry level, then the form's upper levels. */
  route: Level[];
  levelIndex: number;
  submittedAt: string | null;
  supplementRounds: SupplementRound[];
  councilResults: CouncilResult[];
  signatures: Signature[];
  externalDecision: ExternalDecision | null;
  rejection: Rejection | null;
  withdrawal: { at: string; by: EventActor; reason: string | null } | null;
  revocation: Revocation | null;
  deadline: Deadline | null;
}

export interface NominationInput {
  formCode: string;
  entryLevel: Level;
}
