import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addWorkingDays,
  CalendarDataError,
  dateOfJulianDay,
  deadlineAfter,
  julianDayNumber,
  labourCodeHolidays,
  loadRuleSets,
  loadWorkingCalendar,
  lunarMonthLength,
  lunarToSolar,
  lunarYearName,
  solarToLunar,
  WorkingCalendar,
  type NominationContext,
  type NominationEvent,
} from '../../workflows';

/**
 * The working-day calendar of Vietnam (awards.md, principle 4): the lunar calendar behind Tết and Giỗ Tổ, the
 * Labour Code's holidays, and the yearly announcements kept in data/calendar/vietnam.json. Due dates are counted by
 * hand on a wall calendar, written out in the comments: `Thu 12 = start` means the start day (not counted);
 * `13 (1)` means the 13th is working day number 1; a day in brackets is a day off.
 */
const calendar = loadWorkingCalendar();

describe('the Vietnamese lunar calendar (Hồ Ngọc Đức\'s algorithm, UTC+7)', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i falls on %s', (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3) %i falls on %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
  });

  it('reckons the new moon in Vietnam\'s time zone, where it differs from the Chinese calendar (UTC+8)', () => {
    // Tết Ất Sửu: 21/1/1985 in Vietnam, 20/2/1985 in China; Tết Đinh Hợi: 17/2/2007 in Vietnam, 18/2/2007 in China.
    expect(lunarToSolar(1985, 1, 1)).toBe('1985-01-21');
    expect(lunarToSolar(2007, 1, 1)).toBe('2007-02-17');
  });

  it('knows the leap months (tháng nhuận): 2 in 2023, 6 in 2025, 11 in 2033', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2033, 11, 1, true)).toBe('2033-12-22');
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true });
    expect(() => lunarToSolar(2026, 2, 1, true)).toThrow(RangeError);
  });

  it('converts back: the last day of the lunar year and the length of tháng Chạp', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(solarToLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, isLeapMonth: false });
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, isLeapMonth: false });
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarMonthLength(2026, 12)).toBe(29);
    expect(() => lunarToSolar(2026, 12, 30)).toThrow(/không có ngày 30/);
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(2027)).toBe('Đinh Mùi');
  });

  it('round-trips every day from 1990 to 2100', () => {
    const mismatches: string[] = [];
    for (let day = julianDayNumber(1990, 1, 1); day <= julianDayNumber(2100, 12, 31); day += 1) {
      const date = dateOfJulianDay(day);
      const lunar = solarToLunar(date);
      if (lunar.day < 1 || lunar.day > 30 || lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.isLeapMonth) !== date) {
        mismatches.push(`${date} → ${JSON.stringify(lunar)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('the Labour Code holidays (khoản 1 Điều 112)', () => {
  it('gives eleven days, Tết being the last day of the lunar year and mùng 1 to mùng 4', () => {
    const holidays = labourCodeHolidays(2026);
    expect(holidays).toHaveLength(11);
    expect(holidays.filter((day) => day.name === 'Tết Nguyên đán').map((day) => day.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(holidays.map((day) => day.date)).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']),
    );
  });

  it('takes the day next to 2/9 from the data: 1/9 by default, 3/9 when the year says so', () => {
    expect(labourCodeHolidays(2028, '09-03').filter((day) => day.name === 'Quốc khánh').map((day) => day.date)).toEqual([
      '2028-09-02',
      '2028-09-03',
    ]);
  });
});

describe('the working calendar with data/calendar/vietnam.json', () => {
  it('lists the days off of 2026 with their reasons, and the make-up Saturdays', () => {
    const off = calendar.daysOff(2026).map((day) => [day.date, day.name]);
    expect(off).toEqual([
      ['2026-01-01', 'Tết Dương lịch'],
      ['2026-01-02', 'Nghỉ hoán đổi'],
      ['2026-02-16', 'Tết Nguyên đán'],
      ['2026-02-17', 'Tết Nguyên đán'],
      ['2026-02-18', 'Tết Nguyên đán'],
      ['2026-02-19', 'Tết Nguyên đán'],
      ['2026-02-20', 'Tết Nguyên đán'],
      ['2026-04-26', 'Giỗ Tổ Hùng Vương'],
      ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2026-04-30', 'Ngày Chiến thắng'],
      ['2026-05-01', 'Ngày Quốc tế lao động'],
      ['2026-08-31', 'Nghỉ hoán đổi'],
      ['2026-09-01', 'Quốc khánh'],
      ['2026-09-02', 'Quốc khánh'],
    ]);
    expect(calendar.daysOff(2026).find((day) => day.date === '2026-04-26')).toMatchObject({ onWeekend: true, weekday: 'Chủ nhật' });
    expect(calendar.makeUpWorkingDays(2026).map((day) => [day.date, day.weekday])).toEqual([
      ['2026-01-10', 'thứ Bảy'],
      ['2026-08-22', 'thứ Bảy'],
    ]);
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(calendar.isWorkingDay('2026-08-29')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-31')).toBe(false);
  });

  it('makes up holidays on a weekend by the Labour Code in a year not yet announced (2027), marked provisional', () => {
    const compensatory = calendar.daysOff(2027).filter((day) => day.kind === 'compensatory');
    expect(compensatory.map((day) => [day.date, day.provisional])).toEqual([
      ['2027-02-10', true], // for mùng 1 Tết, Saturday 6/2
      ['2027-02-11', true], // for mùng 2 Tết, Sunday 7/2
      ['2027-05-03', true], // for 1/5, a Saturday
    ]);
    expect(calendar.year(2027).compensatoryDays).toBe('labour-code');
  });

  it('counts 10 working days from Thursday 12/2/2026, just before Tết Bính Ngọ, to Thursday 5/3/2026', () => {
    // Feb 2026: Thu 12 = start, Fri 13 (1), [Sat 14, Sun 15], [16–20 Tết: 29 Chạp to mùng 4], [Sat 21, Sun 22],
    // Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5), Fri 27 (6), [Sat 28, Sun 1/3],
    // Mon 2/3 (7), Tue 3/3 (8), Wed 4/3 (9), Thu 5/3 (10).
    expect(calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-05');
    expect(calendar.workingDaysBetween('2026-02-12', '2026-03-05')).toBe(10);
  });

  it('counts 20 working days from Monday 20/4/2026 across Giỗ Tổ and 30/4–1/5 to Thursday 21/5/2026', () => {
    // Apr 2026: Mon 20 = start, Tue 21 (1), Wed 22 (2), Thu 23 (3), Fri 24 (4), [Sat 25, Sun 26 Giỗ Tổ,
    // Mon 27 nghỉ bù], Tue 28 (5), Wed 29 (6), [Thu 30/4, Fri 1/5, Sat 2, Sun 3],
    // May: Mon 4 (7), 5 (8), 6 (9), 7 (10), Fri 8 (11), Mon 11 (12), 12 (13), 13 (14), 14 (15), Fri 15 (16),
    // Mon 18 (17), Tue 19 (18), Wed 20 (19), Thu 21 (20).
    expect(calendar.addWorkingDays('2026-04-20', 20)).toBe('2026-05-21');
  });

  it('counts the make-up Saturday 22/8/2026 and skips the Quốc khánh break: 10 working days from Tuesday 18/8/2026 is Thursday 3/9', () => {
    // Aug 2026: Tue 18 = start, Wed 19 (1), Thu 20 (2), Fri 21 (3), Sat 22 làm bù (4), [Sun 23], Mon 24 (5),
    // Tue 25 (6), Wed 26 (7), Thu 27 (8), Fri 28 (9), [Sat 29, Sun 30, Mon 31 hoán đổi, Tue 1/9, Wed 2/9],
    // Thu 3/9 (10).
    expect(calendar.addWorkingDays('2026-08-18', 10)).toBe('2026-09-03');
    // Weekends only would have said Tuesday 1/9, a holiday.
    expect(addWorkingDays('2026-08-18', 10)).toBe('2026-09-01');
  });

  it('can end a deadline on the make-up Saturday 10/1/2026', () => {
    // Wed 31/12/2025 = start, [Thu 1/1 Tết Dương lịch, Fri 2/1 hoán đổi, Sat 3, Sun 4], Mon 5 (1), Tue 6 (2),
    // Wed 7 (3), Thu 8 (4), Fri 9 (5), Sat 10 làm bù (6), [Sun 11], Mon 12 (7).
    expect(calendar.addWorkingDays('2025-12-31', 6)).toBe('2026-01-10');
    expect(calendar.addWorkingDays('2025-12-31', 7)).toBe('2026-01-12');
  });

  it('counts 2025 as announced: the extra Tết day 27/1 and the 2/5 swapped for Saturday 26/4', () => {
    // Fri 24/1/2025 = start, [Sat 25 … Sun 2/2: nine days of Tết], Mon 3/2 (1).
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    // Tue 29/4 = start, [Wed 30/4, Thu 1/5, Fri 2/5 hoán đổi, Sat 3, Sun 4], Mon 5/5 (1).
    expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    // Fri 25/4 = start, Sat 26/4 làm bù (1).
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
  });

  it('counts 10 working days from Wednesday 3/2/2027, before Tết Đinh Mùi, to Wednesday 24/2/2027', () => {
    // Feb 2027: Wed 3 = start, Thu 4 (1), [Fri 5 = 29 Chạp, Sat 6 mùng 1, Sun 7, Mon 8, Tue 9 mùng 4,
    // Wed 10 and Thu 11 nghỉ bù], Fri 12 (2), [Sat 13, Sun 14], Mon 15 (3), 16 (4), 17 (5), 18 (6), Fri 19 (7),
    // Mon 22 (8), Tue 23 (9), Wed 24 (10).
    expect(calendar.addWorkingDays('2027-02-03', 10)).toBe('2027-02-24');
  });

  it('counts 20 working days from Monday 12/4/2027 across Giỗ Tổ and 30/4–1/5 to Thursday 13/5/2027', () => {
    // Apr 2027: Mon 12 = start, Tue 13 (1), Wed 14 (2), Thu 15 (3), [Fri 16 Giỗ Tổ], Mon 19 (4), 20 (5), 21 (6),
    // 22 (7), Fri 23 (8), Mon 26 (9), 27 (10), 28 (11), Thu 29 (12), [Fri 30/4, Sat 1/5, Sun 2, Mon 3 nghỉ bù],
    // May: Tue 4 (13), Wed 5 (14), Thu 6 (15), Fri 7 (16), Mon 10 (17), Tue 11 (18), Wed 12 (19), Thu 13 (20).
    expect(calendar.addWorkingDays('2027-04-12', 20)).toBe('2027-05-13');
  });

  it('counts 5 working days from Friday 27/8/2027 across 1/9–2/9 to Tuesday 7/9/2027', () => {
    // Fri 27/8 = start, [Sat 28, Sun 29], Mon 30 (1), Tue 31 (2), [Wed 1/9, Thu 2/9 Quốc khánh], Fri 3/9 (3),
    // [Sat 4, Sun 5], Mon 6 (4), Tue 7 (5).
    expect(calendar.addWorkingDays('2027-08-27', 5)).toBe('2027-09-07');
  });

  it('counts working days between two dates either way, and refuses a negative count', () => {
    expect(calendar.workingDaysBetween('2026-03-05', '2026-02-12')).toBe(-10);
    expect(calendar.workingDaysBetween('2026-02-16', '2026-02-20')).toBe(0);
    expect(calendar.addWorkingDays('2026-02-16', 0)).toBe('2026-02-16');
    expect(() => calendar.addWorkingDays('2026-02-16', -1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });

  it('without data still knows the Labour Code holidays', () => {
    const bare = new WorkingCalendar();
    expect(bare.isWorkingDay('2026-02-17')).toBe(false);
    expect(bare.isWorkingDay('2026-08-22')).toBe(false);
    expect(bare.isWorkingDay('2026-04-27')).toBe(false); // the Labour Code's nghỉ bù for Sunday 26/4
  });
});

describe('deadlines counted on the calendar', () => {
  it('gives the commune appraisal of Chiến sĩ thi đua cơ sở 20 working days across Giỗ Tổ and 30/4–1/5', () => {
    const form = loadRuleSets().form('national-2025-07-01', 'chien-si-thi-dua-co-so')!;
    const event = { type: 'SUBMIT', at: '2026-04-20T02:00:00.000Z' } as unknown as NominationEvent;
    const deadline = deadlineAfter(form, { deadline: null } as unknown as NominationContext, 'commune.received', event, calendar);
    // As counted above: 20 working days from Monday 20/4/2026 is Thursday 21/5/2026 (weekends only: 18/5).
    expect(deadline).toMatchObject({ level: 'commune', step: 'appraisal', dueDate: '2026-05-21' });
  });
});

describe('validation of the calendar data', () => {
  let dir: string;
  const original = JSON.parse(readFileSync(join(__dirname, '../../data/calendar/vietnam.json'), 'utf8'));
  const load = (content: unknown) => {
    writeFileSync(join(dir, 'calendar', 'vietnam.json'), typeof content === 'string' ? content : JSON.stringify(content));
    return () => loadWorkingCalendar(dir);
  };
  const year = (content: { years: { year: number }[] }, n: number) => content.years.find((entry) => entry.year === n)! as Record<string, any>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'calendar-'));
    mkdirSync(join(dir, 'calendar'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the data file as shipped', () => {
    expect(load(original)().yearsWithData).toEqual([2025, 2026, 2027]);
  });

  it('names the file, the year and the field of a make-up day that is not a weekend day', () => {
    const content = structuredClone(original);
    year(content, 2026).makeUpWorkingDays[0].date = '2026-01-07';
    const error = captured(load(content));
    expect(error).toBeInstanceOf(CalendarDataError);
    expect(error).toMatchObject({ entry: 'năm 2026', field: 'makeUpWorkingDays[0].date' });
    expect(error.message).toContain('calendar/vietnam.json');
    expect(error.message).toContain('thứ Tư');
  });

  it('refuses a swapped day whose make-up day is not listed', () => {
    const content = structuredClone(original);
    year(content, 2026).daysOff[0].swappedWith = '2026-01-17';
    expect(captured(load(content))).toMatchObject({ entry: 'năm 2026', field: 'daysOff[0].swappedWith' });
  });

  it('refuses a day off that is already a holiday, or in another year', () => {
    const onHoliday = structuredClone(original);
    year(onHoliday, 2026).daysOff[1].date = '2026-02-17';
    expect(captured(load(onHoliday))).toMatchObject({ field: 'daysOff[1].date', problem: expect.stringContaining('Tết Nguyên đán') });
    const elsewhere = structuredClone(original);
    year(elsewhere, 2027).daysOff.push({ date: '2026-11-24', kind: 'extra', source: 'thử' });
    expect(captured(load(elsewhere))).toMatchObject({ entry: 'năm 2027', field: 'daysOff[0].date', problem: expect.stringContaining('không thuộc năm 2027') });
  });

  it('refuses a misspelt field and a policy it does not know', () => {
    const misspelt = structuredClone(original);
    year(misspelt, 2027).makeupWorkingDays = [];
    expect(captured(load(misspelt))).toMatchObject({ entry: 'năm 2027', field: 'makeupWorkingDays' });
    const policy = structuredClone(original);
    year(policy, 2027).compensatoryDays = 'auto';
    expect(captured(load(policy))).toMatchObject({ entry: 'năm 2027', field: 'compensatoryDays' });
  });

  it('reports malformed JSON with the file name', () => {
    expect(captured(load('{ "years": ['))).toMatchObject({ file: expect.stringContaining('vietnam.json'), entry: '(tệp)' });
  });

  it('takes a holiday a later law adds from the data', () => {
    const content = structuredClone(original);
    content.additionalHolidays = [{ date: '11-24', name: 'Ngày Văn hóa Việt Nam', fromYear: 2027, source: 'thử' }];
    const extended = load(content)();
    expect(extended.isWorkingDay('2026-11-24')).toBe(true);
    expect(extended.daysOff(2027)).toContainEqual(expect.objectContaining({ date: '2027-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday' }));
  });
});

function captured(run: () => unknown): CalendarDataError {
  try {
    run();
  } catch (error) {
    return error as CalendarDataError;
  }
  throw new Error('expected a CalendarDataError');
}
