import type { DossierSlot, Level, Role } from '../../workflows';
import { hasRoleAt, type Principal } from '../identity/principal';
import type { NominationEntity } from '../nominations/nomination.entity';

const OFFICE_ROLES: Role[] = ['appraiser', 'council-secretary', 'signer'];

/**
 * On whose behalf, and for which parts of the dossier, someone may upload now:
 * - `proposer`: the proposing unit's submitter, while the dossier is in `draft` or answers the first level's
 *   supplement request; provides the documents of the dossier entering the first level.
 * - `level-office`: the appraiser, council secretary or signer of the organization running the level the dossier is
 *   at; provides that level's own documents (council minutes, confirmations it collects) and its Tờ trình to the
 *   next level.
 * - `answering-supplement`: the lower level's appraiser while an upper level waits for a supplement; provides what
 *   the dossier entering that level consists of: its own level's documents and those below, the unit's included.
 */
export interface UploadContext {
  kind: 'proposer' | 'level-office' | 'answering-supplement';
  organizationId: string;
  /** Where a document that this nomination does not require (e.g. a `annex-list`) is filed. */
  defaultLevel: Level;
  /** The required documents this context provides, most likely meant first. */
  provides: (slots: DossierSlot[]) => DossierSlot[];
}

export function uploadContexts(principal: Principal, row: NominationEntity, route: Level[]): UploadContext[] {
  const contexts: UploadContext[] = [];
  const [head, step] = row.state.split('.');
  const index = route.indexOf(head as Level);
  if (hasRoleAt(principal, 'submitter', row.organizationId) && (row.state === 'draft' || row.state === `${route[0]}.supplementRequested`)) {
    contexts.push({
      kind: 'proposer',
      organizationId: row.organizationId,
      defaultLevel: route[0],
      provides: (slots) => slots.filter((slot) => slot.providedBy.at === 'owner'),
    });
  }
  const here = index >= 0 ? row.levelOrganizations[route[index]] : null;
  if (here && step && step !== 'awaitingExternalDecision' && OFFICE_ROLES.some((role) => hasRoleAt(principal, role, here))) {
    contexts.push({
      kind: 'level-office',
      organizationId: here,
      defaultLevel: route[index],
      provides: (slots) => slots.filter((slot) => slot.providedBy.at === 'level' && slot.providedBy.level === route[index]),
    });
  }
  const below = index > 0 ? row.levelOrganizations[route[index - 1]] : null;
  if (below && step === 'supplementRequested' && hasRoleAt(principal, 'appraiser', below)) {
    // Its own documents first (its Tờ trình to this level, its council's minutes), then the lower ones down to the unit's.
    const rank = (slot: DossierSlot) => (slot.providedBy.at === 'owner' ? -1 : route.indexOf(slot.providedBy.level));
    contexts.push({
      kind: 'answering-supplement',
      organizationId: below,
      defaultLevel: route[index],
      provides: (slots) => slots.filter((slot) => rank(slot) < index).sort((a, b) => rank(b) - rank(a)),
    });
  }
  return contexts;
}

export type UploadTarget =
  | { ok: true; context: UploadContext; level: Level; slot: DossierSlot | null }
  | { ok: false; reason: 'nobody-now' }
  | { ok: false; reason: 'provided-by-others'; slots: DossierSlot[] }
  | { ok: false; reason: 'level-not-yours' };

/**
 * Where an upload of `code` goes: the first required document of that kind the caller's contexts provide (at the
 * requested level, if one is named); a kind this nomination does not require is filed at the context's level; a
 * required kind that only others provide is refused, so nobody fills another's place in the dossier.
 */
export function resolveUploadTarget(contexts: UploadContext[], slots: DossierSlot[], code: string, requestedLevel?: Level): UploadTarget {
  if (!contexts.length) return { ok: false, reason: 'nobody-now' };
  for (const context of contexts) {
    const slot = context.provides(slots).find((candidate) => candidate.code === code && (!requestedLevel || candidate.level === requestedLevel));
    if (slot) return { ok: true, context, level: slot.level, slot };
  }
  const required = slots.filter((slot) => slot.code === code);
  if (required.length) {
    return requestedLevel && !required.some((slot) => slot.level === requestedLevel)
      ? { ok: false, reason: 'level-not-yours' }
      : { ok: false, reason: 'provided-by-others', slots: required };
  }
  const context = requestedLevel ? contexts.find((candidate) => candidate.defaultLevel === requestedLevel) : contexts[0];
  return context ? { ok: true, context, level: context.defaultLevel, slot: null } : { ok: false, reason: 'level-not-yours' };
}
