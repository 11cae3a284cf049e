import type { NomineeKind } from '../../workflows';

/** The identifying data offices use for a nominee, as a nomination carries it (the registry keeps it in src/nominees). */
export interface NomineeData {
  kind: NomineeKind;
  /** Individuals: full name; collectives and households: name (e.g. "Hộ ông Lò Văn Thắng"). */
  fullName?: string;
  name?: string;
  /** Sub-kind that matters for criteria: civil-servant, worker-farmer, entrepreneur, scientist; village, cooperative, enterprise… */
  category?: string;
  dateOfBirth?: string;
  position?: string;
  unitName?: string;
  taxCode?: string;
  /** Households: the head of the household (chủ hộ). */
  householdHead?: string;
  address?: string;
}

export function nomineeDisplayName(nominee: NomineeData): string {
  return (nominee.kind === 'individual' ? nominee.fullName : nominee.name) ?? '';
}
