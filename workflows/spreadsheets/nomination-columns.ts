import { cellText, looseKey, type CellValue } from './cell-values';

/** What each column of a nomination list holds. */
export type NominationColumnKey =
  | 'index'
  | 'form'
  | 'nomineeKind'
  | 'name'
  | 'category'
  | 'dateOfBirth'
  | 'position'
  | 'organization'
  | 'unitName'
  | 'awardYear'
  | 'criterion'
  | 'achievements'
  | 'campaign'
  | 'campaignReview'
  | 'taxCode'
  | 'householdHead'
  | 'address';

export interface NominationColumn {
  key: NominationColumnKey;
  /** The heading of the template, as refusals name the column. */
  heading: string;
  /** Other headings offices write for the same column (compared without case, diacritics or parentheses). */
  aliases: string[];
  required: boolean;
  /** What the template's heading row says about the column (a cell note). */
  note: string;
  width: number;
}

/** The columns of the import template, in its order. */
export const NOMINATION_COLUMNS: readonly NominationColumn[] = [
  { key: 'index', heading: 'STT', aliases: ['Số TT', 'TT', 'Số thứ tự'], required: false, note: 'Số thứ tự (không bắt buộc)', width: 6 },
  {
    key: 'form',
    heading: 'Hình thức khen thưởng (tên hoặc mã)',
    aliases: ['Hình thức khen thưởng', 'Hình thức', 'Danh hiệu, hình thức khen thưởng', 'Danh hiệu thi đua', 'Mã hình thức'],
    required: true,
    note: 'Tên hoặc mã của hình thức, danh hiệu (xem trang "Hình thức khen thưởng")',
    width: 34,
  },
  {
    key: 'nomineeKind',
    heading: 'Loại đối tượng (Cá nhân / Tập thể / Hộ gia đình)',
    aliases: ['Loại đối tượng', 'Đối tượng khen thưởng', 'Cá nhân/Tập thể'],
    required: true,
    note: 'Cá nhân, Tập thể hoặc Hộ gia đình',
    width: 18,
  },
  {
    key: 'name',
    heading: 'Họ và tên / Tên tập thể',
    aliases: ['Họ và tên', 'Họ tên', 'Tên tập thể', 'Tên đối tượng', 'Họ và tên, tên tập thể', 'Tên cá nhân, tập thể', 'Tên hộ gia đình'],
    required: true,
    note: 'Họ và tên cá nhân; tên tập thể; tên hộ (ví dụ Hộ ông Tòng Văn Piềng)',
    width: 30,
  },
  {
    key: 'category',
    heading: 'Phân loại đối tượng',
    aliases: ['Phân loại'],
    required: false,
    note: 'Không bắt buộc; xem trang "Loại đối tượng" (ví dụ Cán bộ, công chức, viên chức; Công nhân, nông dân; Thôn, bản)',
    width: 24,
  },
  { key: 'dateOfBirth', heading: 'Ngày sinh', aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'Sinh ngày'], required: false, note: 'Cá nhân: dd/mm/yyyy hoặc ô kiểu ngày', width: 12 },
  { key: 'position', heading: 'Chức vụ', aliases: ['Chức vụ, chức danh', 'Chức danh', 'Chức vụ/chức danh'], required: false, note: 'Cá nhân: chức vụ, chức danh', width: 20 },
  {
    key: 'organization',
    heading: 'Đơn vị',
    aliases: ['Đơn vị đề nghị', 'Tên đơn vị', 'Đơn vị trình'],
    required: false,
    note: 'Đơn vị đề nghị (tên tổ chức trong hệ thống). Cơ quan thẩm định nhập cho các đơn vị trực thuộc: bắt buộc. Đơn vị tự nhập: để trống',
    width: 30,
  },
  { key: 'unitName', heading: 'Nơi công tác', aliases: ['Đơn vị công tác', 'Cơ quan công tác'], required: false, note: 'Cá nhân: nơi công tác (không bắt buộc)', width: 28 },
  { key: 'awardYear', heading: 'Năm xét khen thưởng', aliases: ['Năm xét', 'Năm', 'Năm thành tích', 'Năm xét thành tích'], required: false, note: 'Mặc định: năm hiện tại', width: 12 },
  {
    key: 'criterion',
    heading: 'Tiêu chuẩn',
    aliases: ['Tiêu chuẩn đề nghị', 'Mã tiêu chuẩn'],
    required: false,
    note: 'Tên hoặc mã tiêu chuẩn của hình thức (bắt buộc khi hình thức có nhiều tiêu chuẩn áp dụng)',
    width: 30,
  },
  { key: 'achievements', heading: 'Thành tích', aliases: ['Tóm tắt thành tích', 'Thành tích đạt được', 'Nội dung thành tích'], required: false, note: 'Tóm tắt thành tích', width: 50 },
  { key: 'campaign', heading: 'Mã phong trào', aliases: ['Phong trào', 'Phong trào thi đua', 'Mã phong trào thi đua'], required: false, note: 'Không bắt buộc (khen thưởng hằng năm để trống)', width: 16 },
  {
    key: 'campaignReview',
    heading: 'Đợt khen thưởng (Sơ kết / Tổng kết)',
    aliases: ['Đợt khen thưởng', 'Đợt', 'Đợt sơ kết, tổng kết'],
    required: false,
    note: 'Hồ sơ thuộc phong trào: Sơ kết hoặc Tổng kết; để trống thì lấy đợt đang mở khi gửi hồ sơ',
    width: 14,
  },
  { key: 'taxCode', heading: 'Mã số thuế', aliases: ['MST'], required: false, note: 'Doanh nghiệp: mã số thuế', width: 14 },
  { key: 'householdHead', heading: 'Chủ hộ', aliases: ['Tên chủ hộ'], required: false, note: 'Hộ gia đình: họ tên chủ hộ', width: 22 },
  { key: 'address', heading: 'Địa chỉ', aliases: ['Nơi cư trú', 'Địa chỉ thường trú'], required: false, note: 'Hộ gia đình, tập thể: địa chỉ', width: 28 },
];

export const COLUMN_BY_KEY = Object.fromEntries(NOMINATION_COLUMNS.map((column) => [column.key, column])) as Record<NominationColumnKey, NominationColumn>;

/** A heading compared loosely: parenthesised notes and the required-field star dropped, no case or diacritics. */
function headingKey(text: string): string {
  return looseKey(text.replace(/\([^)]*\)/g, ' ').replace(/\*/g, ' '));
}

const KEY_OF_HEADING = new Map<string, NominationColumnKey>();
for (const column of NOMINATION_COLUMNS) {
  for (const text of [column.heading, ...column.aliases]) KEY_OF_HEADING.set(headingKey(text), column.key);
}

export interface RecognizedHeadings {
  /** Row number (1-based, as the sheet shows it) of the heading row. */
  headingRow: number;
  /** Column number (1-based) of each recognized column. */
  columns: Partial<Record<NominationColumnKey, number>>;
  /** Headings of the row that name no column of the template: their cells are not read. */
  ignored: string[];
}

export type HeadingRecognition =
  | { ok: true; headings: RecognizedHeadings }
  | { ok: false; message: string; missing: string[]; duplicated: string[] };

/** How many rows from the top may hold titles before the heading row. */
export const HEADING_SEARCH_ROWS = 15;

/**
 * Finds the heading row among the first rows of a sheet (lists often start with a title): the first row naming
 * every required column. `requiredKeys` adds columns the caller needs (an office's "Đơn vị").
 */
export function recognizeHeadings(rows: CellValue[][], requiredKeys: NominationColumnKey[] = []): HeadingRecognition {
  const required = NOMINATION_COLUMNS.filter((column) => column.required || requiredKeys.includes(column.key));
  let best: { missing: NominationColumn[]; duplicated: string[] } | null = null;
  for (let index = 0; index < Math.min(rows.length, HEADING_SEARCH_ROWS); index += 1) {
    const columns: Partial<Record<NominationColumnKey, number>> = {};
    const ignored: string[] = [];
    const duplicated: string[] = [];
    (rows[index] ?? []).forEach((cell, columnIndex) => {
      const text = cellText(cell);
      if (!text) return;
      const key = KEY_OF_HEADING.get(headingKey(text));
      if (!key) return ignored.push(text);
      if (columns[key] !== undefined) return duplicated.push(text);
      columns[key] = columnIndex + 1;
    });
    const found = Object.keys(columns).length;
    if (!found) continue;
    const missing = required.filter((column) => columns[column.key] === undefined);
    if (!missing.length && !duplicated.length) return { ok: true, headings: { headingRow: index + 1, columns, ignored } };
    if (!best || missing.length + duplicated.length < best.missing.length + best.duplicated.length) best = { missing, duplicated };
  }
  const missing = (best?.missing ?? required).map((column) => column.heading);
  const duplicated = best?.duplicated ?? [];
  const parts = [
    missing.length ? `thiếu cột ${missing.map((heading) => `"${heading}"`).join(', ')}` : '',
    duplicated.length ? `cột ${duplicated.map((heading) => `"${heading}"`).join(', ')} xuất hiện hai lần` : '',
  ].filter(Boolean);
  return {
    ok: false,
    message: `Không nhận ra hàng tiêu đề của danh sách (${parts.join('; ')}); dùng mẫu tải từ /api/nominations/import/template.xlsx`,
    missing,
    duplicated,
  };
}
