import type { Level, NominationContext, NominationWorkflow } from '../../workflows';
import { actorRequirement, type ActorRequirement, type NominationEventType, type NominationSnapshot } from '../../workflows';
import { hasRoleAt, type Principal } from '../identity/principal';
import type { NominationEntity } from './nomination.entity';

/** The organization that must act for a requirement: the proposer, or the one running that level of the route. */
export function actingOrganization(row: NominationEntity, context: NominationContext, requirement: ActorRequirement): string | null {
  if (requirement.at === 'owner') return row.organizationId;
  const level = context.route[requirement.levelIndex];
  return level ? (row.levelOrganizations[level] ?? null) : null;
}

export function mayAct(
  principal: Principal,
  row: NominationEntity,
  context: NominationContext,
  type: NominationEventType,
  externalLevels: readonly Level[],
): { allowed: boolean; requirement: ActorRequirement; organizationId: string | null } {
  const requirement = actorRequirement(type, context, externalLevels);
  const organizationId = actingOrganization(row, context, requirement);
  return { allowed: hasRoleAt(principal, requirement.role, organizationId), requirement, organizationId };
}

export function allowedEventsFor(
  principal: Principal,
  row: NominationEntity,
  workflow: NominationWorkflow,
  snapshot: NominationSnapshot,
  externalLevels: readonly Level[],
): NominationEventType[] {
  return workflow
    .acceptedEventTypes(snapshot)
    .filter((type) => mayAct(principal, row, snapshot.context, type, externalLevels).allowed);
}

/** Who holds the dossier now: the level's office, or the proposer while it drafts or supplements at the first level. */
export function holderOrganization(row: Pick<NominationEntity, 'organizationId' | 'levelOrganizations'>, statePath: string, context: NominationContext): string | null {
  const [head, step] = statePath.split('.');
  if (!step) return head === 'draft' ? row.organizationId : null;
  if (step === 'supplementRequested') {
    return context.levelIndex === 0 ? row.organizationId : (row.levelOrganizations[context.route[context.levelIndex - 1]] ?? null);
  }
  return row.levelOrganizations[head as Level] ?? null;
}
