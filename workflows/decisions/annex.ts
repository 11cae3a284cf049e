import type { NomineeKind } from '../catalog/types';
import type { RecipientCounts } from './document-text';

/** One nomination as the annex lists it. */
export interface AnnexNominee {
  nominationId: string;
  kind: NomineeKind;
  /** The person's full name, the collective's or the household's name. */
  name: string;
  position?: string | null;
  /** Where a person works ("Trường Tiểu học Bình Lư"); the proposing unit when the dossier does not say. */
  unitName?: string | null;
  address?: string | null;
  householdHead?: string | null;
  /** The organization that proposed it: the annex groups by it. */
  proposingUnit: string;
}

export interface AnnexEntry {
  /** STT, running through the section. */
  seq: number;
  nominationId: string;
  name: string;
  /** "Giáo viên, Trường Tiểu học Bình Lư"; empty for a collective. */
  detail: string;
}

export interface AnnexUnitGroup {
  unit: string;
  entries: AnnexEntry[];
}

export interface AnnexSection {
  /** "I", "II", "III": only the sections that have someone are numbered. */
  numeral: string;
  kind: NomineeKind;
  title: string;
  count: number;
  units: AnnexUnitGroup[];
}

/** Collectives first, then individuals, then households as their own group (the form allows them), as offices list them. */
const SECTION_ORDER: Array<{ kind: NomineeKind; title: string }> = [
  { kind: 'collective', title: 'TẬP THỂ' },
  { kind: 'individual', title: 'CÁ NHÂN' },
  { kind: 'household', title: 'HỘ GIA ĐÌNH' },
];

const NUMERALS = ['I', 'II', 'III', 'IV', 'V'];

function detailOf(nominee: AnnexNominee): string {
  if (nominee.kind === 'individual') {
    return [nominee.position, nominee.unitName || nominee.proposingUnit].map((part) => part?.normalize('NFC').trim()).filter(Boolean).join(', ');
  }
  if (nominee.kind === 'household') {
    return [nominee.householdHead ? `Chủ hộ: ${nominee.householdHead}` : '', nominee.address ?? ''].map((part) => part.normalize('NFC').trim()).filter(Boolean).join('; ');
  }
  return '';
}

/**
 * The danh sách kèm theo: I. Tập thể, II. Cá nhân (III. Hộ gia đình), each grouped by proposing unit in the order the
 * units first appear in the list, the nominees of a unit in the order given, numbered 1… through each section.
 */
export function groupAnnex(nominees: AnnexNominee[]): AnnexSection[] {
  const sections: AnnexSection[] = [];
  for (const { kind, title } of SECTION_ORDER) {
    const members = nominees.filter((nominee) => nominee.kind === kind);
    if (!members.length) continue;
    const units: AnnexUnitGroup[] = [];
    for (const nominee of members) {
      const unit = nominee.proposingUnit.normalize('NFC').trim();
      let group = units.find((candidate) => candidate.unit === unit);
      if (!group) units.push((group = { unit, entries: [] }));
      group.entries.push({ seq: 0, nominationId: nominee.nominationId, name: nominee.name.normalize('NFC').trim(), detail: detailOf(nominee) });
    }
    let seq = 0;
    for (const group of units) for (const entry of group.entries) entry.seq = ++seq;
    sections.push({ numeral: NUMERALS[sections.length], kind, title, count: members.length, units });
  }
  return sections;
}

export function countRecipients(nominees: Array<{ kind: NomineeKind }>): RecipientCounts {
  return {
    collectives: nominees.filter((nominee) => nominee.kind === 'collective').length,
    individuals: nominees.filter((nominee) => nominee.kind === 'individual').length,
    households: nominees.filter((nominee) => nominee.kind === 'household').length,
  };
}
