import type { NomineeKind } from '../catalog';
import { cellText, exactKey, looseKey, parseCellDate, parseCellYear, type CellValue } from './cell-values';
import { COLUMN_BY_KEY, type NominationColumnKey, type RecognizedHeadings } from './nomination-columns';
import { NOMINEE_KIND_NAMES, nomineeCategoryOf, nomineeKindOf } from './nominee-words';

/** What the importer needs of a form of the rule set in force. */
export interface ImportableForm {
  code: string;
  name: string;
  nomineeKinds: NomineeKind[];
  alternatives: Array<{ code: string; name: string; nomineeKinds: NomineeKind[]; nomineeCategories?: string[] }>;
}

export interface ImportableOrganization {
  id: string;
  name: string;
}

export interface NominationImportContext {
  ruleSetName: string;
  forms: ImportableForm[];
  /** The organizations the importer may draft for: its own unit, or the units under its office. */
  organizations: ImportableOrganization[];
  /** Where a row without "Đơn vị" goes (a unit importing for itself); null when the column must be filled. */
  defaultOrganizationId: string | null;
  /** Every other organization, to say "outside your scope" rather than "unknown". */
  otherOrganizations: ImportableOrganization[];
  /** The importer's office or unit, as a refusal names it. */
  scopeName: string;
  /** Today in Vietnam, YYYY-MM-DD. */
  today: string;
}

/** The body of `POST /api/nominations` a row stands for. */
export interface NominationRequest {
  formCode: string;
  nominee: {
    kind: NomineeKind;
    fullName?: string;
    name?: string;
    category?: string;
    dateOfBirth?: string;
    position?: string;
    unitName?: string;
    taxCode?: string;
    householdHead?: string;
    address?: string;
  };
  criterion?: string;
  awardYear?: number;
  achievements?: string;
  campaignId?: string;
  campaignReview?: 'midterm' | 'final';
}

/** The reviews of a campaign as offices name them. */
const REVIEW_WORDS: Record<string, 'midterm' | 'final'> = { 'so ket': 'midterm', midterm: 'midterm', 'tong ket': 'final', final: 'final' };

export interface RowProblem {
  /** The heading of the column at fault (the template's), or null when the row as a whole is refused. */
  column: string | null;
  message: string;
}

export type ImportRow =
  | { row: number; ok: true; organizationId: string; organizationName: string; formName: string; nomineeName: string; request: NominationRequest }
  | { row: number; ok: false; problems: RowProblem[] };

const heading = (key: NominationColumnKey) => COLUMN_BY_KEY[key].heading;

/** Finds one entry by its code, its exact name, or its name without case or diacritics when that is unambiguous. */
function findByCodeOrName<T extends { name: string; code?: string; id?: string }>(entries: T[], text: string): T | null {
  const byCode = entries.find((entry) => entry.code === text.toLowerCase() || entry.id === text.toLowerCase());
  if (byCode) return byCode;
  const exact = entries.filter((entry) => exactKey(entry.name) === exactKey(text));
  if (exact.length === 1) return exact[0];
  const loose = entries.filter((entry) => looseKey(entry.name) === looseKey(text));
  return loose.length === 1 ? loose[0] : null;
}

function kindList(kinds: NomineeKind[]): string {
  return kinds.map((kind) => NOMINEE_KIND_NAMES[kind].toLowerCase()).join(', ');
}

/** Maps one data row to the nomination it asks for, or every problem of the row, each naming its column. */
export function mapNominationRow(rowNumber: number, cells: CellValue[], headings: RecognizedHeadings, context: NominationImportContext): ImportRow {
  const cell = (key: NominationColumnKey): CellValue => {
    const column = headings.columns[key];
    return column === undefined ? null : (cells[column - 1] ?? null);
  };
  const text = (key: NominationColumnKey) => cellText(cell(key));
  const problems: RowProblem[] = [];
  const refuse = (key: NominationColumnKey, message: string) => problems.push({ column: heading(key), message });

  const formText = text('form');
  const form = formText ? findByCodeOrName(context.forms, formText) : null;
  if (!formText) refuse('form', 'bắt buộc phải có');
  else if (!form) refuse('form', `"${formText}" không có trong danh mục hình thức khen thưởng của ${context.ruleSetName}`);

  const kindText = text('nomineeKind');
  const kind = kindText ? nomineeKindOf(kindText) : null;
  if (!kindText) refuse('nomineeKind', 'bắt buộc phải có (Cá nhân, Tập thể hoặc Hộ gia đình)');
  else if (!kind) refuse('nomineeKind', `"${kindText}" không phải Cá nhân, Tập thể hoặc Hộ gia đình`);
  else if (form && !form.nomineeKinds.includes(kind)) {
    refuse('nomineeKind', `${form.name} không xét cho ${NOMINEE_KIND_NAMES[kind].toLowerCase()}; chỉ xét cho ${kindList(form.nomineeKinds)}`);
  }

  const name = text('name');
  if (!name) refuse('name', kind === 'individual' ? 'bắt buộc phải có họ và tên' : 'bắt buộc phải có tên');

  const categoryText = text('category');
  const category = categoryText ? nomineeCategoryOf(categoryText) : null;
  if (categoryText && !category) refuse('category', `"${categoryText}" không có trong danh sách phân loại đối tượng (xem trang "Loại đối tượng")`);
  else if (category && kind && category.kind !== kind) {
    refuse('category', `${category.name} là phân loại của ${NOMINEE_KIND_NAMES[category.kind].toLowerCase()}, không dùng cho ${NOMINEE_KIND_NAMES[kind].toLowerCase()}`);
  }

  let dateOfBirth: string | undefined;
  if (text('dateOfBirth')) {
    const parsed = parseCellDate(cell('dateOfBirth'));
    if (!parsed.ok) refuse('dateOfBirth', `"${text('dateOfBirth')}" ${parsed.message}`);
    else if (parsed.date > context.today) refuse('dateOfBirth', `${text('dateOfBirth')} là ngày sau hôm nay`);
    else if (kind && kind !== 'individual') refuse('dateOfBirth', 'chỉ ghi cho cá nhân');
    else dateOfBirth = parsed.date;
  }

  let awardYear: number | undefined;
  if (text('awardYear')) {
    const parsed = parseCellYear(cell('awardYear'));
    const currentYear = Number(context.today.slice(0, 4));
    if (!parsed.ok) refuse('awardYear', `"${text('awardYear')}" ${parsed.message}`);
    else if (parsed.year > currentYear) refuse('awardYear', `không được sau năm ${currentYear}`);
    else if (parsed.year < 2000) refuse('awardYear', 'không được trước năm 2000');
    else awardYear = parsed.year;
  }

  let criterion: string | undefined;
  const criterionText = text('criterion');
  if (criterionText && form) {
    const alternative = findByCodeOrName(form.alternatives, criterionText);
    if (!alternative) {
      refuse('criterion', `${form.name} không có tiêu chuẩn "${criterionText}"; các tiêu chuẩn: ${form.alternatives.map((a) => a.name).join('; ')}`);
    } else if (kind && !alternative.nomineeKinds.includes(kind)) {
      refuse('criterion', `Tiêu chuẩn "${alternative.name}" không áp dụng cho ${NOMINEE_KIND_NAMES[kind].toLowerCase()}`);
    } else criterion = alternative.code;
  }

  const reviewText = text('campaignReview');
  const campaignReview = reviewText ? REVIEW_WORDS[looseKey(reviewText).replace(/^dot /, '')] : undefined;
  if (reviewText && !campaignReview) refuse('campaignReview', `"${reviewText}" không phải Sơ kết hoặc Tổng kết`);
  else if (campaignReview && !text('campaign')) refuse('campaignReview', `chỉ ghi khi hồ sơ thuộc một phong trào (cột "${heading('campaign')}")`);

  const organization = organizationOf(text('organization'), context);
  if ('problem' in organization) refuse('organization', organization.problem);

  if (problems.length || !form || !kind || 'problem' in organization) return { row: rowNumber, ok: false, problems };

  const optional = (key: NominationColumnKey) => text(key) || undefined;
  const achievementsCell = cell('achievements');
  const achievements =
    typeof achievementsCell === 'string' ? achievementsCell.normalize('NFC').replace(/\r\n?/g, '\n').trim() || undefined : optional('achievements');
  const request: NominationRequest = {
    formCode: form.code,
    nominee: {
      kind,
      ...(kind === 'individual' ? { fullName: name } : { name }),
      ...(category ? { category: category.code } : {}),
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(optional('position') ? { position: optional('position') } : {}),
      ...(optional('unitName') ? { unitName: optional('unitName') } : {}),
      ...(optional('taxCode') ? { taxCode: optional('taxCode') } : {}),
      ...(optional('householdHead') ? { householdHead: optional('householdHead') } : {}),
      ...(optional('address') ? { address: optional('address') } : {}),
    },
    ...(criterion ? { criterion } : {}),
    ...(awardYear !== undefined ? { awardYear } : {}),
    ...(achievements ? { achievements } : {}),
    ...(optional('campaign') ? { campaignId: optional('campaign') } : {}),
    ...(campaignReview ? { campaignReview } : {}),
  };
  return { row: rowNumber, ok: true, organizationId: organization.id, organizationName: organization.name, formName: form.name, nomineeName: name, request };
}

function organizationOf(textValue: string, context: NominationImportContext): ImportableOrganization | { problem: string } {
  if (!textValue) {
    const own = context.organizations.find((organization) => organization.id === context.defaultOrganizationId);
    return own ?? { problem: `bắt buộc phải có: tên đơn vị trực thuộc ${context.scopeName} đề nghị khen thưởng` };
  }
  const found = findByCodeOrName(context.organizations, textValue);
  if (found) return found;
  const outside = findByCodeOrName(context.otherOrganizations, textValue);
  if (outside) {
    return context.defaultOrganizationId && context.organizations.length === 1
      ? { problem: `"${outside.name}" không phải đơn vị của bạn; đơn vị chỉ nhập danh sách đề nghị của chính mình (${context.organizations[0].name})` }
      : { problem: `"${outside.name}" không trực thuộc ${context.scopeName}` };
  }
  return { problem: `không tìm thấy đơn vị "${textValue}" trong danh sách tổ chức` };
}

/** Whether a data row is empty but for its STT (templates come pre-numbered). */
export function isBlankRow(cells: CellValue[], headings: RecognizedHeadings): boolean {
  return Object.entries(headings.columns).every(([key, column]) => key === 'index' || !cellText(cells[column! - 1] ?? null));
}

/**
 * Every data row below the heading row, mapped; blank rows skipped. A row asking for the same nomination as an
 * earlier row of the file (same unit, form, nominee, year and campaign) is refused as a repeat.
 */
export function mapNominationRows(rows: CellValue[][], headings: RecognizedHeadings, context: NominationImportContext): ImportRow[] {
  const mapped: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (let index = headings.headingRow; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    if (isBlankRow(cells, headings)) continue;
    const result = mapNominationRow(index + 1, cells, headings, context);
    if (result.ok) {
      const { nominee } = result.request;
      const key = [
        result.organizationId,
        result.request.formCode,
        nominee.kind,
        exactKey(nominee.fullName ?? nominee.name ?? ''),
        nominee.dateOfBirth ?? '',
        nominee.taxCode ?? '',
        result.request.awardYear ?? '',
        result.request.campaignId ?? '',
        result.request.campaignReview ?? '',
      ].join('|');
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        mapped.push({ row: result.row, ok: false, problems: [{ column: heading('name'), message: `trùng với dòng ${first}: cùng đơn vị, hình thức và đối tượng` }] });
        continue;
      }
      firstRowOf.set(key, result.row);
    }
    mapped.push(result);
  }
  return mapped;
}

const FIELD_COLUMNS: Record<string, NominationColumnKey> = {
  formCode: 'form',
  nominee: 'name',
  'nominee.kind': 'nomineeKind',
  'nominee.fullName': 'name',
  'nominee.name': 'name',
  'nominee.category': 'category',
  'nominee.dateOfBirth': 'dateOfBirth',
  'nominee.position': 'position',
  'nominee.unitName': 'unitName',
  'nominee.taxCode': 'taxCode',
  'nominee.householdHead': 'householdHead',
  'nominee.address': 'address',
  criterion: 'criterion',
  awardYear: 'awardYear',
  achievements: 'achievements',
  campaignId: 'campaign',
  campaignReview: 'campaignReview',
};

const RULE_COLUMNS: Array<[RegExp, NominationColumnKey]> = [
  [/^nominee-kind$/, 'nomineeKind'],
  [/^form-/, 'form'],
  [/^route-organizations$/, 'organization'],
  [/^criterion-/, 'criterion'],
  [/^campaign/, 'campaign'],
];

/** The template heading of a request field (`nominee.dateOfBirth` → "Ngày sinh"); null for an unknown field. */
export function columnOfField(field: string | undefined): string | null {
  const key = field ? FIELD_COLUMNS[field] : undefined;
  return key ? heading(key) : null;
}

/** The column a rule refusal of `POST /api/nominations` is about (`nominee-kind` → "Loại đối tượng …"). */
export function columnOfRule(rule: string | undefined): string | null {
  const match = rule ? RULE_COLUMNS.find(([pattern]) => pattern.test(rule)) : undefined;
  return match ? heading(match[1]) : null;
}
