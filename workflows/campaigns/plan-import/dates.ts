/**
 * Vietnamese date and period expressions, each read as the widest span its words name: "ngày 11/6/2028" is one
 * day, "tháng 7/2028" a month, "quý II/2028" a quarter, "năm 2030" (or a bare 2030) a year, "cuối năm 2030" the
 * last quarter (marked approximate), "6 tháng đầu năm 2027" a half-year; "từ A đến B" / "A - B" joins two of them.
 */

export type Precision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface TimeExpression {
  from: string;
  to: string;
  text: string;
  precision: Precision;
  /** "cuối năm", "đầu năm": a span the plan does not bound exactly. */
  approximate: boolean;
  start: number;
  end: number;
}

export interface TimeRange {
  from: string;
  to: string;
  text: string;
  start: number;
  end: number;
  approximate: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(year: number, fromMonth: number, toMonth: number) {
  return { from: `${year}-${pad(fromMonth)}-01`, to: `${year}-${pad(toMonth)}-${pad(daysInMonth(year, toMonth))}` };
}

const QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const YEAR = '((?:19|20)\\d{2})';
const PATTERNS: { regex: RegExp; read: (m: RegExpExecArray) => Omit<TimeExpression, 'text' | 'start' | 'end'> | null }[] = [
  {
    regex: new RegExp(`(?:ngày\\s+)?(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+${YEAR}`, 'giu'),
    read: (m) => day(+m[3], +m[2], +m[1]),
  },
  {
    regex: new RegExp(`(?:ngày\\s+)?(?<![\\d/])(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*${YEAR}(?![\\d/])`, 'giu'),
    read: (m) => day(+m[4], +m[3], +m[1]),
  },
  {
    regex: new RegExp(`quý\\s+(IV|I{1,3}|[1-4])\\s*(?:/|năm\\s+|-\\s*)${YEAR}`, 'giu'),
    read: (m) => {
      const quarter = QUARTERS[m[1].toUpperCase()];
      return { ...monthSpan(+m[2], quarter * 3 - 2, quarter * 3), precision: 'quarter', approximate: false };
    },
  },
  {
    regex: new RegExp(`(?:6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm\\s+${YEAR}`, 'giu'),
    read: (m) => {
      const first = m[1].toLowerCase() === 'đầu';
      return { ...monthSpan(+m[2], first ? 1 : 7, first ? 6 : 12), precision: 'half', approximate: false };
    },
  },
  {
    regex: new RegExp(`tháng\\s+(\\d{1,2})\\s*(?:/|năm\\s+|-\\s*)${YEAR}`, 'giu'),
    read: (m) => (+m[1] >= 1 && +m[1] <= 12 ? { ...monthSpan(+m[2], +m[1], +m[1]), precision: 'month', approximate: false } : null),
  },
  {
    regex: new RegExp(`(cuối|đầu|giữa)\\s+năm\\s+${YEAR}`, 'giu'),
    read: (m) => {
      const where = m[1].toLowerCase();
      const [fromMonth, toMonth] = where === 'cuối' ? [10, 12] : where === 'đầu' ? [1, 3] : [4, 9];
      return { ...monthSpan(+m[2], fromMonth, toMonth), precision: 'quarter', approximate: true };
    },
  },
  {
    regex: new RegExp(`(?:năm\\s+)?(?<![\\d/.,])${YEAR}(?![\\d/]|\\.\\d)`, 'giu'),
    read: (m) => ({ ...monthSpan(+m[1], 1, 12), precision: 'year', approximate: false }),
  },
];

function day(year: number, month: number, dayOfMonth: number) {
  const date = isoDate(year, month, dayOfMonth);
  return date ? { from: date, to: date, precision: 'day' as const, approximate: false } : null;
}

/** Every date or period expression of `text`, in order, none overlapping (the more precise reading wins). */
export function timeExpressions(text: string): TimeExpression[] {
  const found: TimeExpression[] = [];
  const taken = new Uint8Array(text.length);
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken[start] || taken[end - 1]) continue;
      const reading = pattern.read(m);
      if (!reading) continue;
      found.push({ ...reading, text: m[0], start, end });
      taken.fill(1, start, end);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const JOINER = /^\s*(?:đến|tới|-|–|—)\s*(?:hết\s+)?$/iu;

/** "từ năm 2026 đến ngày 11/6/2028", "từ 2026 - 2027", "2026-2030": two expressions joined. */
export function timeRanges(text: string): TimeRange[] {
  const expressions = timeExpressions(text);
  const ranges: TimeRange[] = [];
  for (let i = 0; i + 1 < expressions.length; i += 1) {
    const first = expressions[i];
    const second = expressions[i + 1];
    if (!JOINER.test(text.slice(first.end, second.start))) continue;
    const before = text.slice(Math.max(0, first.start - 24), first.start);
    const opener = /(?:từ|trong|giai đoạn)\s*$/iu.exec(before);
    const start = opener ? first.start - opener[0].length : first.start;
    if (second.to < first.from) continue;
    ranges.push({
      from: first.from,
      to: second.to,
      text: text.slice(start, second.end).trim(),
      start,
      end: second.end,
      approximate: first.approximate || second.approximate,
    });
    i += 1;
  }
  return ranges;
}

/** A yearly day "10/11" or "10 tháng 11" (no year) → "11-10". */
export function monthDay(dayText: string, monthText: string): string | null {
  const date = isoDate(2024, +monthText, +dayText);
  return date ? date.slice(5) : null;
}
