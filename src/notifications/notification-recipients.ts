import { In, type EntityManager } from 'typeorm';
import { actorRequirement, type Level, type NominationEventType, type NominationSnapshot, type NominationWorkflow, type Role } from '../../workflows';
import { UserRoleEntity } from '../identity/user-role.entity';
import { UserEntity } from '../identity/user.entity';
import type { NominationEntity } from '../nominations/nomination.entity';
import { actingOrganization } from '../nominations/nomination-scope';

export interface RoleAt {
  role: Role;
  organizationId: string;
}

/** Events open to someone at any time (the unit's withdrawal, the signer's revocation): not a call to act. */
const STANDING_EVENTS: readonly NominationEventType[] = ['WITHDRAW', 'REVOKE'];

/**
 * Who must act next on a nomination in this state: for each event the state accepts, the role it requires at the
 * organization of the route that must send it (the commune's appraisers after SUBMIT, its council secretary after
 * APPRAISAL_PASSED, its signer after COUNCIL_APPROVED, the unit's submitters while it supplements).
 */
export function nextActors(
  row: NominationEntity,
  workflow: NominationWorkflow,
  snapshot: NominationSnapshot,
  externalLevels: readonly Level[],
): RoleAt[] {
  const found = new Map<string, RoleAt>();
  for (const type of workflow.acceptedEventTypes(snapshot)) {
    if (STANDING_EVENTS.includes(type)) continue;
    const requirement = actorRequirement(type, snapshot.context, externalLevels);
    const organizationId = actingOrganization(row, snapshot.context, requirement);
    if (organizationId) found.set(`${requirement.role}@${organizationId}`, { role: requirement.role, organizationId });
  }
  return [...found.values()];
}

/** The active users holding any of these roles where they are held. */
export async function usersHolding(manager: EntityManager, roles: RoleAt[]): Promise<string[]> {
  if (!roles.length) return [];
  const holders = await manager.find(UserRoleEntity, { where: roles.map(({ role, organizationId }) => ({ role, organizationId })) });
  const ids = [...new Set(holders.map((holder) => holder.userId))];
  if (!ids.length) return [];
  const active = await manager.find(UserEntity, { select: { id: true, username: true }, where: { id: In(ids), active: true }, order: { username: 'ASC' } });
  return active.map((user) => user.id);
}
