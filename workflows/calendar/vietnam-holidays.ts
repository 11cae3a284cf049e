import { lunarMonthLength, lunarToSolar, lunarYearName } from './lunar-calendar';
import { addCalendarDays, isWeekend, weekdayOf } from './working-days';

/**
 * The public holidays of the Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14), khoản 1 Điều 112, computed for a
 * solar year. Anything beyond the Labour Code — the adjacent day of Quốc khánh the government picks, holidays a later
 * law adds (e.g. Ngày Văn hóa Việt Nam 24/11, decided in principle in 2026), the yearly days off, swaps and make-up
 * days — is data (`data/calendar/vietnam.json`), never code.
 */

export const LABOUR_CODE_HOLIDAYS = 'khoản 1 Điều 112 Bộ luật Lao động 2019';
export const LABOUR_CODE_COMPENSATION = 'khoản 3 Điều 111 Bộ luật Lao động 2019';

/** `MM-DD` of the day next to 2/9 that is the second Quốc khánh holiday: 1/9 or 3/9. */
export type NationalDayAdjacentDay = '09-01' | '09-03';
export const NATIONAL_DAY_ADJACENT_DAYS: readonly NationalDayAdjacentDay[] = ['09-01', '09-03'];

export interface Holiday {
  date: string;
  /** The holiday's Vietnamese name: "Tết Nguyên đán", "Giỗ Tổ Hùng Vương"… */
  name: string;
  /** Which day of it, where it matters: "mùng 1 tháng Giêng năm Bính Ngọ", "ngày liền kề 2/9"… */
  detail?: string;
  /** The legal basis or the data source. */
  basis: string;
}

/** A holiday added by a later law, every year from `fromYear` (to `toYear`), on a fixed solar date. */
export interface AdditionalHoliday {
  /** `MM-DD` */
  date: string;
  name: string;
  fromYear: number;
  toYear?: number;
  source: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKEND_NAMES: Record<number, string> = { 0: 'Chủ nhật', 6: 'thứ Bảy' };

/**
 * Tết Âm lịch, 5 days: by default the last day of the old lunar year and mùng 1 to mùng 4 of tháng Giêng. The Prime
 * Minister fixes the days each year (khoản 3 Điều 112); where the decision differs, the data file says so.
 */
export function tetHolidays(year: number): Holiday[] {
  const newYear = lunarToSolar(year, 1, 1);
  const lastMonthLength = lunarMonthLength(year - 1, 12);
  const eve: Holiday = {
    date: addCalendarDays(newYear, -1),
    name: 'Tết Nguyên đán',
    detail: `${lastMonthLength} tháng Chạp năm ${lunarYearName(year - 1)}`,
    basis: LABOUR_CODE_HOLIDAYS,
  };
  return [
    eve,
    ...[0, 1, 2, 3].map((offset) => ({
      date: addCalendarDays(newYear, offset),
      name: 'Tết Nguyên đán',
      detail: `mùng ${offset + 1} tháng Giêng năm ${lunarYearName(year)}`,
      basis: LABOUR_CODE_HOLIDAYS,
    })),
  ];
}

/** The eleven days of khoản 1 Điều 112 in solar year `year`, in date order. */
export function labourCodeHolidays(year: number, nationalDayAdjacentDay: NationalDayAdjacentDay = '09-01'): Holiday[] {
  const fixed = (monthDay: string, name: string, detail?: string): Holiday => ({
    date: `${year}-${monthDay}`,
    name,
    ...(detail ? { detail } : {}),
    basis: LABOUR_CODE_HOLIDAYS,
  });
  const holidays: Holiday[] = [
    fixed('01-01', 'Tết Dương lịch'),
    ...tetHolidays(year),
    { date: lunarToSolar(year, 3, 10), name: 'Giỗ Tổ Hùng Vương', detail: `10 tháng 3 năm ${lunarYearName(year)}`, basis: LABOUR_CODE_HOLIDAYS },
    fixed('04-30', 'Ngày Chiến thắng'),
    fixed('05-01', 'Ngày Quốc tế lao động'),
    fixed('09-02', 'Quốc khánh'),
    fixed(nationalDayAdjacentDay, 'Quốc khánh', `ngày liền ${nationalDayAdjacentDay === '09-01' ? 'trước' : 'sau'} ngày 2/9`),
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** The holidays later laws added, as they apply in `year`. */
export function additionalHolidaysIn(year: number, additions: readonly AdditionalHoliday[]): Holiday[] {
  return additions
    .filter((addition) => year >= addition.fromYear && (addition.toYear === undefined || year <= addition.toYear))
    .map((addition) => ({ date: `${year}-${addition.date}`, name: addition.name, basis: addition.source }));
}

/**
 * Khoản 3 Điều 111: a holiday that falls on the weekly rest day is made up on the next working day. Each such
 * holiday, in date order, takes the first later weekday that is neither a holiday nor already taken, so Tết on a
 * Saturday and Sunday gives the two working days after the Tết holidays.
 */
export function compensatoryDaysFor(holidays: readonly Holiday[], isAlreadyOff: (date: string) => boolean = () => false): Holiday[] {
  const holidayDates = new Set(holidays.map((holiday) => holiday.date));
  const taken = new Set<string>();
  const result: Holiday[] = [];
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(holiday.date)) continue;
    let date = addCalendarDays(holiday.date, 1);
    while (isWeekend(date) || holidayDates.has(date) || taken.has(date) || isAlreadyOff(date)) date = addCalendarDays(date, 1);
    taken.add(date);
    const [year, month, day] = holiday.date.split('-');
    result.push({
      date,
      name: 'Nghỉ bù',
      detail: `${holiday.name}${holiday.detail ? ` (${holiday.detail})` : ''} rơi vào ${WEEKEND_NAMES[weekdayOf(holiday.date)]} ${day}/${month}/${year}`,
      basis: LABOUR_CODE_COMPENSATION,
    });
  }
  return result;
}

export function monthDayIsValid(monthDay: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  // 29 February is refused: a yearly holiday must exist every year.
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days && `${pad(month)}-${pad(day)}` === monthDay;
}
