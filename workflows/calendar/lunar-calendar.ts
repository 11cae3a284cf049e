/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam"): new
 * moons and the sun's longitude from the astronomical series in Jean Meeus' "Astronomical Algorithms", reckoned for
 * the time zone UTC+7 — which is what makes Vietnamese dates differ from the Chinese calendar (UTC+8) in some years.
 *
 * The rules: a lunar month starts on the day (in UTC+7) of a new moon; month 11 is the month that contains the
 * winter solstice; a lunar year with 13 months (between two months 11) has a leap month, the first month after month
 * 11 that contains no major solar term (the sun's longitude does not reach a multiple of 30°). Valid 1900–2199.
 */

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  isLeapMonth: boolean;
}

const TIME_ZONE = 7;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
/** Julian day number of the new moon of 1900-01-01 (the epoch of the new moon series) and the mean synodic month. */
const EPOCH_NEW_MOON = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;

const int = Math.floor;

/** Julian day number of a date of the Gregorian calendar (of the Julian calendar before 15 October 1582). */
export function julianDayNumber(year: number, month: number, day: number): number {
  const a = int((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd = day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045;
  return jd < 2299161 ? day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - 32083 : jd;
}

/** The date of a Julian day number, as `YYYY-MM-DD`. */
export function dateOfJulianDay(jd: number): string {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = int((4 * a + 3) / 146097);
    c = a - int((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = int((4 * c + 3) / 1461);
  const e = c - int((1461 * d) / 4);
  const m = int((5 * e + 2) / 153);
  const day = e - int((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * int(m / 10);
  const year = b * 100 + d - 4800 + int(m / 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant (Julian day, UT) of the k-th new moon after the one of 1900-01-01 (Meeus, chapter 47, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude, in radians [0, 2π), at the instant `jdn` (Julian day, UT) (Meeus, chapter 25). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries from 2000-01-01 12:00 UT
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * int(L / (Math.PI * 2));
  return L;
}

/** The day (Julian day number, in UTC+7) of the k-th new moon. */
function newMoonDay(k: number): number {
  return int(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Which of the twelve 30° sectors (0–11) the sun is in at the local midnight that starts day `dayNumber`. */
function sunSector(dayNumber: number): number {
  return int((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

// Both depend on the year alone and are needed for every conversion: kept once computed (a few hundred entries).
const month11Cache = new Map<number, number>();
const leapOffsetCache = new Map<number, number>();

/** The first day (Julian day number) of lunar month 11 of the lunar year that ends in solar year `year`. */
function lunarMonth11(year: number): number {
  let start = month11Cache.get(year);
  if (start === undefined) {
    start = computeLunarMonth11(year);
    month11Cache.set(year, start);
  }
  return start;
}

function computeLunarMonth11(year: number): number {
  const off = julianDayNumber(year, 12, 31) - 2415021;
  const k = int(off / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // The new moon before 31 December begins month 11 unless the sun is already past 270° (the solstice) that day.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** In a 13-month year starting at month 11 `a11`, the offset from `a11` of the leap month (the first without a major term). */
function leapMonthOffset(a11: number): number {
  let offset = leapOffsetCache.get(a11);
  if (offset === undefined) {
    offset = computeLeapMonthOffset(a11);
    leapOffsetCache.set(a11, offset);
  }
  return offset;
}

function computeLeapMonthOffset(a11: number): number {
  const k = int((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`${field} ${year} nằm ngoài khoảng tính được của lịch âm (${FIRST_YEAR}–${LAST_YEAR})`);
  }
}

function parseSolar(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parts = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
  if (!parts || dateOfJulianDay(julianDayNumber(parts[0], parts[1], parts[2])) !== date) {
    throw new RangeError(`"${date}" không phải là ngày dương lịch dạng YYYY-MM-DD`);
  }
  return parts as [number, number, number];
}

/** The lunar date of a solar date `YYYY-MM-DD`. */
export function solarToLunar(date: string): LunarDate {
  const [yy] = parseSolar(date);
  checkYear(yy, 'Năm');
  const dayNumber = julianDayNumber(...parseSolar(date));
  // The new moon that starts the day's month. The estimate from the mean month can be off by one either way; the
  // original steps back once only, which gives "day 0" for 2054-05-07 and 2062-04-09.
  let k = int((dayNumber - EPOCH_NEW_MOON) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k -= 1;
  while (newMoonDay(k + 1) <= dayNumber) k += 1;
  const monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = int((monthStart - a11) / 29);
  let isLeapMonth = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      isLeapMonth = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, isLeapMonth };
}

/** The first day (Julian day number) of a lunar month, or null when that year has no such (leap) month. */
function lunarMonthStart(lunarYear: number, lunarMonth: number, isLeapMonth: boolean): number | null {
  const [a11, b11] =
    lunarMonth < 11 ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)] : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = int(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (isLeapMonth && lunarMonth !== leapMonth) return null;
    if (isLeapMonth || off >= leapOff) off += 1;
  } else if (isLeapMonth) {
    return null;
  }
  return newMoonDay(k + off);
}

/** The number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(lunarYear: number, lunarMonth: number, isLeapMonth = false): number {
  checkYear(lunarYear, 'Năm âm lịch');
  const start = lunarMonthStart(lunarYear, lunarMonth, isLeapMonth);
  if (start === null) throw new RangeError(`Năm âm lịch ${lunarYear} không có tháng ${lunarMonth} nhuận`);
  // The next month starts at the next new moon: about 29.5 days later.
  const next = newMoonDay(int(0.5 + (start - EPOCH_NEW_MOON) / SYNODIC_MONTH) + 1);
  return next - start;
}

/**
 * The solar date `YYYY-MM-DD` of a lunar date. `lunarYear` is the year that begins at its Tết (so 1/1 of lunar year
 * 2026 is Tết Bính Ngọ, 2026-02-17). Throws a RangeError for a date that does not exist (a leap month the year does
 * not have, day 30 of a 29-day month).
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, isLeapMonth = false): string {
  checkYear(lunarYear, 'Năm âm lịch');
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) throw new RangeError(`Tháng âm lịch ${lunarMonth} không hợp lệ`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) throw new RangeError(`Ngày âm lịch ${lunarDay} không hợp lệ`);
  const start = lunarMonthStart(lunarYear, lunarMonth, isLeapMonth);
  if (start === null) throw new RangeError(`Năm âm lịch ${lunarYear} không có tháng ${lunarMonth} nhuận`);
  if (lunarDay > lunarMonthLength(lunarYear, lunarMonth, isLeapMonth)) {
    throw new RangeError(`Tháng ${lunarMonth}${isLeapMonth ? ' nhuận' : ''} năm âm lịch ${lunarYear} không có ngày ${lunarDay}`);
  }
  return dateOfJulianDay(start + lunarDay - 1);
}

/** The solar date of Tết Nguyên đán (1 tháng Giêng) of a lunar year. */
export function tetDate(lunarYear: number): string {
  return lunarToSolar(lunarYear, 1, 1);
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The year's name in the sexagenary cycle (can chi), e.g. 2026 → "Bính Ngọ". */
export function lunarYearName(lunarYear: number): string {
  return `${STEMS[(((lunarYear + 6) % 10) + 10) % 10]} ${BRANCHES[(((lunarYear + 8) % 12) + 12) % 12]}`;
}
