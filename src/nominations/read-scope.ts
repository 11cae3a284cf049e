import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { organizationsOf, type Principal } from '../identity/principal';

/**
 * Narrows a query on `nominations` (under `alias`) to what the caller may read through `nomination_access`: the
 * proposing unit, then each level's organization as the dossier reaches it; an administrator reads everything.
 * Answers false when the caller's organizations read nothing at all (the query need not run).
 */
export function restrictToReadScope<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, principal: Principal, alias = 'n'): boolean {
  if (principal.isAdmin) return true;
  const organizations = organizationsOf(principal);
  if (!organizations.length) return false;
  builder.andWhere(
    `${alias}.id IN (SELECT a.nomination_id FROM nomination_access a WHERE a.organization_id IN (:...readScopeOrganizations))`,
    { readScopeOrganizations: organizations },
  );
  return true;
}
