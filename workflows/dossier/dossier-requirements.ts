import type { AwardForm, DocumentCheckpoint, Level, NomineeKind } from '../catalog/types';
import type { NominationEventType } from '../nomination/nomination-events';

/** The steps that refuse to happen while a document they check is missing. */
export type DossierCheckedEvent = Extract<NominationEventType, 'SUBMIT' | 'RESUBMIT' | 'APPRAISAL_PASSED' | 'SIGN'>;

/** One step that checks a document: the event, and the state it is sent from (`draft`, `commune.appraisal`, …). */
export interface DossierCheck {
  event: DossierCheckedEvent;
  state: string;
}

/**
 * Whoever provides a document: the proposing unit (`owner`), or the office of a level of the route (its appraisal
 * office, council secretary or signer).
 */
export type DocumentProvider = { at: 'owner' } | { at: 'level'; level: Level };

/**
 * One document a nomination's dossier must hold: a kind (`code`) at a level of its route. A document uploaded for the
 * same code and level replaces the current one as its next version.
 */
export interface DossierSlot {
  code: string;
  /** The level whose dossier holds it: for a Tờ trình, the level it is addressed to. */
  level: Level;
  checkedAt: DocumentCheckpoint;
  checks: DossierCheck[];
  providedBy: DocumentProvider;
}

export interface DossierSubject {
  /** The concrete route: the proposer's entry level, then the form's upper levels. */
  route: Level[];
  nomineeKind: NomineeKind;
  nomineeCategory?: string | null;
  /** Levels decided outside this deployment: nothing is appraised, voted or signed there. */
  externalLevels: readonly Level[];
}

/**
 * The documents a nomination needs, from its form's `requiredDocuments`, and the steps that check each one:
 * - `entry` at route level i: the step that brings the dossier into the level — `SUBMIT` from `draft` for the first,
 *   the lower level's forwarding `SIGN` for the others — then, at the level, `RESUBMIT` (answering its supplement
 *   request) and `APPRAISAL_PASSED`. Provided by the proposer at the first level, by the lower level's office above.
 * - `appraisal` at level L: `APPRAISAL_PASSED` at L; collected by L's office.
 * - `council` at level L: `SIGN` at L, forwarding or granting; the minutes of L's own council.
 * A level outside the deployment checks nothing itself: only an `entry` document there is checked, by the forwarding
 * signature that sends the dossier out.
 */
export function requiredDocumentSlots(form: AwardForm, subject: DossierSubject): DossierSlot[] {
  const slots: DossierSlot[] = [];
  subject.route.forEach((level, index) => {
    const internal = !subject.externalLevels.includes(level);
    for (const requirement of form.requiredDocuments) {
      if (!requirement.levels.includes(level) || !requirement.nomineeKinds.includes(subject.nomineeKind)) continue;
      if (requirement.nomineeCategories && !requirement.nomineeCategories.includes(subject.nomineeCategory ?? '')) continue;
      if (slots.some((slot) => slot.code === requirement.code && slot.level === level)) continue;
      const checks: DossierCheck[] = [];
      let providedBy: DocumentProvider = { at: 'level', level };
      if (requirement.checkedAt === 'entry') {
        if (index === 0) {
          checks.push({ event: 'SUBMIT', state: 'draft' });
          providedBy = { at: 'owner' };
        } else {
          const below = subject.route[index - 1];
          if (subject.externalLevels.includes(below)) continue; // nobody here sends the dossier into this level
          checks.push({ event: 'SIGN', state: `${below}.awaitingSignature` });
          providedBy = { at: 'level', level: below };
        }
        if (internal) checks.push({ event: 'RESUBMIT', state: `${level}.supplementRequested` }, { event: 'APPRAISAL_PASSED', state: `${level}.appraisal` });
      } else {
        if (!internal) continue;
        checks.push(
          requirement.checkedAt === 'appraisal'
            ? { event: 'APPRAISAL_PASSED', state: `${level}.appraisal` }
            : { event: 'SIGN', state: `${level}.awaitingSignature` },
        );
      }
      slots.push({ code: requirement.code, level, checkedAt: requirement.checkedAt, checks, providedBy });
    }
  });
  return slots;
}

/** The documents an event sent from a state refuses to go without. */
export function slotsCheckedBy(slots: DossierSlot[], event: NominationEventType, fromState: string): DossierSlot[] {
  return slots.filter((slot) => slot.checks.some((check) => check.event === event && check.state === fromState));
}

/** `code@level`: a document's place in the dossier. */
export function slotKey(slot: Pick<DossierSlot, 'code' | 'level'>): string {
  return `${slot.code}@${slot.level}`;
}
