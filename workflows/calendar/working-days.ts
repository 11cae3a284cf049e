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

export function isWorkingDay(date: string, daysOff: ReadonlySet<string> = new Set()): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !daysOff.has(date);
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
