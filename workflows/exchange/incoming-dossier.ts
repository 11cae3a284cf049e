import { vietnamDate, type WorkingDays } from '../calendar/working-days';
import type { AwardForm, Level } from '../catalog/types';
import { deadlineAfter } from '../nomination/deadlines';
import type { NominationContext } from '../nomination/nomination-context';
import { NOMINATION_EVENT_TYPES, type NominationEvent } from '../nomination/nomination-events';
import { SnapshotRestoreError, type NominationWorkflow, type PersistedNominationSnapshot } from '../nomination/nomination-workflow';
import type { DossierManifest, ExchangeOutcome, ManifestHistoryEntry } from './package-format';

/** The machine's own events of a history, in order; the log's other entries (creation, uploads, edits) are not. */
export function machineEventsOf(history: ManifestHistoryEntry[]): NominationEvent[] {
  return [...history]
    .sort((a, b) => a.seq - b.seq)
    .filter((entry) => (NOMINATION_EVENT_TYPES as readonly string[]).includes(entry.type))
    .map((entry) => ({ ...entry.payload, type: entry.type }) as unknown as NominationEvent);
}

export type Reception = { ok: true; snapshot: PersistedNominationSnapshot; statePath: string } | { ok: false; problem: string };

/**
 * Where an incoming dossier stands here: the sender's steps replayed on this deployment's machine for the same form
 * and rule set, where the sender's external level is run here. They must bring it to `<targetLevel>.received`; the
 * appraisal's due date then runs from its arrival here (`at`).
 */
export function receiveDossier(workflow: NominationWorkflow, manifest: DossierManifest, at: string, calendar: WorkingDays): Reception {
  const { formCode, entryLevel, targetLevel } = manifest.nomination;
  const expected = `${targetLevel}.received`;
  const events = machineEventsOf(manifest.history);
  let replayed;
  try {
    replayed = workflow.replay({ formCode, entryLevel }, events);
  } catch (error) {
    if (error instanceof SnapshotRestoreError) return { ok: false, problem: `lịch sử hồ sơ không áp dụng lại được trên quy trình của hệ thống này: ${error.message}` };
    throw error;
  }
  const statePath = workflow.statePath(replayed);
  if (statePath !== expected) {
    return { ok: false, problem: `lịch sử hồ sơ dẫn tới bước "${statePath}" của hệ thống này, không phải "${expected}"` };
  }
  const route = manifest.nomination.route.map((entry) => entry.level);
  if (JSON.stringify(replayed.context.route) !== JSON.stringify(route)) {
    return { ok: false, problem: `lộ trình ${route.join(' → ')} khác lộ trình của hình thức (${replayed.context.route.join(' → ')})` };
  }
  const arrival = { ...events[events.length - 1], at } as NominationEvent;
  const deadline = deadlineAfter(workflow.form, replayed.context, statePath, arrival, calendar);
  const persisted = workflow.persist(replayed);
  return { ok: true, statePath, snapshot: { ...persisted, context: { ...persisted.context, deadline } } };
}

/** Who answers a refusal: the signer when the signer declined, the council when it voted no, else the office. */
export interface DecidingBody {
  organizationName: string;
  officeName: string | null;
}

export type OutcomeResult = { ok: true; outcome: ExchangeOutcome } | { ok: false; missing: 'decision' | 'letter-number' };

/**
 * What the deciding level did, for the decision package: the award's Quyết định (its number, date, and the form's
 * granting authority), or the refusal — whose reply letter (công văn) number the office gives, since refusing
 * steps carry a reason but no number.
 */
export function exchangeOutcomeOf(
  form: AwardForm,
  context: NominationContext,
  level: Level,
  body: DecidingBody,
  letter: { number?: string; date?: string } = {},
): OutcomeResult {
  const decision = context.signatures.find((signature) => signature.level === level && signature.act === 'decision');
  if (decision) {
    return { ok: true, outcome: { granted: true, number: decision.number, date: decision.date, authority: form.grantingAuthority, reason: null } };
  }
  const rejection = context.rejection;
  if (!rejection || rejection.level !== level) return { ok: false, missing: 'decision' };
  if (!letter.number?.trim()) return { ok: false, missing: 'letter-number' };
  const authority =
    rejection.step === 'signature'
      ? (form.levels[level]?.signer ?? body.organizationName)
      : rejection.step === 'council'
        ? `Hội đồng Thi đua – Khen thưởng ${body.organizationName}`
        : (body.officeName ?? body.organizationName);
  return {
    ok: true,
    outcome: { granted: false, number: letter.number.trim(), date: letter.date ?? vietnamDate(rejection.at), authority, reason: rejection.reason },
  };
}
