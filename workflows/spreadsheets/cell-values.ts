/**
 * Values as a spreadsheet cell holds them once read (the reader in src/spreadsheets flattens rich text, formulas and
 * links): text, a number, a boolean, a date, or nothing.
 */
export type CellValue = string | number | boolean | Date | null;

/** NFC, trimmed, inner runs of spaces (and line breaks pasted from Word) collapsed to one. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A cell as text: '' when empty; a number as written (no thousands separator); a date as dd/mm/yyyy. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatVietnameseDate(isoDateOf(value));
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return cleanText(value);
}

/**
 * A key for comparing words a person typed against a list: lower case, without diacritics (đ as d), punctuation
 * as spaces. "Hộ gia đình", "ho gia dinh" and "Hộ  Gia Đình" compare equal.
 */
export function looseKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A key that keeps the diacritics ("Lò" is not "Lô"): NFC, lower case, spaces collapsed. */
export function exactKey(value: string): string {
  return cleanText(value).toLocaleLowerCase('vi');
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A Date's calendar day as YYYY-MM-DD. Spreadsheet readers give dates at midnight UTC, so the UTC day is the day. */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatVietnameseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function validIso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31/02 rolls over into March
  return isoDateOf(date);
}

export type DateParse = { ok: true; date: string } | { ok: false; message: string };

/**
 * A date as offices write it: an Excel date (a date cell, or its serial number), or text dd/mm/yyyy (also d/m/yyyy,
 * with - or . between), or YYYY-MM-DD. Answers YYYY-MM-DD.
 */
export function parseCellDate(value: CellValue): DateParse {
  const refusal = { ok: false as const, message: 'không phải ngày hợp lệ (ghi theo dạng dd/mm/yyyy, ví dụ 14/05/1988)' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refusal;
    const iso = validIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return iso ? { ok: true, date: iso } : refusal;
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) return refusal;
    const date = new Date(EXCEL_EPOCH_MS + value * DAY_MS);
    const iso = validIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    return iso ? { ok: true, date: iso } : refusal;
  }
  const text = typeof value === 'string' ? cleanText(value) : '';
  const dayFirst = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (dayFirst) {
    const iso = validIso(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    return iso ? { ok: true, date: iso } : refusal;
  }
  const isoText = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (isoText) {
    const iso = validIso(Number(isoText[1]), Number(isoText[2]), Number(isoText[3]));
    return iso ? { ok: true, date: iso } : refusal;
  }
  return refusal;
}

export type YearParse = { ok: true; year: number } | { ok: false; message: string };

/** A year: a whole number, or text of four digits ("2026", "Năm 2026"). */
export function parseCellYear(value: CellValue): YearParse {
  const refusal = { ok: false as const, message: 'phải là năm gồm 4 chữ số (ví dụ 2026)' };
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1900 && value <= 2100 ? { ok: true, year: value } : refusal;
  if (typeof value !== 'string') return refusal;
  const match = /^(?:năm\s*)?(\d{4})$/i.exec(cleanText(value));
  return match ? { ok: true, year: Number(match[1]) } : refusal;
}
