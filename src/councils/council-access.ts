import { forbidden } from '../common/app-error';
import { hasRoleAt, organizationsOf, type Principal } from '../identity/principal';

/** Councils and blocks are set up by the administrator or by the council secretary of their organization. */
export function assertMayManageCouncil(principal: Principal, organizationId: string, organizationName?: string): void {
  if (principal.isAdmin || hasRoleAt(principal, 'council-secretary', organizationId)) return;
  throw forbidden(`Chỉ quản trị hệ thống hoặc thư ký Hội đồng Thi đua – Khen thưởng của ${organizationName ?? 'tổ chức này'} được thực hiện thao tác này`, {
    requiredRole: 'council-secretary',
    organizationId,
  });
}

/** A session is run (scheduled, opened, closed) by the council secretary of its organization. */
export function assertSessionSecretary(principal: Principal, organizationId: string, organizationName?: string): void {
  if (hasRoleAt(principal, 'council-secretary', organizationId)) return;
  throw forbidden(`Chỉ thư ký Hội đồng Thi đua – Khen thưởng của ${organizationName ?? 'tổ chức này'} được điều hành phiên họp`, {
    requiredRole: 'council-secretary',
    organizationId,
  });
}

/** Anyone of the organization or holding a role there (or the administrator) sees its councils and sessions. */
export function belongsTo(principal: Principal, organizationId: string): boolean {
  return principal.isAdmin || organizationsOf(principal).includes(organizationId);
}

export function visibleOrganizations(principal: Principal): string[] {
  return organizationsOf(principal);
}
