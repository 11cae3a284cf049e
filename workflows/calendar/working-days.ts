/**
 * Working days in Vietnam: Monday to Friday, less the days off given as data (public holidays and the yearly
 * official days off). Dates are ISO `YYYY-MM-DD` in Vietnam's time zone (UTC+7, no daylight saving).
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function vietnamDate(instant: string | Date): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(time + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The day of the week of a `YYYY-MM-DD` date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Saturday or Sunday: the weekly rest days of state offices (the 40-hour, five-day week). */
export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: string, daysOff: ReadonlySet<string> = new Set()): boolean {
  return !isWeekend(date) && !daysOff.has(date);
}

/** The date `count` working days after `start` (the start day itself does not count). */
export function addWorkingDays(start: string, count: number, daysOff: ReadonlySet<string> = new Set()): string {
  let date = start;
  for (let remaining = count; remaining > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, daysOff)) remaining -= 1;
  }
  return date;
}

export function addCalendarDays(start: string, count: number): string {
  return addDays(start, count);
}

/**
 * What the deadlines need of a calendar: which days are working days, and the date n working days on. The
 * `WorkingCalendar` (public holidays, Tết, the yearly days off and make-up days) is the one the service uses.
 */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
  /** The date `count` working days after `start` (the start day itself does not count). */
  addWorkingDays(start: string, count: number): string;
}

/** Monday to Friday, no holidays: for tests and tools that need no calendar data. */
export const WEEKENDS_ONLY: WorkingDays = {
  isWorkingDay: (date) => isWorkingDay(date),
  addWorkingDays: (start, count) => addWorkingDays(start, count),
};
