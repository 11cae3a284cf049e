import { NominationEntity } from '../../src/nominations/nomination.entity';
import { NotificationEntity } from '../../src/notifications/notification.entity';
import { dedicatedDatabase } from '../support/dedicated-database';
import { provideDocumentsFor } from '../support/dossier-uploads';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { defaultCriterion, officeKeeping, recordEligibleHistory } from './support/nominee-history';

/**
 * Notifications through HTTP on the full application: every accepted step tells whoever must act next and the
 * proposing unit of outcomes; each user lists and reads only their own. Also the deadline filters of the list.
 */

/** Demo accounts (data/demo/binh-lu.json), by the role they play here. */
const SCHOOL = 'truong.binhlu'; // Trường Tiểu học Bình Lư, submitter
const VILLAGE = 'ban.binhlu'; // Bản Bình Lư, submitter
const APPRAISER = 'vhxh.binhlu'; // Phòng Văn hóa – Xã hội, UBND xã Bình Lư
const SECRETARY = 'thuky.binhlu'; // council secretary of the commune
const COUNCIL_MEMBER = 'hoidong.binhlu';
const CHAIR = 'chutich.binhlu'; // Chủ tịch UBND xã, signer
const PROVINCE_APPRAISER = 'snv.laichau'; // Sở Nội vụ tỉnh Lai Châu

const LO_THI_HUONG = { kind: 'individual', fullName: 'Lò Thị Hương', position: 'Giáo viên', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' };
const LUONG_THI_NGA = { kind: 'individual', fullName: 'Lường Thị Nga', position: 'Hiệu phó', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' };
const BAN_BINH_LU = { kind: 'collective', name: 'Bản Bình Lư', category: 'village' };
const COMMUNE_COUNCIL = { members: 9, present: 9, yes: 9, no: 0, abstain: 0 };

const vietnamToday = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};
const dmy = (isoDate: string) => isoDate.split('-').reverse().join('/');

interface NotificationItem {
  id: string;
  kind: string;
  nominationId: string;
  eventType: string;
  state: string;
  message: string;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

describe('notifications', () => {
  let t: TestApp;
  let database: { url: string; dispose: () => void };

  beforeAll(async () => {
    for (const username of [SCHOOL, VILLAGE, APPRAISER, SECRETARY, COUNCIL_MEMBER, CHAIR, PROVINCE_APPRAISER]) {
      expect(DEMO.users.some((user) => user.username === username)).toBe(true);
    }
    database = await dedicatedDatabase('notifications_e2e');
    t = await startTestApp({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await t.close();
    database.dispose();
  });

  const bearer = async (username: string) => `Bearer ${await t.tokenOf(username)}`;

  /** A draft claiming the form's first alternative for the nominee, with the registry history it needs. */
  async function draft(as: string, formCode: string, nominee: object): Promise<string> {
    const criterion = defaultCriterion(formCode, nominee);
    const response = await t.http().post('/api/nominations').set('Authorization', await bearer(as)).send({ formCode, nominee, ...(criterion ? { criterion } : {}) });
    expect(response.status).toBe(201);
    await recordEligibleHistory(t, officeKeeping(as), response.body);
    return response.body.id;
  }

  /** Sends an event that must be accepted, with the documents it checks uploaded by its sender first. */
  async function step(as: string, id: string, event: { type: string } & Record<string, unknown>) {
    await provideDocumentsFor(t, await bearer(as), id, event.type);
    const response = await t.http().post(`/api/nominations/${id}/events`).set('Authorization', await bearer(as)).send(event);
    if (response.status !== 200) throw new Error(`${JSON.stringify(event)} as ${as}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function inbox(as: string, query: Record<string, string> = {}) {
    const response = await t.http().get('/api/notifications').query(query).set('Authorization', await bearer(as));
    expect(response.status).toBe(200);
    return response.body as { items: NotificationItem[]; total: number; unread: number; page: number; pageSize: number };
  }

  /** The caller's notifications about one nomination, newest first. */
  async function about(as: string, nominationId: string): Promise<NotificationItem[]> {
    return (await inbox(as, { pageSize: '100' })).items.filter((item) => item.nominationId === nominationId);
  }

  describe('a submitted dossier', () => {
    let nominationId: string;
    let notification: NotificationItem;

    beforeAll(async () => {
      nominationId = await draft(SCHOOL, 'giay-khen-chu-tich-xa', LO_THI_HUONG);
      await step(SCHOOL, nominationId, { type: 'SUBMIT' });
    });

    it("tells the commune's appraiser, in Vietnamese, that it waits for appraisal", async () => {
      const unread = await inbox(APPRAISER, { unread: 'true' });
      expect(unread.total).toBe(1);
      expect(unread.unread).toBe(1);
      notification = unread.items[0];
      expect(notification).toMatchObject({
        kind: 'action-required',
        nominationId,
        eventType: 'SUBMIT',
        state: 'commune.received',
        message: 'Hồ sơ đề nghị Giấy khen của Chủ tịch UBND xã cho Lò Thị Hương đang chờ thẩm định',
        read: false,
        readAt: null,
      });
    });

    it('tells nobody else: not the submitter of their own step, not the council, not the province', async () => {
      for (const username of [SCHOOL, SECRETARY, CHAIR, VILLAGE, PROVINCE_APPRAISER]) {
        expect((await inbox(username)).total).toBe(0);
      }
    });

    it('cannot be read by another user: 404, and it stays unread', async () => {
      for (const username of [SECRETARY, SCHOOL]) {
        const response = await t.http().post(`/api/notifications/${notification.id}/read`).set('Authorization', await bearer(username));
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: 'Không tìm thấy thông báo' });
      }
      const stored = await t.dataSource.getRepository(NotificationEntity).findOneByOrFail({ id: notification.id });
      expect(stored.readAt).toBeNull();
      expect((await inbox(APPRAISER, { unread: 'true' })).total).toBe(1);
    });

    it('is marked read by its owner, once: reading again keeps the first time', async () => {
      const first = await t.http().post(`/api/notifications/${notification.id}/read`).set('Authorization', await bearer(APPRAISER));
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: notification.id, read: true });
      expect(typeof first.body.readAt).toBe('string');

      const unread = await inbox(APPRAISER, { unread: 'true' });
      expect(unread).toMatchObject({ total: 0, unread: 0, items: [] });
      const all = await inbox(APPRAISER);
      expect(all.total).toBe(1);
      expect(all.items[0]).toMatchObject({ id: notification.id, read: true, readAt: first.body.readAt });
      expect((await inbox(APPRAISER, { unread: 'false' })).total).toBe(1);

      const again = await t.http().post(`/api/notifications/${notification.id}/read`).set('Authorization', await bearer(APPRAISER));
      expect(again.status).toBe(200);
      expect(again.body.readAt).toBe(first.body.readAt);
    });

    it('answers 404 for an unknown or malformed id, 401 without a token, 400 for a bad filter', async () => {
      const token = await bearer(APPRAISER);
      expect((await t.http().post('/api/notifications/00000000-0000-4000-8000-000000000000/read').set('Authorization', token)).status).toBe(404);
      expect((await t.http().post('/api/notifications/khong-phai-ma/read').set('Authorization', token)).status).toBe(404);
      expect((await t.http().get('/api/notifications')).status).toBe(401);
      const bad = await t.http().get('/api/notifications').query({ unread: 'có', pageSize: '500' }).set('Authorization', token);
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(['pageSize', 'unread']);
    });
  });

  describe('each step along the route', () => {
    it('tells the council secretary, then the signer, then the unit of the award', async () => {
      const id = await draft(SCHOOL, 'giay-khen-chu-tich-xa', LUONG_THI_NGA);
      const subject = 'Hồ sơ đề nghị Giấy khen của Chủ tịch UBND xã cho Lường Thị Nga';
      await step(SCHOOL, id, { type: 'SUBMIT' });
      await step(APPRAISER, id, { type: 'ACCEPT' });
      // The appraiser is not told of their own step.
      expect((await about(APPRAISER, id)).map((item) => item.eventType)).toEqual(['SUBMIT']);

      await step(APPRAISER, id, { type: 'APPRAISAL_PASSED', note: 'Hồ sơ đầy đủ, đạt tiêu chuẩn' });
      expect(await about(SECRETARY, id)).toEqual([
        expect.objectContaining({ kind: 'action-required', eventType: 'APPRAISAL_PASSED', state: 'commune.councilReview', message: `${subject} đang chờ Hội đồng Thi đua – Khen thưởng xét` }),
      ]);
      // Council members who are not its secretary do not act on the dossier: the session's result does.
      expect(await about(COUNCIL_MEMBER, id)).toEqual([]);

      await step(SECRETARY, id, { type: 'COUNCIL_APPROVED', counts: COMMUNE_COUNCIL, meetingDate: vietnamToday(), minutesNumber: '12/BB-HĐTĐKT' });
      expect(await about(CHAIR, id)).toEqual([
        expect.objectContaining({ kind: 'action-required', eventType: 'COUNCIL_APPROVED', state: 'commune.awaitingSignature', message: `${subject} đang chờ Chủ tịch UBND xã ký` }),
      ]);

      await step(CHAIR, id, { type: 'SIGN', number: '15/QĐ-UBND' });
      expect(await about(SCHOOL, id)).toEqual([
        expect.objectContaining({ kind: 'outcome', eventType: 'SIGN', state: 'awarded', message: `${subject} đã được khen thưởng theo Quyết định số 15/QĐ-UBND ngày ${dmy(vietnamToday())}` }),
      ]);
    });

    it('tells the unit of a supplement request (with its due date) and of a rejection', async () => {
      const id = await draft(SCHOOL, 'lao-dong-tien-tien', { ...LO_THI_HUONG, fullName: 'Lò Văn Thắng' });
      const subject = 'Hồ sơ đề nghị danh hiệu Lao động tiên tiến cho Lò Văn Thắng';
      await step(SCHOOL, id, { type: 'SUBMIT' });
      await step(APPRAISER, id, { type: 'ACCEPT' });
      const requested = await step(APPRAISER, id, {
        type: 'REQUEST_SUPPLEMENT',
        reason: 'Thiếu báo cáo thành tích có xác nhận của Hiệu trưởng',
        items: ['achievement-report'],
      });
      const dueDate = requested.deadlines.current.dueDate as string;
      expect(await about(SCHOOL, id)).toEqual([
        expect.objectContaining({
          eventType: 'REQUEST_SUPPLEMENT',
          state: 'commune.supplementRequested',
          message: `${subject} được yêu cầu bổ sung trước ngày ${dmy(dueDate)}: Thiếu báo cáo thành tích có xác nhận của Hiệu trưởng`,
        }),
      ]);

      await step(SCHOOL, id, { type: 'RESUBMIT', note: 'Đã bổ sung báo cáo thành tích' });
      expect((await about(APPRAISER, id))[0]).toMatchObject({ eventType: 'RESUBMIT', message: `${subject} đã được bổ sung và đang chờ thẩm định lại` });

      await step(APPRAISER, id, { type: 'APPRAISAL_REJECTED', reason: 'Chưa đủ thời gian công tác' });
      expect((await about(SCHOOL, id))[0]).toMatchObject({
        kind: 'outcome',
        eventType: 'APPRAISAL_REJECTED',
        state: 'rejected',
        message: `${subject} không được khen thưởng ở cấp xã: Chưa đủ thời gian công tác`,
      });
    });

    it("tells the unit that its dossier went up to the province, and the province's office that it waits", async () => {
      const id = await draft(VILLAGE, 'bang-khen-chu-tich-tinh', BAN_BINH_LU);
      const subject = 'Hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh cho Bản Bình Lư';
      await step(VILLAGE, id, { type: 'SUBMIT' });
      await step(APPRAISER, id, { type: 'ACCEPT' });
      await step(APPRAISER, id, { type: 'APPRAISAL_PASSED' });
      await step(SECRETARY, id, { type: 'COUNCIL_APPROVED', counts: COMMUNE_COUNCIL });
      await step(CHAIR, id, { type: 'SIGN', number: '16/TTr-UBND' });

      expect(await about(VILLAGE, id)).toEqual([
        expect.objectContaining({ kind: 'outcome', eventType: 'SIGN', state: 'province.received', message: `${subject} đã được trình lên cấp tỉnh (Tờ trình số 16/TTr-UBND ngày ${dmy(vietnamToday())})` }),
      ]);
      expect(await about(PROVINCE_APPRAISER, id)).toEqual([
        expect.objectContaining({ kind: 'action-required', eventType: 'SIGN', state: 'province.received', message: `${subject} đang chờ thẩm định` }),
      ]);
    });

    it('writes nothing for a refused step', async () => {
      const id = await draft(SCHOOL, 'giay-khen-chu-tich-xa', { ...LO_THI_HUONG, fullName: 'Tòng Thị Xuân' });
      await step(SCHOOL, id, { type: 'SUBMIT' });
      await step(APPRAISER, id, { type: 'ACCEPT' });
      await step(APPRAISER, id, { type: 'APPRAISAL_PASSED' });
      await step(SECRETARY, id, { type: 'COUNCIL_APPROVED', counts: COMMUNE_COUNCIL });
      await provideDocumentsFor(t, await bearer(CHAIR), id, 'SIGN'); // the council minutes: the number is what is refused
      const before = await t.dataSource.getRepository(NotificationEntity).count();
      // 15/QĐ-UBND was already used this year by the commune: 422, and nobody hears of a step that did not happen.
      const refused = await t.http().post(`/api/nominations/${id}/events`).set('Authorization', await bearer(CHAIR)).send({ type: 'SIGN', number: '15/QĐ-UBND' });
      expect(refused.status).toBe(422);
      const wrongRole = await t.http().post(`/api/nominations/${id}/events`).set('Authorization', await bearer(APPRAISER)).send({ type: 'SIGN', number: '17/QĐ-UBND' });
      expect(wrongRole.status).toBe(403);
      expect(await t.dataSource.getRepository(NotificationEntity).count()).toBe(before);
      expect((await about(SCHOOL, id)).map((item) => item.eventType)).toEqual([]);
    });

    it('lists newest first, page by page', async () => {
      const all = await inbox(APPRAISER, { pageSize: '100' });
      expect(all.total).toBeGreaterThanOrEqual(5);
      const times = all.items.map((item) => item.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const first = await inbox(APPRAISER, { pageSize: '2', page: '1' });
      const second = await inbox(APPRAISER, { pageSize: '2', page: '2' });
      expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.slice(0, 4).map((item) => item.id));
    });
  });

  describe('deadline filters of the nomination list', () => {
    const today = vietnamToday();
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const dueDates: Record<string, string> = {
        overdue: addDays(today, -3),
        today,
        inThreeDays: addDays(today, 3),
        inTenDays: addDays(today, 10),
        awardedLongAgo: addDays(today, -30),
      };
      for (const [key, dueDate] of Object.entries(dueDates)) {
        ids[key] = await draft(SCHOOL, 'giay-khen-chu-tich-xa', { ...LO_THI_HUONG, fullName: `Lò Thị Hương (${key})` });
        await step(SCHOOL, ids[key], { type: 'SUBMIT' });
        if (key === 'awardedLongAgo') {
          await step(APPRAISER, ids[key], { type: 'ACCEPT' });
          await step(APPRAISER, ids[key], { type: 'APPRAISAL_PASSED' });
          await step(SECRETARY, ids[key], { type: 'COUNCIL_APPROVED', counts: COMMUNE_COUNCIL });
          await step(CHAIR, ids[key], { type: 'SIGN', number: '40/QĐ-UBND' });
        }
        await t.dataSource.getRepository(NominationEntity).update({ id: ids[key] }, { dueDate });
      }
    });

    async function listed(query: Record<string, string>): Promise<string[]> {
      const response = await t.http().get('/api/nominations').query({ pageSize: '100', ...query }).set('Authorization', await bearer(APPRAISER));
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(response.body.items.length);
      return response.body.items.map((item: { id: string }) => item.id);
    }

    /** Every nomination of the database the filter must find, from the rows themselves. */
    async function expected(predicate: (row: NominationEntity) => boolean): Promise<string[]> {
      const rows = await t.dataSource.getRepository(NominationEntity).find();
      return rows.filter((row) => !['draft', 'awarded', 'rejected', 'withdrawn', 'revoked'].includes(row.state) && row.dueDate !== null && predicate(row)).map((row) => row.id).sort();
    }

    it('?overdue=true: past the due date (Vietnam time) and not finished', async () => {
      const found = await listed({ overdue: 'true' });
      expect(found).toContain(ids.overdue);
      for (const key of ['today', 'inThreeDays', 'inTenDays', 'awardedLongAgo']) expect(found).not.toContain(ids[key]);
      expect([...found].sort()).toEqual(await expected((row) => row.dueDate! < today));
    });

    it('?overdue=false: everything else', async () => {
      const found = await listed({ overdue: 'false' });
      expect(found).not.toContain(ids.overdue);
      for (const key of ['today', 'inThreeDays', 'inTenDays', 'awardedLongAgo']) expect(found).toContain(ids[key]);
    });

    it('?dueWithinDays=N: due from today to N days from now, not already overdue', async () => {
      const withinFive = await listed({ dueWithinDays: '5' });
      expect(withinFive).toEqual(expect.arrayContaining([ids.today, ids.inThreeDays]));
      for (const key of ['overdue', 'inTenDays', 'awardedLongAgo']) expect(withinFive).not.toContain(ids[key]);
      expect([...withinFive].sort()).toEqual(await expected((row) => row.dueDate! >= today && row.dueDate! <= addDays(today, 5)));

      expect(await listed({ dueWithinDays: '0' })).toContain(ids.today);
      expect(await listed({ dueWithinDays: '0' })).not.toContain(ids.inThreeDays);
      expect(await listed({ dueWithinDays: '10' })).toEqual(expect.arrayContaining([ids.today, ids.inThreeDays, ids.inTenDays]));
    });

    it('combines with the other filters and refuses malformed values', async () => {
      expect(await listed({ overdue: 'true', state: 'commune.received' })).toContain(ids.overdue);
      expect(await listed({ overdue: 'true', state: 'commune.appraisal' })).not.toContain(ids.overdue);
      const bad = await t.http().get('/api/nominations').query({ overdue: 'yes', dueWithinDays: '-1' }).set('Authorization', await bearer(APPRAISER));
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(['dueWithinDays', 'overdue']);
    });
  });
});
