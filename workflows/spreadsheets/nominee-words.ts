import type { NomineeKind } from '../catalog';
import { looseKey } from './cell-values';

/** The nominee kinds as offices write them, first word the template's. */
export const NOMINEE_KIND_WORDS: Record<NomineeKind, string[]> = {
  individual: ['Cá nhân', 'CN', 'individual'],
  collective: ['Tập thể', 'TT', 'collective'],
  household: ['Hộ gia đình', 'Hộ', 'Gia đình', 'household'],
};

export const NOMINEE_KIND_NAMES: Record<NomineeKind, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

/**
 * The categories that narrow a form's criteria (`nomineeCategories` in the catalog), with the words an office
 * writes; the code itself is accepted too.
 */
export const NOMINEE_CATEGORIES: ReadonlyArray<{ code: string; kind: NomineeKind; name: string; words: string[] }> = [
  { code: 'civil-servant', kind: 'individual', name: 'Cán bộ, công chức, viên chức', words: ['Cán bộ', 'Công chức', 'Viên chức', 'CBCCVC', 'Cán bộ, công chức', 'Công chức, viên chức'] },
  { code: 'worker-farmer', kind: 'individual', name: 'Công nhân, nông dân', words: ['Công nhân', 'Nông dân', 'Người lao động', 'Công nhân, nông dân, người lao động'] },
  { code: 'entrepreneur', kind: 'individual', name: 'Doanh nhân', words: ['Doanh nhân', 'Chủ doanh nghiệp'] },
  { code: 'scientist', kind: 'individual', name: 'Nhà khoa học', words: ['Nhà khoa học', 'Trí thức, nhà khoa học'] },
  { code: 'village', kind: 'collective', name: 'Thôn, bản, tổ dân phố', words: ['Thôn', 'Bản', 'Tổ dân phố', 'Thôn, bản'] },
  { code: 'cooperative', kind: 'collective', name: 'Hợp tác xã', words: ['HTX'] },
  { code: 'enterprise', kind: 'collective', name: 'Doanh nghiệp', words: ['Công ty'] },
  { code: 'agency', kind: 'collective', name: 'Cơ quan, đơn vị', words: ['Cơ quan', 'Đơn vị', 'Cơ quan, đơn vị sự nghiệp', 'Trường học'] },
];

const KIND_BY_WORD = new Map<string, NomineeKind>();
for (const [kind, words] of Object.entries(NOMINEE_KIND_WORDS) as Array<[NomineeKind, string[]]>) {
  for (const word of words) KIND_BY_WORD.set(looseKey(word), kind);
}

export function nomineeKindOf(text: string): NomineeKind | null {
  return KIND_BY_WORD.get(looseKey(text)) ?? null;
}

const CATEGORY_BY_WORD = new Map<string, (typeof NOMINEE_CATEGORIES)[number]>();
for (const category of NOMINEE_CATEGORIES) {
  for (const word of [category.code, category.name, ...category.words]) CATEGORY_BY_WORD.set(looseKey(word), category);
}

export function nomineeCategoryOf(text: string): (typeof NOMINEE_CATEGORIES)[number] | null {
  return CATEGORY_BY_WORD.get(looseKey(text)) ?? null;
}
