import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { findDataDirectory } from '../catalog/load-rule-sets';
import {
  CalendarDataError,
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  NO_CALENDAR_DATA,
  validateCalendarData,
  weekdayName,
  type AnnouncedDayOffKind,
  type CalendarData,
  type CalendarYearData,
  type CompensationPolicy,
} from './calendar-data';
import { additionalHolidaysIn, compensatoryDaysFor, labourCodeHolidays, LABOUR_CODE_COMPENSATION } from './vietnam-holidays';
import { addCalendarDays, isWeekend, type WorkingDays } from './working-days';

/** Why a day is off: a public holiday, or a day off the government announced (or the Labour Code gives). */
export type DayOffKind = 'holiday' | AnnouncedDayOffKind;

export interface DayOff {
  date: string;
  /** "thứ Hai" … "Chủ nhật" */
  weekday: string;
  kind: DayOffKind;
  /** The Vietnamese reason: "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "Nghỉ bù", "Nghỉ hoán đổi"… */
  name: string;
  detail?: string;
  /** A holiday that falls on a Saturday or Sunday (it is listed, though the day was off anyway). */
  onWeekend: boolean;
  /** A compensatory day the Labour Code gives but no announcement in the data has confirmed yet. */
  provisional?: boolean;
  swappedWith?: string;
  note?: string;
  /** The legal basis or the announcement. */
  source: string;
}

export interface MakeUpDay {
  date: string;
  weekday: string;
  name: string;
  note?: string;
  source: string;
}

export interface CalendarYear {
  year: number;
  /** Whether the year's announcement is in the data (`as-announced`) or compensatory days follow the Labour Code. */
  compensatoryDays: CompensationPolicy;
  note?: string;
  /** Every holiday and day off of the year, in date order, with its reason. */
  daysOff: DayOff[];
  /** Saturdays (or Sundays) worked to make up a swapped day. */
  makeUpWorkingDays: MakeUpDay[];
}

const DEFAULT_NAMES: Record<AnnouncedDayOffKind, string> = {
  compensatory: 'Nghỉ bù',
  swapped: 'Nghỉ hoán đổi',
  extra: 'Ngày nghỉ theo thông báo của Chính phủ',
};

/**
 * Vietnam's working days: Monday to Friday, less the public holidays of the Labour Code (Tết Nguyên đán and Giỗ
 * Tổ Hùng Vương from the lunar calendar), the holidays later laws add and the yearly days off the government
 * announces, plus the make-up working days (a Saturday worked for a swapped Friday). Dates are `YYYY-MM-DD` in
 * Vietnam (UTC+7). Years are computed on first use and kept.
 */
export class WorkingCalendar implements WorkingDays {
  private readonly years = new Map<number, { calendar: CalendarYear; off: Set<string>; worked: Set<string> }>();
  private readonly yearData: Map<number, CalendarYearData>;

  constructor(private readonly data: CalendarData = NO_CALENDAR_DATA) {
    this.yearData = new Map(data.years.map((entry) => [entry.year, entry]));
  }

  /**
   * Adds a day the government announced after the data file was written (a day off, or a Saturday worked in
   * exchange), as an administrator records it. The year is recomputed on next use.
   */
  announce(announcement: { date: string; workingDay: boolean; kind?: AnnouncedDayOffKind; name?: string; note?: string; source: string }): void {
    const year = checkYear(yearOf(announcement.date));
    const entry: CalendarYearData = structuredClone(
      this.yearData.get(year) ?? { year, compensatoryDays: 'labour-code', daysOff: [], makeUpWorkingDays: [] },
    );
    const { date, name, note, source } = announcement;
    entry.daysOff = entry.daysOff.filter((day) => day.date !== date);
    entry.makeUpWorkingDays = entry.makeUpWorkingDays.filter((day) => day.date !== date);
    if (announcement.workingDay) entry.makeUpWorkingDays.push({ date, name, note, source });
    else entry.daysOff.push({ date, kind: announcement.kind ?? 'extra', name, note, source });
    this.yearData.set(year, entry);
    this.years.delete(year);
  }

  /** The years the data file has an entry for (announced or not). */
  get yearsWithData(): number[] {
    return [...this.yearData.keys()].sort((a, b) => a - b);
  }

  isWorkingDay(date: string): boolean {
    const year = this.computed(yearOf(date));
    if (year.worked.has(date)) return true;
    return !isWeekend(date) && !year.off.has(date);
  }

  /** The date `count` working days after `start`; the start day does not count (so 0 gives `start`). */
  addWorkingDays(start: string, count: number): string {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Số ngày làm việc phải là số nguyên không âm (nhận ${count})`);
    yearOf(start);
    let date = start;
    for (let remaining = count; remaining > 0; ) {
      date = addCalendarDays(date, 1);
      if (this.isWorkingDay(date)) remaining -= 1;
    }
    return date;
  }

  /**
   * The working days after `from` up to and including `to` — so `workingDaysBetween(a, addWorkingDays(a, n)) === n`;
   * negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string): number {
    yearOf(from);
    yearOf(to);
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }

  /** How many working days `year` has. */
  workingDaysIn(year: number): number {
    checkYear(year);
    let count = 0;
    for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addCalendarDays(date, 1)) {
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }

  /** Every holiday and day off of `year`, in date order, each with its Vietnamese reason. */
  daysOff(year: number): DayOff[] {
    return this.year(year).daysOff;
  }

  makeUpWorkingDays(year: number): MakeUpDay[] {
    return this.year(year).makeUpWorkingDays;
  }

  year(year: number): CalendarYear {
    return this.computed(checkYear(year)).calendar;
  }

  private computed(year: number) {
    let computed = this.years.get(year);
    if (!computed) {
      const calendar = this.build(year);
      computed = {
        calendar,
        off: new Set(calendar.daysOff.map((day) => day.date)),
        worked: new Set(calendar.makeUpWorkingDays.map((day) => day.date)),
      };
      this.years.set(year, computed);
    }
    return computed;
  }

  private build(year: number): CalendarYear {
    const entry = this.yearData.get(year);
    const policy: CompensationPolicy = entry?.compensatoryDays ?? 'labour-code';
    const seen = new Set<string>();
    const holidays = [
      ...labourCodeHolidays(year, entry?.nationalDayAdjacentDay ?? this.data.nationalDayAdjacentDay),
      ...additionalHolidaysIn(year, this.data.additionalHolidays),
    ].filter((holiday) => !seen.has(holiday.date) && seen.add(holiday.date));
    const daysOff: DayOff[] = holidays.map((holiday) => ({
      date: holiday.date,
      weekday: weekdayName(holiday.date),
      kind: 'holiday',
      name: holiday.name,
      ...(holiday.detail ? { detail: holiday.detail } : {}),
      onWeekend: isWeekend(holiday.date),
      source: holiday.basis,
    }));
    for (const day of entry?.daysOff ?? []) {
      daysOff.push({
        date: day.date,
        weekday: weekdayName(day.date),
        kind: day.kind,
        name: day.name ?? DEFAULT_NAMES[day.kind],
        onWeekend: false,
        ...(day.swappedWith ? { swappedWith: day.swappedWith } : {}),
        ...(day.note ? { note: day.note } : {}),
        source: day.source,
      });
    }
    if (policy === 'labour-code') {
      const listed = new Set(daysOff.map((day) => day.date));
      for (const day of compensatoryDaysFor(holidays, (date) => listed.has(date))) {
        daysOff.push({
          date: day.date,
          weekday: weekdayName(day.date),
          kind: 'compensatory',
          name: day.name,
          detail: day.detail,
          onWeekend: false,
          provisional: true,
          note: 'Tính theo Bộ luật Lao động; chưa có thông báo chính thức trong dữ liệu lịch',
          source: LABOUR_CODE_COMPENSATION,
        });
      }
    }
    daysOff.sort((a, b) => a.date.localeCompare(b.date));
    const makeUpWorkingDays: MakeUpDay[] = (entry?.makeUpWorkingDays ?? []).map((day) => ({
      date: day.date,
      weekday: weekdayName(day.date),
      name: day.name ?? 'Làm bù',
      ...(day.note ? { note: day.note } : {}),
      source: day.source,
    }));
    return { year, compensatoryDays: policy, ...(entry?.note ? { note: entry.note } : {}), daysOff, makeUpWorkingDays };
  }
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
    throw new RangeError(`Lịch ngày làm việc chỉ tính được các năm ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR} (nhận ${year})`);
  }
  return year;
}

function yearOf(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || addCalendarDays(date, 0) !== date) {
    throw new RangeError(`"${date}" không phải là ngày dạng YYYY-MM-DD`);
  }
  return checkYear(Number(date.slice(0, 4)));
}

export const CALENDAR_DATA_FILE = join('calendar', 'vietnam.json');

/**
 * Reads and validates `<dataDir>/calendar/vietnam.json` into the working calendar. A bad entry stops loading with a
 * CalendarDataError naming the file, the entry and the field.
 */
export function loadWorkingCalendar(dataDir = findDataDirectory()): WorkingCalendar {
  const file = join(dataDir, CALENDAR_DATA_FILE);
  const shownAs = relative(dirname(dataDir), file) || basename(file);
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CalendarDataError(shownAs, '(tệp)', '', `không đọc được JSON: ${(error as Error).message}`);
  }
  return new WorkingCalendar(validateCalendarData(shownAs, content));
}
