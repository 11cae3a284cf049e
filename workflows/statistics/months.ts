/**
 * Month buckets in Vietnam time (UTC+7, no daylight saving). Instants are stored as ISO-8601 UTC strings, which
 * compare as text, so a Vietnam day or month becomes a range of UTC strings that an index on the column can serve.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `2026-03` for any instant of March 2026 in Vietnam. */
export function vietnamMonthOf(instant: string | Date): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(time + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

/** The UTC instant (ISO string) at which a Vietnam day begins: `2026-03-01` → `2026-02-28T17:00:00.000Z`. */
export function vietnamDayStartUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/** The UTC instant at which the Vietnam day after `date` begins: the exclusive end of a range ending on `date`. */
export function vietnamDayEndUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 24 * 60 * 60 * 1000 - VIETNAM_OFFSET_MS).toISOString();
}

/** `month` (`YYYY-MM`) moved by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with the one holding `today` (a Vietnam date), oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const current = today.slice(0, 7);
  return Array.from({ length: count }, (_, index) => addMonths(current, index - count + 1));
}

/** "Tháng 3/2026", as offices write it. */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `Tháng ${Number(monthNumber)}/${year}`;
}

/** Every month of `months` with its count, zero where no row names it. */
export function fillMonths(months: readonly string[], counts: ReadonlyArray<{ month: string | null; count: number }>) {
  const byMonth = new Map<string, number>();
  for (const row of counts) if (row.month) byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.count);
  return months.map((month) => ({ month, label: monthLabel(month), count: byMonth.get(month) ?? 0 }));
}

/** Each month as the UTC range `[from, to)` of its Vietnam days: a count per month is a range count on an index. */
export function monthRanges(months: readonly string[]): Array<{ month: string; from: string; to: string }> {
  return months.map((month) => ({ month, from: vietnamDayStartUtc(`${month}-01`), to: vietnamDayStartUtc(`${addMonths(month, 1)}-01`) }));
}
