/**
 * Text conventions of the administrative documents an office signs (Nghị định 30/2020/NĐ-CP, Phụ lục I and III):
 * the issuing body's lines, số and ký hiệu, counts as offices write them, dates, the authority's title.
 */

export type DecisionKind = 'decision' | 'submission';

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  decision: 'Quyết định',
  submission: 'Tờ trình',
};

/** Ký hiệu of each kind of document (Phụ lục III: QĐ Quyết định, TTr Tờ trình). */
const KIND_SYMBOLS: Record<DecisionKind, string> = { decision: 'QĐ', submission: 'TTr' };

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
];

/** "UBND xã Bình Lư" → "Ủy ban nhân dân xã Bình Lư": documents spell the bodies out. */
export function expandAbbreviations(text: string): string {
  return ABBREVIATIONS.reduce((result, [pattern, full]) => result.replace(pattern, full), text.normalize('NFC')).trim();
}

export function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

const LOCALITY = /\s(xã|phường|thị trấn|đặc khu|huyện|quận|tỉnh|thành phố)\s/iu;
const PEOPLES_COMMITTEE = 'Ủy ban nhân dân';

/** One line of the issuing body's block, top left of the first page. */
export interface IssuerLine {
  text: string;
  bold: boolean;
}

/**
 * The issuing body as it heads the document: "ỦY BAN NHÂN DÂN / XÃ BÌNH LƯ" for a People's Committee (both lines in
 * bold), the managing body above the issuing one for an office of it ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" then "VĂN
 * PHÒNG" in bold), the name alone otherwise.
 */
export function issuerLines(organizationName: string): IssuerLine[] {
  const name = expandAbbreviations(organizationName);
  if (name.startsWith(`${PEOPLES_COMMITTEE} `)) {
    return [
      { text: upper(PEOPLES_COMMITTEE), bold: true },
      { text: upper(name.slice(PEOPLES_COMMITTEE.length + 1)), bold: true },
    ];
  }
  const within = name.indexOf(` ${PEOPLES_COMMITTEE} `);
  if (within > 0) {
    return [
      { text: upper(name.slice(within + 1)), bold: false },
      { text: upper(name.slice(0, within)), bold: true },
    ];
  }
  return [{ text: upper(name), bold: true }];
}

/**
 * The issuer's abbreviation in a ký hiệu: "UBND" for "UBND xã Bình Lư", "VP" for "Văn phòng UBND tỉnh Lai Châu",
 * the initials of the name before its locality otherwise ("Sở Nội vụ tỉnh …" → "SNV").
 */
export function issuerAbbreviation(organizationName: string): string {
  const name = organizationName.normalize('NFC').trim();
  if (/^(UBND|Ủy ban nhân dân)\b/iu.test(name)) return 'UBND';
  const beforeLocality = name.split(LOCALITY)[0];
  const own = beforeLocality.split(/\s+(?:UBND|Ủy ban nhân dân)\b/iu)[0];
  const initials = own
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word === upper(word) && word.length > 1 ? word : upper(word[0])))
    .join('');
  return initials || 'VB';
}

/** "QĐ-UBND", "TTr-UBND", "QĐ-VP". */
export function documentSymbol(kind: DecisionKind, organizationName: string): string {
  return `${KIND_SYMBOLS[kind]}-${issuerAbbreviation(organizationName)}`;
}

/** A number given alone ("12") takes the document's ký hiệu ("12/QĐ-UBND"); a full số, ký hiệu is kept as written. */
export function fullDocumentNumber(number: string, symbol: string): string {
  const trimmed = number.normalize('NFC').trim();
  return /^\d+$/.test(trimmed) ? `${trimmed}/${symbol}` : trimmed;
}

/** "05", "12": administrative documents write a count below ten with a leading zero. */
export function countText(count: number): string {
  return String(count).padStart(2, '0');
}

/** "Ủy ban nhân dân xã Bình Lư" and the like, joined as Vietnamese lists are: "a, b và c". */
export function joinWithAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

export interface RecipientCounts {
  collectives: number;
  individuals: number;
  households: number;
}

/** "05 tập thể và 15 cá nhân", "02 tập thể, 10 cá nhân và 01 hộ gia đình". */
export function recipientCountText(counts: RecipientCounts): string {
  return joinWithAnd(
    [
      counts.collectives ? `${countText(counts.collectives)} tập thể` : '',
      counts.individuals ? `${countText(counts.individuals)} cá nhân` : '',
      counts.households ? `${countText(counts.households)} hộ gia đình` : '',
    ].filter(Boolean),
  );
}

/** "các tập thể, cá nhân": who a document is about, without the counts. */
export function recipientKindsText(counts: RecipientCounts): string {
  const kinds = [counts.collectives ? 'tập thể' : '', counts.individuals ? 'cá nhân' : '', counts.households ? 'hộ gia đình' : ''].filter(Boolean);
  return `các ${kinds.length === 3 ? `${kinds[0]}, ${kinds[1]} và ${kinds[2]}` : kinds.join(', ')}`;
}

/** "20/11/2026", as a document cites another's date. */
export function slashDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * The authority that signs, in full: the signer's post from the rule set ("Chủ tịch UBND xã", "Thủ trưởng cơ quan")
 * at the organization ("UBND xã Bình Lư") → "Chủ tịch Ủy ban nhân dân xã Bình Lư".
 */
export function authorityName(signerTitle: string, organizationName: string): string {
  return `${signerPost(signerTitle)} ${expandAbbreviations(organizationName)}`;
}

/** The signer's post alone: "Chủ tịch UBND xã" → "Chủ tịch"; "Thủ trưởng cơ quan" → "Thủ trưởng". */
export function signerPost(signerTitle: string): string {
  const post = signerTitle.normalize('NFC').split(/\s+(?:UBND|Ủy ban nhân dân|HĐND|cơ quan|đơn vị)\b/iu)[0].trim();
  return post || signerTitle.normalize('NFC').trim();
}

/** "Chủ tịch" → "Phó Chủ tịch"; "Thủ trưởng" → "Phó Thủ trưởng". */
export function deputyPost(post: string): string {
  return `Phó ${post}`;
}

/**
 * The signature block's lines above the name: "CHỦ TỊCH", or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" for a deputy; a Tờ trình
 * of a People's Committee is signed on its behalf ("TM. ỦY BAN NHÂN DÂN").
 */
export function signatureLines(kind: DecisionKind, post: string, deputy: boolean, organizationName: string): string[] {
  const onBehalf = kind === 'submission' && expandAbbreviations(organizationName).startsWith(`${PEOPLES_COMMITTEE} `) ? [`TM. ${upper(PEOPLES_COMMITTEE)}`] : [];
  return [...onBehalf, ...(deputy ? [`KT. ${upper(post)}`, upper(deputyPost(post))] : [upper(post)])];
}

/** "Giấy khen của Chủ tịch UBND xã" → "Giấy khen"; "Chiến sĩ thi đua cơ sở" stays whole. */
export function shortAwardName(formName: string): string {
  return formName.normalize('NFC').split(/\s+của\s+/u)[0].trim();
}

/** A danh hiệu is conferred (công nhận), a hình thức khen thưởng is given (tặng). */
export function awardVerb(category: 'title' | 'form'): string {
  return category === 'title' ? 'công nhận danh hiệu' : 'tặng';
}

export function capitalize(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

/** An office name for "Xét đề nghị của …" without what a bracket adds: "Sở Nội vụ (Ban Thi đua – Khen thưởng)" → "Sở Nội vụ". */
export function officeName(name: string): string {
  return name.normalize('NFC').replace(/\s*\([^)]*\)\s*$/u, '').trim();
}

/**
 * The line of a certificate under the name: "Đã có thành tích …" from the dossier's achievements ("Hoàn thành xuất
 * sắc nhiệm vụ …" → "Đã có thành tích hoàn thành xuất sắc nhiệm vụ …."), or the year's movement when none is written.
 */
export function citationText(achievements: string | null | undefined, awardYear: number | null | undefined): string {
  const text = (achievements ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[.;,\s]+$/u, '');
  if (!text) return `Đã có thành tích trong phong trào thi đua${awardYear ? ` năm ${awardYear}` : ''}.`;
  if (/^đã có thành tích/iu.test(text)) return `${capitalize(text)}.`;
  // Lower the first letter of an ordinary word ("Hoàn thành" → "hoàn thành"), not of an acronym ("UBND").
  const first = text.charAt(0);
  const second = text.charAt(1);
  const lowered = second && second === second.toLocaleLowerCase('vi') ? first.toLocaleLowerCase('vi') + text.slice(1) : text;
  return `Đã có thành tích ${lowered}.`;
}
