import { dedicatedDatabase } from '../support/dedicated-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { ADMIN, COMMUNE } from './support/binh-lu-fixtures';

/** The working-day calendar over HTTP: computed holidays, and the days an administrator announces later. */
describe('calendar of working days', () => {
  let database: { url: string; dispose: () => void };
  let t: TestApp;
  const auth = async (username: string) => ({ Authorization: `Bearer ${await t.tokenOf(username)}` });

  beforeAll(async () => {
    database = await dedicatedDatabase(`e2e_calendar_${process.env.JEST_WORKER_ID ?? '1'}`);
    t = await startTestApp({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await t.close();
    database.dispose();
  });

  it('lists Tết Nguyên đán 2026 and Giỗ Tổ Hùng Vương among the days off', async () => {
    const response = await t.http().get('/api/calendar/days-off?year=2026').set(await auth(COMMUNE.appraiser)).expect(200);
    const names = new Map(response.body.daysOff.map((day: { date: string; name: string }) => [day.date, day.name]));
    expect(names.get('2026-02-17')).toContain('Tết');
    expect(names.get('2026-04-26')).toContain('Giỗ Tổ Hùng Vương');
  });

  it('lets only an administrator record an announced day off, and refuses bad ones without changing anything', async () => {
    const announcement = { date: '2027-05-04', workingDay: false, kind: 'extra', name: 'Nghỉ thêm theo thông báo', source: 'Thông báo lịch nghỉ năm 2027' };
    const forbidden = await t.http().post('/api/calendar/announcements').set(await auth(COMMUNE.appraiser)).send(announcement).expect(403);
    expect(forbidden.body.statusCode).toBe(403);
    const weekend = await t.http().post('/api/calendar/announcements').set(await auth(ADMIN)).send({ ...announcement, date: '2027-05-08' }).expect(422);
    expect(weekend.body.details.rule).toBe('day-off-on-weekday');
    const before = await t.http().get('/api/calendar/days-off?year=2027').set(await auth(ADMIN)).expect(200);
    expect(before.body.daysOff.map((day: { date: string }) => day.date)).not.toContain('2027-05-04');

    await t.http().post('/api/calendar/announcements').set(await auth(ADMIN)).send(announcement).expect(201);
    await t.http().post('/api/calendar/announcements').set(await auth(ADMIN)).send(announcement).expect(409);
    const after = await t.http().get('/api/calendar/days-off?year=2027').set(await auth(ADMIN)).expect(200);
    expect(after.body.daysOff.map((day: { date: string }) => day.date)).toContain('2027-05-04');
    expect(after.body.workingDays).toBe(before.body.workingDays - 1);
  });

  it('keeps a recorded make-up Saturday across a restart', async () => {
    const saturday = { date: '2027-05-15', workingDay: true, name: 'Làm bù', source: 'Thông báo lịch nghỉ năm 2027' };
    await t.http().post('/api/calendar/announcements').set(await auth(ADMIN)).send(saturday).expect(201);
    await t.close();
    t = await startTestApp({ databaseUrl: database.url });
    const response = await t.http().get('/api/calendar/days-off?year=2027').set(await auth(ADMIN)).expect(200);
    expect(response.body.makeUpWorkingDays.map((day: { date: string }) => day.date)).toContain('2027-05-15');
    expect(response.body.daysOff.map((day: { date: string }) => day.date)).toContain('2027-05-04');
  });
});
