/** An organization as the hierarchy needs it: who is above whom. */
export interface OrganizationNode {
  id: string;
  parentId: string | null;
}

/** The organization and every one below it (its units, their units…), the organization first. */
export function subtreeOf(organizations: readonly OrganizationNode[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const organization of organizations) {
    if (!organization.parentId) continue;
    children.set(organization.parentId, [...(children.get(organization.parentId) ?? []), organization.id]);
  }
  const found: string[] = [];
  const queue = [rootId];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    found.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return found;
}

/** The organization and every one above it, nearest first. */
export function ancestryOf(organizations: readonly OrganizationNode[], id: string): string[] {
  const parents = new Map(organizations.map((organization) => [organization.id, organization.parentId]));
  const chain: string[] = [];
  for (let current: string | null | undefined = id; current && !chain.includes(current); current = parents.get(current)) chain.push(current);
  return chain;
}
