import type { AwardForm, Level, NomineeKind } from '../catalog/types';

/**
 * Where a proposal stands for a report: still being handled (`pending`), granted (`awarded`), refused (`rejected`),
 * withdrawn by its unit after submission, or granted and later annulled (`revoked`). A dossier never submitted (a
 * draft, or withdrawn while a draft) is not a proposal and counts nowhere.
 */
export const OUTCOMES = ['pending', 'awarded', 'rejected', 'withdrawn', 'revoked'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_HEADERS: Record<Outcome | 'proposed', string> = {
  proposed: 'Đề nghị',
  awarded: 'Được khen thưởng',
  rejected: 'Không được khen thưởng',
  pending: 'Đang xét',
  withdrawn: 'Rút hồ sơ',
  revoked: 'Bị hủy quyết định',
};

const FINAL_OUTCOMES: Record<string, Outcome> = { awarded: 'awarded', rejected: 'rejected', withdrawn: 'withdrawn', revoked: 'revoked' };

/** The outcome of a nomination in `state`, or null when it was never submitted. */
export function outcomeOf(state: string, submitted: boolean): Outcome | null {
  if (!submitted || state === 'draft') return null;
  return FINAL_OUTCOMES[state] ?? 'pending';
}

/** How many were proposed, and where they stand: `proposed` is the sum of the other five. */
export type Tally = Record<Outcome | 'proposed', number>;

export function emptyTally(): Tally {
  return { proposed: 0, awarded: 0, rejected: 0, pending: 0, withdrawn: 0, revoked: 0 };
}

export function addToTally(tally: Tally, outcome: Outcome, count: number): Tally {
  tally.proposed += count;
  tally[outcome] += count;
  return tally;
}

/** The level whose authority grants the form: the last of its route (the entry level when it has no upper one). */
export function grantingLevel(form: Pick<AwardForm, 'upperLevels'> | undefined, entryLevel: Level): Level {
  return form?.upperLevels.at(-1) ?? entryLevel;
}

/** The level a state path belongs to (`commune.appraisal` → `commune`); null for a draft and the final states. */
export function levelOfState(state: string): Level | null {
  const [head, step] = state.split('.');
  return step ? (head as Level) : null;
}

/** One grouped count of nominations as the reports read it from the database. */
export interface OutcomeRow {
  formCode: string;
  entryLevel: Level;
  nomineeKind: NomineeKind;
  organizationId?: string;
  state: string;
  submitted: boolean;
  count: number;
  /** Of `count`, the individuals the registry lists as công nhân, nông dân (người lao động trực tiếp). */
  directWorkers?: number;
}
