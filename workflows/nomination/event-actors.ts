import type { Level } from '../catalog/types';
import type { NominationContext } from './nomination-context';
import type { NominationEventType } from './nomination-events';

export const ROLES = ['submitter', 'appraiser', 'council-member', 'council-secretary', 'signer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may send an event: a role, held at the proposing organization (`owner`) or at the organization that runs a
 * level of the route (`levelIndex`).
 */
export type ActorRequirement = { role: Role; at: 'owner' } | { role: Role; at: 'level'; levelIndex: number };

export function actorRequirement(
  type: NominationEventType,
  context: NominationContext,
  externalLevels: readonly Level[],
): ActorRequirement {
  const here = context.levelIndex;
  const atLevel = (role: Role, levelIndex = here): ActorRequirement => ({ role, at: 'level', levelIndex });
  switch (type) {
    case 'SUBMIT':
    case 'WITHDRAW':
      return { role: 'submitter', at: 'owner' };
    case 'RESUBMIT':
      // The unit answers at its first level; above it, the lower level's office supplements the dossier.
      return here === 0 ? { role: 'submitter', at: 'owner' } : atLevel('appraiser', here - 1);
    case 'ACCEPT':
    case 'REQUEST_SUPPLEMENT':
    case 'APPRAISAL_PASSED':
    case 'APPRAISAL_REJECTED':
      return atLevel('appraiser');
    case 'COUNCIL_APPROVED':
    case 'COUNCIL_REJECTED':
      return atLevel('council-secretary');
    case 'SIGN':
    case 'DECLINED':
      return atLevel('signer');
    case 'RECORD_EXTERNAL_DECISION':
    case 'RECORD_EXTERNAL_REJECTION':
      return atLevel('appraiser', here - 1);
    case 'REVOKE':
      // An award granted outside the deployment is revoked there; the last internal office records it.
      return externalLevels.includes(context.route[here]) ? atLevel('appraiser', here - 1) : atLevel('signer');
  }
}
