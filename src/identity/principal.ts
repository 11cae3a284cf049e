import type { Role } from '../../workflows';

/** The authenticated caller, with every role they hold and where. */
export interface Principal {
  userId: string;
  username: string;
  fullName: string;
  organizationId: string | null;
  isAdmin: boolean;
  roles: Array<{ organizationId: string; role: Role }>;
}

export function hasRoleAt(principal: Principal, role: Role, organizationId: string | null | undefined): boolean {
  return !!organizationId && principal.roles.some((r) => r.role === role && r.organizationId === organizationId);
}

/** Role names as the API shows them: the workflow roles at the user's organization, and `admin`. */
export function roleNames(principal: Pick<Principal, 'roles' | 'isAdmin'>): string[] {
  return [...new Set([...principal.roles.map((r) => r.role), ...(principal.isAdmin ? ['admin'] : [])])];
}

export function organizationsOf(principal: Principal): string[] {
  return [...new Set([principal.organizationId, ...principal.roles.map((r) => r.organizationId)].filter((id): id is string => !!id))];
}
