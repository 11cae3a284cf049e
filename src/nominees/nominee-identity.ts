import type { NomineeKind } from '../../workflows';

/** The identifying data of a nominee as a nomination carries it (and the registry stores it). */
export interface NomineeIdentity {
  kind: NomineeKind;
  fullName?: string | null;
  name?: string | null;
  category?: string | null;
  dateOfBirth?: string | null;
  taxCode?: string | null;
}

/** NFC, trimmed, inner spaces collapsed: how a name is stored. */
export function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** A name as the matching rule compares it: cleaned and lower-cased, diacritics kept ("Lò" is not "Lô"). */
export function nameKey(name: string): string {
  return cleanName(name).toLocaleLowerCase('vi');
}

/**
 * The matching rule for a nominee given inline on a nomination: within the owning organization, the same kind and
 * - an individual: the same normalized full name and the same date of birth (none matches none);
 * - a collective with a tax code: the same tax code (the enterprise keeps it when it is renamed); without one, the
 *   same normalized name;
 * - a household: the same normalized name.
 * Two entries of one organization never share a key (a unique index), so the rule also settles concurrent creates.
 */
export function nomineeMatchKey(identity: NomineeIdentity): string {
  const name = nameKey((identity.kind === 'individual' ? identity.fullName : identity.name) ?? '');
  switch (identity.kind) {
    case 'individual':
      return `individual|${name}|${identity.dateOfBirth ?? ''}`;
    case 'collective':
      return identity.taxCode ? `collective|tax:${identity.taxCode}` : `collective|${name}`;
    case 'household':
      return `household|${name}`;
  }
}
