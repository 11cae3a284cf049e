import type { EntityManager } from 'typeorm';
import type { ImportableOrganization } from '../../workflows/spreadsheets';
import { hasRoleAt, type Principal } from '../identity/principal';
import { OrganizationEntity } from '../organizations/organization.entity';

/** Offices whose appraisers import lists for the organizations under them. */
const OFFICE_KINDS = new Set(['commune', 'agency', 'province']);

export interface ImportScope {
  /** The organizations the caller may draft for: its own (a submitter's), and every one under its offices. */
  organizations: OrganizationEntity[];
  /** The caller's own organization when it may draft there (a unit importing for itself); rows may then omit "Đơn vị". */
  defaultOrganizationId: string | null;
  others: ImportableOrganization[];
  /** The offices (or the unit) as refusals name them. */
  scopeName: string;
  /** Each organization and its parents up to the top, from one read of the table. */
  lineageOf: (organizationId: string) => OrganizationEntity[];
  /** The province the caller's rule set is taken from. */
  provinceCode: string | null;
}

/**
 * Who may import a list, for whom: a unit's submitter for its own unit; an appraiser of a commune, an agency or the
 * province for every organization under that office. Null for anyone else.
 */
export async function importScopeOf(manager: EntityManager, principal: Principal): Promise<ImportScope | null> {
  const all = await manager.find(OrganizationEntity);
  const byId = new Map(all.map((organization) => [organization.id, organization]));
  const children = new Map<string, OrganizationEntity[]>();
  for (const organization of all) {
    if (organization.parentId) children.set(organization.parentId, [...(children.get(organization.parentId) ?? []), organization]);
  }
  const lineageOf = (id: string) => {
    const chain: OrganizationEntity[] = [];
    for (let next = byId.get(id); next && chain.length < 10; next = next.parentId ? byId.get(next.parentId) : undefined) chain.push(next);
    return chain;
  };

  const own = principal.organizationId && hasRoleAt(principal, 'submitter', principal.organizationId) ? byId.get(principal.organizationId) : undefined;
  const offices = [...new Set(principal.roles.filter((r) => r.role === 'appraiser').map((r) => r.organizationId))]
    .map((id) => byId.get(id))
    .filter((office): office is OrganizationEntity => !!office && OFFICE_KINDS.has(office.kind));
  if (!own && !offices.length) return null;

  const allowed = new Map<string, OrganizationEntity>();
  if (own) allowed.set(own.id, own);
  const queue = offices.flatMap((office) => children.get(office.id) ?? []);
  while (queue.length) {
    const next = queue.pop()!;
    if (allowed.has(next.id)) continue;
    allowed.set(next.id, next);
    queue.push(...(children.get(next.id) ?? []));
  }
  const home = own ?? offices[0];
  return {
    organizations: [...allowed.values()],
    defaultOrganizationId: own?.id ?? null,
    others: all.filter((organization) => !allowed.has(organization.id)).map(({ id, name }) => ({ id, name })),
    scopeName: offices.length ? offices.map((office) => office.name).join(', ') : own!.name,
    lineageOf,
    provinceCode: lineageOf(home.id).find((organization) => organization.kind === 'province')?.code ?? null,
  };
}
