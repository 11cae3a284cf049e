import { foldKey } from './text';

/**
 * Award form names as plans write them → catalog codes. A name matches a catalog name when both read the same once
 * the words that vary between writers are set aside ("của", "cấp", "Chủ tịch", "Ủy ban nhân dân"/"UBND", the
 * place name after "tỉnh"/"xã"): "Bằng khen của UBND tỉnh Lai Châu" and "Bằng khen của Chủ tịch UBND tỉnh" are one
 * form. A short name ("Giấy khen", "Huân chương Lao động") that starts several catalog names is resolved by the
 * issuer's level when that settles it, otherwise it maps to every candidate and is marked uncertain.
 */

export interface CatalogForm {
  code: string;
  name: string;
  category: string;
}

export type IssuerLevel = 'commune' | 'agency' | 'province' | 'unknown';

export interface FormMapping {
  /** The name as the plan writes it. */
  text: string;
  codes: string[];
  certain: boolean;
  note?: string;
}

const VARYING_WORDS = new Set(['cua', 'cap', 'chu', 'tich', 'uy', 'ban', 'nhan', 'dan', 'ubnd']);

const keys = new Map<string, string>();

function looseKey(name: string): string {
  const known = keys.get(name);
  if (known !== undefined) return known;
  const key = computeLooseKey(name);
  if (keys.size < 5000) keys.set(name, key);
  return key;
}

function computeLooseKey(name: string): string {
  const withoutPlace = name
    .normalize('NFC')
    .replace(/^danh hiệu\s+/iu, '')
    .replace(/[“”"«»]/g, ' ')
    .replace(/\((?:nếu có|nếu đủ điều kiện)\)/giu, ' ')
    .replace(/(tỉnh|xã|huyện|thành phố|phường)\s+(?:\p{Lu}[\p{L}]*\s*)+/gu, '$1 ');
  // Phường, thị trấn and đặc khu are communes (cấp xã): their chair's Giấy khen is the commune chair's.
  return foldKey(withoutPlace)
    .replace(/\b(phuong|thi tran|dac khu)\b/g, 'xa')
    .split(' ')
    .filter((word) => word !== '' && !VARYING_WORDS.has(word))
    .join(' ');
}

/** Heads of agencies: their Giấy khen is the catalog's "Giấy khen của thủ trưởng cơ quan". */
const AGENCY_HEAD = /^giay khen (giam doc|thu truong|truong|cuc truong|chi cuc truong|hieu truong|tong giam doc|vien truong|chanh van phong)/;

export function issuerLevel(issuer: string | null): IssuerLevel {
  if (!issuer) return 'unknown';
  const key = foldKey(issuer);
  if (/^(uy ban nhan dan|ubnd) (xa|phuong|thi tran)\b/.test(key)) return 'commune';
  if (/^(uy ban nhan dan|ubnd) (tinh|thanh pho)\b/.test(key)) return 'province';
  if (/^(so|ban|cuc|chi cuc|van phong|truong|benh vien|trung tam|cong an|bo chi huy|vien|dai|ngan hang|kho bac|cong ty|tong cong ty|lien doan|hoi|phong)\b/.test(key)) {
    return 'agency';
  }
  return 'unknown';
}

const CLASSES: Record<string, string> = { nhat: 'nhat', nhi: 'nhi', ba: 'ba' };

/** "Huân chương Lao động hạng Nhì, hạng Ba" → two names. */
function expandClasses(name: string): string[] {
  const m = /^(.*?)\s+hạng\s+(.+)$/iu.exec(name);
  if (!m) return [name];
  const classes = m[2].split(/\s*(?:,|và|;)\s*(?:hạng\s+)?/iu).filter((c) => CLASSES[foldKey(c)]);
  return classes.length > 1 ? classes.map((c) => `${m[1]} hạng ${c}`) : [name];
}

export function mapFormName(text: string, forms: CatalogForm[], level: IssuerLevel): FormMapping {
  const names = expandClasses(text);
  if (names.length > 1) {
    const parts = names.map((name) => mapFormName(name, forms, level));
    return {
      text,
      codes: parts.flatMap((p) => p.codes),
      certain: parts.every((p) => p.certain && p.codes.length > 0),
      ...(parts.some((p) => p.note) ? { note: parts.map((p) => p.note).filter(Boolean).join(' ') } : {}),
    };
  }
  const key = looseKey(text);
  if (key === '') return { text, codes: [], certain: false };
  const exact = forms.filter((form) => looseKey(form.name) === key);
  if (exact.length === 1) return { text, codes: [exact[0].code], certain: true };
  if (AGENCY_HEAD.test(key)) {
    const head = forms.filter((form) => /^giay khen thu truong/.test(looseKey(form.name)));
    if (head.length === 1) return { text, codes: [head[0].code], certain: true };
  }
  const candidates = exact.length > 1 ? exact : forms.filter((form) => looseKey(form.name).startsWith(`${key} `));
  if (candidates.length === 0) return { text, codes: [], certain: false };
  if (candidates.length === 1) {
    return { text, codes: [candidates[0].code], certain: false, note: `«${text}» được hiểu là «${candidates[0].name}».` };
  }
  if (/^giay khen$/.test(key)) {
    const byLevel = level === 'commune' ? /\bxa$/ : level === 'agency' ? /^giay khen thu truong/ : null;
    const chosen = byLevel ? candidates.filter((form) => byLevel.test(looseKey(form.name))) : [];
    if (chosen.length === 1 && level === 'commune') return { text, codes: [chosen[0].code], certain: true };
    if (chosen.length === 1) {
      return { text, codes: [chosen[0].code], certain: false, note: `«${text}» không ghi người tặng; hiểu là «${chosen[0].name}» theo cấp của cơ quan ban hành, cần kiểm tra.` };
    }
  }
  return {
    text,
    codes: candidates.map((form) => form.code),
    certain: false,
    note: `«${text}» không ghi rõ; ứng với ${candidates.map((form) => `«${form.name}»`).join(', ')}, cần chọn.`,
  };
}
