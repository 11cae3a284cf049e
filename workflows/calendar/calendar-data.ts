import { dateOfJulianDay, julianDayNumber } from './lunar-calendar';
import {
  additionalHolidaysIn,
  labourCodeHolidays,
  monthDayIsValid,
  NATIONAL_DAY_ADJACENT_DAYS,
  type AdditionalHoliday,
  type NationalDayAdjacentDay,
} from './vietnam-holidays';
import { isWeekend } from './working-days';

/**
 * The calendar data (`data/calendar/vietnam.json`): what the government decides each year on top of the Labour
 * Code's holidays — the days off it announces (compensatory days, swapped days, extra Tết days) and the make-up
 * working days (usually a Saturday) — and the holidays later laws add.
 */

export const FIRST_CALENDAR_YEAR = 1900;
export const LAST_CALENDAR_YEAR = 2199;

/**
 * `as-announced`: the year's announcement is in the file and decides every compensatory day (only the listed days).
 * `labour-code`: not announced (or only in part): each holiday on a weekend is also made up on the next working day
 * (khoản 3 Điều 111), marked provisional, on top of whatever is listed.
 */
export type CompensationPolicy = 'as-announced' | 'labour-code';
export const COMPENSATION_POLICIES: readonly CompensationPolicy[] = ['as-announced', 'labour-code'];

/** `compensatory` nghỉ bù; `swapped` nghỉ hoán đổi (a working day exchanged with a make-up day); `extra` another day off decided. */
export type AnnouncedDayOffKind = 'compensatory' | 'swapped' | 'extra';
export const ANNOUNCED_DAY_OFF_KINDS: readonly AnnouncedDayOffKind[] = ['compensatory', 'swapped', 'extra'];

export interface AnnouncedDayOff {
  date: string;
  kind: AnnouncedDayOffKind;
  name?: string;
  /** For a swapped day: the make-up working day it was exchanged with. */
  swappedWith?: string;
  note?: string;
  source: string;
}

export interface MakeUpWorkingDay {
  date: string;
  name?: string;
  note?: string;
  source: string;
}

export interface CalendarYearData {
  year: number;
  compensatoryDays: CompensationPolicy;
  nationalDayAdjacentDay?: NationalDayAdjacentDay;
  note?: string;
  daysOff: AnnouncedDayOff[];
  makeUpWorkingDays: MakeUpWorkingDay[];
}

export interface CalendarData {
  description?: string;
  nationalDayAdjacentDay: NationalDayAdjacentDay;
  additionalHolidays: AdditionalHoliday[];
  note?: string;
  years: CalendarYearData[];
}

/** No data: the Labour Code's holidays, weekends, and the default compensatory days in every year. */
export const NO_CALENDAR_DATA: CalendarData = { nationalDayAdjacentDay: '09-01', additionalHolidays: [], years: [] };

/** A bad calendar data entry: names the file, the entry and the field so an administrator can fix the data. */
export class CalendarDataError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Dữ liệu lịch ngày làm việc không hợp lệ — tệp ${file}, mục ${entry}, trường "${field}": ${problem}`);
    this.name = 'CalendarDataError';
  }
}

type Fail = (entry: string, field: string, problem: string) => never;

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyFields(fail: Fail, entry: string, prefix: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(entry, `${prefix}${key}`, `trường này không được phép (chỉ có: ${allowed.join(', ')})`);
  }
}

function requireText(fail: Fail, entry: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(entry, field, 'phải là chuỗi ký tự không rỗng');
  if (value !== (value as string).normalize('NFC')) fail(entry, field, 'phải ở dạng Unicode NFC');
  return value as string;
}

function optionalText(fail: Fail, entry: string, field: string, value: unknown): void {
  if (value !== undefined) requireText(fail, entry, field, value);
}

function requireDate(fail: Fail, entry: string, field: string, value: unknown): string {
  const text = requireText(fail, entry, field, value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || dateOfJulianDay(julianDayNumber(Number(match[1]), Number(match[2]), Number(match[3]))) !== text) {
    fail(entry, field, `"${text}" không phải là ngày dạng YYYY-MM-DD`);
  }
  return text;
}

function requireYear(fail: Fail, entry: string, field: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < FIRST_CALENDAR_YEAR || (value as number) > LAST_CALENDAR_YEAR) {
    fail(entry, field, `phải là năm từ ${FIRST_CALENDAR_YEAR} đến ${LAST_CALENDAR_YEAR}`);
  }
  return value as number;
}

function requireOneOf<T extends string>(fail: Fail, entry: string, field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) fail(entry, field, `phải là một trong ${allowed.join(', ')}`);
  return value as T;
}

function requireList(fail: Fail, entry: string, field: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) fail(entry, field, 'phải là một danh sách (có thể rỗng)');
  return value as unknown[];
}

function validateAdditionalHoliday(fail: Fail, value: unknown, index: number): AdditionalHoliday {
  const entry = `additionalHolidays[${index}]`;
  if (!isObject(value)) fail(entry, '', 'phải là một đối tượng');
  onlyFields(fail, entry, '', value, ['date', 'name', 'fromYear', 'toYear', 'source', 'note']);
  const date = requireText(fail, entry, 'date', value.date);
  if (!monthDayIsValid(date)) fail(entry, 'date', `"${date}" phải là ngày trong năm dạng MM-DD (không nhận 02-29)`);
  requireText(fail, entry, 'name', value.name);
  const fromYear = requireYear(fail, entry, 'fromYear', value.fromYear);
  if (value.toYear !== undefined && requireYear(fail, entry, 'toYear', value.toYear) < fromYear) {
    fail(entry, 'toYear', 'không được trước fromYear');
  }
  requireText(fail, entry, 'source', value.source);
  optionalText(fail, entry, 'note', value.note);
  return value as unknown as AdditionalHoliday;
}

function validateYear(fail: Fail, value: unknown, index: number, defaults: Pick<CalendarData, 'nationalDayAdjacentDay' | 'additionalHolidays'>) {
  if (!isObject(value)) fail(`years[${index}]`, '', 'phải là một đối tượng');
  const year = requireYear(fail, `years[${index}]`, 'year', value.year);
  const entry = `năm ${year}`;
  onlyFields(fail, entry, '', value, ['year', 'compensatoryDays', 'nationalDayAdjacentDay', 'note', 'sources', 'daysOff', 'makeUpWorkingDays']);
  requireOneOf(fail, entry, 'compensatoryDays', value.compensatoryDays, COMPENSATION_POLICIES);
  const adjacent =
    value.nationalDayAdjacentDay === undefined
      ? defaults.nationalDayAdjacentDay
      : requireOneOf(fail, entry, 'nationalDayAdjacentDay', value.nationalDayAdjacentDay, NATIONAL_DAY_ADJACENT_DAYS);
  optionalText(fail, entry, 'note', value.note);
  if (value.sources !== undefined) requireList(fail, entry, 'sources', value.sources).forEach((s, i) => requireText(fail, entry, `sources[${i}]`, s));

  const holidays = new Map(
    [...labourCodeHolidays(year, adjacent), ...additionalHolidaysIn(year, defaults.additionalHolidays)].map((holiday) => [holiday.date, holiday]),
  );
  const inYear = (field: string, date: string) => {
    if (!date.startsWith(`${year}-`)) fail(entry, field, `ngày ${date} không thuộc năm ${year}`);
  };
  const seen = new Set<string>();
  const notTwice = (field: string, date: string) => {
    if (seen.has(date)) fail(entry, field, `ngày ${date} đã có trong danh sách ngày nghỉ hoặc ngày làm bù của năm`);
    seen.add(date);
  };

  requireList(fail, entry, 'makeUpWorkingDays', value.makeUpWorkingDays).forEach((item, i) => {
    const field = `makeUpWorkingDays[${i}]`;
    if (!isObject(item)) fail(entry, field, 'phải là một đối tượng');
    onlyFields(fail, entry, `${field}.`, item, ['date', 'name', 'note', 'source']);
    const date = requireDate(fail, entry, `${field}.date`, item.date);
    inYear(`${field}.date`, date);
    if (!isWeekend(date)) fail(entry, `${field}.date`, `${date} là ${weekdayName(date)}, vốn đã là ngày làm việc; ngày làm bù phải là thứ Bảy hoặc Chủ nhật`);
    if (holidays.has(date)) fail(entry, `${field}.date`, `${date} là ngày lễ ${holidays.get(date)!.name}, không thể là ngày làm bù`);
    notTwice(`${field}.date`, date);
    optionalText(fail, entry, `${field}.name`, item.name);
    optionalText(fail, entry, `${field}.note`, item.note);
    requireText(fail, entry, `${field}.source`, item.source);
  });

  requireList(fail, entry, 'daysOff', value.daysOff).forEach((item, i) => {
    const field = `daysOff[${i}]`;
    if (!isObject(item)) fail(entry, field, 'phải là một đối tượng');
    onlyFields(fail, entry, `${field}.`, item, ['date', 'kind', 'name', 'swappedWith', 'note', 'source']);
    const date = requireDate(fail, entry, `${field}.date`, item.date);
    inYear(`${field}.date`, date);
    if (isWeekend(date)) fail(entry, `${field}.date`, `${date} là ${weekdayName(date)}, vốn đã là ngày nghỉ hằng tuần`);
    if (holidays.has(date)) fail(entry, `${field}.date`, `${date} đã là ngày lễ ${holidays.get(date)!.name} theo Bộ luật Lao động`);
    notTwice(`${field}.date`, date);
    const kind = requireOneOf(fail, entry, `${field}.kind`, item.kind, ANNOUNCED_DAY_OFF_KINDS);
    if (kind === 'swapped') {
      const partner = requireDate(fail, entry, `${field}.swappedWith`, item.swappedWith);
      if (!isWeekend(partner)) fail(entry, `${field}.swappedWith`, `${partner} là ${weekdayName(partner)}; ngày làm bù phải là thứ Bảy hoặc Chủ nhật`);
    } else if (item.swappedWith !== undefined) {
      fail(entry, `${field}.swappedWith`, 'chỉ dùng cho ngày nghỉ hoán đổi (kind "swapped")');
    }
    optionalText(fail, entry, `${field}.name`, item.name);
    optionalText(fail, entry, `${field}.note`, item.note);
    requireText(fail, entry, `${field}.source`, item.source);
  });
  return value as unknown as CalendarYearData;
}

/** Checks the calendar data field by field; throws a CalendarDataError naming file, entry and field. */
export function validateCalendarData(file: string, value: unknown): CalendarData {
  const fail: Fail = (entry, field, problem) => {
    throw new CalendarDataError(file, entry, field, problem);
  };
  if (!isObject(value)) fail('(tệp)', '', 'phải là một đối tượng JSON');
  onlyFields(fail, '(tệp)', '', value, ['description', 'nationalDayAdjacentDay', 'additionalHolidays', 'note', 'years']);
  optionalText(fail, '(tệp)', 'description', value.description);
  optionalText(fail, '(tệp)', 'note', value.note);
  const nationalDayAdjacentDay = requireOneOf(fail, '(tệp)', 'nationalDayAdjacentDay', value.nationalDayAdjacentDay, NATIONAL_DAY_ADJACENT_DAYS);
  const additionalHolidays = requireList(fail, '(tệp)', 'additionalHolidays', value.additionalHolidays).map((item, i) =>
    validateAdditionalHoliday(fail, item, i),
  );
  const years = requireList(fail, '(tệp)', 'years', value.years).map((item, i) =>
    validateYear(fail, item, i, { nationalDayAdjacentDay, additionalHolidays }),
  );
  const byYear = new Set<number>();
  for (const year of years) {
    if (byYear.has(year.year)) fail(`năm ${year.year}`, 'year', 'năm này có hai mục');
    byYear.add(year.year);
  }
  // A swapped day off must name a make-up day the file lists (in any year: a swap may cross the new year).
  const makeUpDays = new Set(years.flatMap((year) => year.makeUpWorkingDays.map((day) => day.date)));
  for (const year of years) {
    year.daysOff.forEach((day, i) => {
      if (day.kind === 'swapped' && !makeUpDays.has(day.swappedWith!)) {
        fail(`năm ${year.year}`, `daysOff[${i}].swappedWith`, `ngày làm bù ${day.swappedWith} không có trong makeUpWorkingDays`);
      }
    });
  }
  return value as unknown as CalendarData;
}
