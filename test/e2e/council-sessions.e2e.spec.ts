import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import type { TestApp } from '../support/test-app';
import { ADMIN, AGENCY, COMMUNE, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { councilSessions, tableRows, textOf, type Choice, type CouncilMember } from './support/council-sessions';
import { startE2eApp } from './support/e2e-app';
import { badFields, expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

/** A teacher of Trường Tiểu học Bình Lư, proposed by her school. */
const teacher = (fullName: string) => ({
  kind: 'individual',
  fullName,
  position: 'Giáo viên',
  unitName: UNITS.truongTieuHoc.name,
  category: 'civil-servant',
});

/** A public employee of Trung tâm Dịch vụ tổng hợp xã Bình Lư, proposed by the centre. */
const employee = (fullName: string) => ({
  kind: 'individual',
  fullName,
  position: 'Viên chức',
  unitName: UNITS.trungTamDichVu.name,
  category: 'civil-servant',
});

/** The council's terms start on 1 January 2026; a tenth member joins from 25 November. */
const TERM_START = '2026-01-01';
const TENTH_MEMBER_FROM = '2026-11-25';

/**
 * Council sessions of UBND xã Bình Lư through HTTP on the real database: thresholds at their boundaries, quorum,
 * ballots (once, secret, recusal, concurrent), results applied to every nomination or to none, and the minutes.
 */
describe('council sessions', () => {
  let t: TestApp;
  let d: NominationDriver;
  let c: ReturnType<typeof councilSessions>;
  let councilId: string;
  let members: CouncilMember[];

  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
    c = councilSessions(t);
    ({ councilId, members } = await c.communeCouncil(9, TERM_START));
  });
  afterAll(() => t.close());

  const everyone = (status = 'present') => members.map((member) => ({ userId: member.userId, status }));
  const usernames = () => members.map((member) => member.username);
  /** A nomination of the commune waiting for its council. */
  const waiting = (submitter: string, formCode: string, nominee: Record<string, unknown>) => d.nominationAt(submitter, formCode, nominee, 'commune.councilReview');

  /** Version, state and event count as stored: readable even when the snapshot cannot be restored. */
  async function stored(id: string) {
    const row = await t.dataSource.getRepository(NominationEntity).findOneByOrFail({ id });
    const events = await t.dataSource.getRepository(NominationEventEntity).countBy({ nominationId: id });
    return { version: row.version, state: row.state, events };
  }

  async function scheduled(meetingDate: string, nominationIds: string[]) {
    const response = await c.schedule(councilId, meetingDate, nominationIds);
    expectStatus(response, 201);
    return response.body as Record<string, any>;
  }

  async function opened(sessionId: string, attendance: Array<{ userId: string; status: string }>) {
    const response = await c.open(sessionId, attendance);
    expectStatus(response, 200);
    return response.body as Record<string, any>;
  }

  async function closed(sessionId: string, body: Record<string, unknown> = {}) {
    const response = await c.close(sessionId, body);
    expectStatus(response, 200);
    return response.body as Record<string, any>;
  }

  describe('a ballot of 80% of all members, 9 members all present (Chiến sĩ thi đua cơ sở)', () => {
    let session: Record<string, any>;
    let huong: { id: string };
    let nga: { id: string };

    it('approves 8 yes of 9 (88,89%) and rejects 7 yes of 9 (77,78%), sending each result with its counts', async () => {
      huong = await waiting(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', teacher('Lò Thị Hương'));
      nga = await waiting(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', teacher('Lường Thị Nga'));
      session = await scheduled('2026-11-24', [huong.id, nga.id]);
      expect(session).toMatchObject({ status: 'scheduled', place: 'Bình Lư', members: [], items: [{ seq: 1, title: 'Lò Thị Hương' }, { seq: 2, title: 'Lường Thị Nga' }] });
      const open = await opened(session.id, everyone());
      expect(open).toMatchObject({ status: 'open', quorum: { minPresentPercent: 80, members: 9, present: 9, met: true } });
      const [first, second] = open.items.map((item: { id: string }) => item.id);
      const names = usernames();
      await c.castAll(session.id, first, names.map((name, i): [string, Choice] => [name, i < 8 ? 'yes' : 'no']));
      await c.castAll(session.id, second, names.map((name, i): [string, Choice] => [name, i < 7 ? 'yes' : 'no']));

      const result = await closed(session.id);
      expect(result.status).toBe('closed');
      expect(result.minutesNumber).toBe('01/BB-HĐTĐKT');
      expect(result.items[0]).toMatchObject({ outcome: 'approved', result: { members: 9, present: 9, yes: 8, no: 1, abstain: 0, recused: 0, yesShareOfAllMembers: '88,89%' } });
      expect(result.items[1]).toMatchObject({ outcome: 'rejected', result: { members: 9, present: 9, yes: 7, no: 2, abstain: 0, yesShareOfAllMembers: '77,78%' } });

      const approved = await d.view(COMMUNE.secretary, huong.id);
      expect(approved.state).toBe('commune.awaitingSignature');
      // The minutes become the council-minutes document of the nomination going on to the signer.
      expect(result.minutesDocuments).toEqual([{ nominationId: huong.id, documentId: expect.any(String), version: 1, error: null }]);
      const documents = await t.http().get(`/api/nominations/${huong.id}/documents`).set('Authorization', await c.as(COMMUNE.signer));
      expectStatus(documents, 200);
      expect(documents.body.items).toContainEqual(
        expect.objectContaining({ code: 'council-minutes', level: 'commune', current: expect.objectContaining({ fileType: 'docx', id: result.minutesDocuments[0].documentId }) }),
      );
      expect(approved.councilResults).toEqual([
        expect.objectContaining({ level: 'commune', approved: true, counts: { members: 9, present: 9, yes: 8, no: 1, abstain: 0, recused: 0 }, meetingDate: '2026-11-24', minutesNumber: '01/BB-HĐTĐKT' }),
      ]);
      const rejected = await d.view(COMMUNE.secretary, nga.id);
      expect(rejected.state).toBe('rejected');
      expect(rejected.rejection).toMatchObject({ level: 'commune', step: 'council' });
      const history = await d.history(COMMUNE.secretary, nga.id);
      expect(history[history.length - 1]).toMatchObject({
        type: 'COUNCIL_REJECTED',
        actor: { username: COMMUNE.secretary },
        fromState: 'commune.councilReview',
        toState: 'rejected',
        payload: { counts: { members: 9, present: 9, yes: 7, no: 2, abstain: 0, recused: 0 }, councilSessionId: session.id, quorum: { minPresentPercent: 80 } },
      });
    });

    it('publishes the minutes as JSON: members present, agenda, and per item the votes and the share of all members', async () => {
      const response = await t.http().get(`/api/council-sessions/${session.id}/minutes`).set('Authorization', await c.as(COMMUNE.councilMember));
      expectStatus(response, 200);
      expect(response.body).toMatchObject({
        status: 'closed',
        nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        motto: 'Độc lập - Tự do - Hạnh phúc',
        number: '01/BB-HĐTĐKT',
        placeAndDate: 'Bình Lư, ngày 24 tháng 11 năm 2026',
        quorum: { minPresentPercent: 80, members: 9, present: 9, met: true },
        agenda: [{ seq: 1, title: 'Lò Thị Hương', formName: 'Chiến sĩ thi đua cơ sở' }, { seq: 2, title: 'Lường Thị Nga' }],
        results: [
          { seq: 1, counts: { yes: 8, no: 1, abstain: 0, members: 9 }, yesShareOfAllMembers: '88,89%', outcome: 'approved', outcomeLabel: 'Đạt' },
          { seq: 2, counts: { yes: 7, no: 2, abstain: 0, members: 9 }, yesShareOfAllMembers: '77,78%', outcome: 'rejected', outcomeLabel: 'Không đạt' },
        ],
        signatures: { left: { title: 'THƯ KÝ', fullName: 'Lò Thị Phương' }, right: { title: 'CHỦ TỊCH HỘI ĐỒNG', fullName: 'Trần Thanh Tuấn' } },
      });
      expect(response.body.members.present).toHaveLength(9);
      expect(response.body.members.present.map((member: { fullName: string }) => member.fullName)).toEqual(expect.arrayContaining(['Lường Văn Hùng', 'Hoàng Thị Thảo']));
    });

    it('writes the Biên bản họp Hội đồng as a DOCX in the layout of Nghị định 30/2020 with the right counts', async () => {
      const { xml, response } = await c.documentXml(session.id, 'meeting');
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(response.headers['content-disposition']).toMatch(/attachment; .*\.docx/);
      const text = textOf(xml);
      for (const line of [
        'UBND XÃ BÌNH LƯ',
        'HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 01/BB-HĐTĐKT',
        'Bình Lư, ngày 24 tháng 11 năm 2026',
        'BIÊN BẢN',
        'Họp Hội đồng Thi đua – Khen thưởng xã Bình Lư',
        'THƯ KÝ',
        'CHỦ TỊCH HỘI ĐỒNG',
        'Trần Thanh Tuấn',
        'Lò Thị Phương',
      ]) {
        expect(text.split('\n')).toContain(line);
      }
      expect(text).toMatch(/Tổng số thành viên Hội đồng: 9; có mặt: 9;/);
      expect(text).toMatch(/\d+\. Hoàng Thị Thảo – Ủy viên/);
      expect(text).toMatch(/\d+\. Lường Văn Hùng – Phó Chủ tịch Hội đồng/);
      const rows = tableRows(xml);
      expect(rows).toContainEqual(['1', 'Lò Thị Hương', 'Chiến sĩ thi đua cơ sở', '8', '1', '0', '88,89%', 'Đạt']);
      expect(rows).toContainEqual(['2', 'Lường Thị Nga', 'Chiến sĩ thi đua cơ sở', '7', '2', '0', '77,78%', 'Không đạt']);
      // The quốc hiệu is on the right of the first header row, the issuing body on its left.
      expect(rows[0][0]).toMatch(/^UBND XÃ BÌNH LƯ\nHỘI ĐỒNG THI ĐUA – KHEN THƯỞNG/);
      expect(rows[0][1]).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc/);
      expect(rows[1]).toEqual(['Số: 01/BB-HĐTĐKT', 'Bình Lư, ngày 24 tháng 11 năm 2026']);
    });

    it('writes the Biên bản kiểm phiếu: ballots issued and returned, yes, no, abstain and the share of all members', async () => {
      const { xml } = await c.documentXml(session.id, 'tally-sheet', COMMUNE.councilMember);
      const text = textOf(xml);
      expect(text.split('\n')).toEqual(expect.arrayContaining(['BIÊN BẢN KIỂM PHIẾU', 'Số: 01/BBKP-HĐTĐKT', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']));
      const rows = tableRows(xml);
      expect(rows).toContainEqual(['1', 'Lò Thị Hương', '9', '9', '8', '1', '0', '88,89%', 'Đạt']);
      expect(rows).toContainEqual(['2', 'Lường Thị Nga', '9', '9', '7', '2', '0', '77,78%', 'Không đạt']);
    });

    it('keeps the membership the session opened with when the council changes later', async () => {
      const hung = members.find((member) => member.username === 'hd.luongvanhung')!;
      const vang = await c.createCouncilUser('hd.vanghaminh', 'Vàng Thị Hà');
      await c.addMember(councilId, vang, 'member', TENTH_MEMBER_FROM);
      members.push({ username: 'hd.vanghaminh', fullName: 'Vàng Thị Hà', userId: vang, position: 'member', termId: '' });
      const council = await t.http().get(`/api/councils/${councilId}`).set('Authorization', await c.as(COMMUNE.secretary));
      expectStatus(council, 200);
      expect(council.body.members.filter((member: { from: string; to: string | null }) => member.from <= '2026-11-26' && (member.to ?? '9999') >= '2026-11-26')).toHaveLength(10);
      expect(hung).toBeDefined();

      const again = await c.session(session.id);
      expect(again.members).toHaveLength(9);
      expect(again.members.map((member: { fullName: string }) => member.fullName)).not.toContain('Vàng Thị Hà');
      const minutes = await t.http().get(`/api/council-sessions/${session.id}/minutes`).set('Authorization', await c.as(COMMUNE.secretary));
      expect(minutes.body.members.total).toBe(9);
    });
  });

  describe('10 members, 3 absent, the 7 present all voting yes (the council’s own quorum of 70%)', () => {
    it('fails a ballot of 80% of all members (7/10 = 70%) and passes a majority of those present', async () => {
      const quorum = await t.http().patch(`/api/councils/${councilId}`).set('Authorization', await c.as(COMMUNE.secretary)).send({ quorumMinPresentPercent: 70 });
      expectStatus(quorum, 200);
      expect(quorum.body.quorum).toEqual({ minPresentPercent: 70, source: 'council', ruleSetMinPresentPercent: 80 });

      const ballot = await waiting(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', teacher('Hoàng Thị Mai'));
      const majority = await waiting(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', employee('Sùng A Páo'));
      const session = await scheduled('2026-11-26', [ballot.id, majority.id]);
      const attendance = members.map((member, i) => ({ userId: member.userId, status: i < 7 ? 'present' : 'absent' }));
      const open = await opened(session.id, attendance);
      expect(open.quorum).toEqual({ minPresentPercent: 70, members: 10, present: 7, met: true });
      const present = members.slice(0, 7).map((member) => member.username);
      for (const item of open.items) await c.castAll(session.id, item.id, present.map((name): [string, Choice] => [name, 'yes']));

      // An absent member without a written vote has no ballot: refused, nothing counted.
      const absent = await c.vote(session.id, open.items[1].id, members[8].username, 'no');
      expect(expectErrorShape(absent, 422).details).toMatchObject({ rule: 'ballot-attendance' });
      expect((await c.session(session.id)).items[1].ballotsCast).toBe(7);

      const result = await closed(session.id);
      expect(result.items[0]).toMatchObject({ outcome: 'rejected', result: { members: 10, present: 7, yes: 7, yesShareOfAllMembers: '70%' } });
      expect(result.items[1]).toMatchObject({ outcome: 'approved', result: { members: 10, present: 7, yes: 7, no: 0 } });
      expect((await d.view(COMMUNE.secretary, ballot.id)).state).toBe('rejected');
      const approved = await d.view(COMMUNE.secretary, majority.id);
      expect(approved.state).toBe('commune.awaitingSignature');
      const history = await d.history(COMMUNE.secretary, majority.id);
      expect(history.find((entry) => entry.type === 'COUNCIL_APPROVED')!.payload).toMatchObject({ quorum: { minPresentPercent: 70 }, counts: { members: 10, present: 7, yes: 7 } });
    });

    it('counts the written vote of an absent member toward a ballot of all members, not toward a majority of those present', async () => {
      const ballot = await waiting(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', teacher('Lò Thị Dung'));
      const majority = await waiting(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', employee('Lường Văn Toản'));
      const session = await scheduled('2026-11-26', [ballot.id, majority.id]);
      const attendance = members.map((member, i) => ({ userId: member.userId, status: i < 7 ? 'present' : 'absent-written' }));
      const open = await opened(session.id, attendance);
      const [ballotItem, majorityItem] = open.items;
      expect(ballotItem.eligibleVoters).toBe(10);
      expect(majorityItem.eligibleVoters).toBe(7);
      await c.castAll(session.id, ballotItem.id, members.map((member): [string, Choice] => [member.username, 'yes']));
      const written = await c.vote(session.id, majorityItem.id, members[9].username, 'yes');
      expect(expectErrorShape(written, 422).details).toMatchObject({ rule: 'ballot-attendance', attendance: 'absent-written' });
      const result = await closed(session.id);
      expect(result.items[0]).toMatchObject({ outcome: 'approved', result: { members: 10, present: 7, yes: 10, yesShareOfAllMembers: '100%' } });
      expect(result.items[1]).toMatchObject({ outcome: 'rejected', result: { present: 7, yes: 0, no: 0, abstain: 0 } });
      const minutes = await t.http().get(`/api/council-sessions/${session.id}/minutes`).set('Authorization', await c.as(COMMUNE.secretary));
      expect(minutes.body.members.absentWithWrittenVote).toHaveLength(3);

      const reset = await t.http().patch(`/api/councils/${councilId}`).set('Authorization', await c.as(COMMUNE.secretary)).send({ quorumMinPresentPercent: null });
      expectStatus(reset, 200);
      expect(reset.body.quorum).toMatchObject({ minPresentPercent: 80, source: 'rule-set' });
    });
  });

  describe('quorum (80% of all members attend)', () => {
    it('refuses to open with 7 of 10 present, and changes nothing', async () => {
      const nomination = await waiting(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', employee('Quàng Văn Thiết'));
      const session = await scheduled('2026-11-27', [nomination.id]);
      const before = await stored(nomination.id);
      const refused = await c.open(session.id, members.map((member, i) => ({ userId: member.userId, status: i < 7 ? 'present' : 'absent' })));
      expect(expectErrorShape(refused, 422).details).toEqual({ rule: 'council-quorum', present: 7, members: 10, minPresentPercent: 80 });
      expect(await c.session(session.id)).toMatchObject({ status: 'scheduled', members: [], quorum: null });
      expect(await stored(nomination.id)).toEqual(before);
    });

    it('closes without results when attendance falls below the quorum: the nominations wait in councilReview for another session', async () => {
      const nomination = await waiting(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', employee('Lò Văn Pọm'));
      const before = await stored(nomination.id);
      const session = await scheduled('2026-11-27', [nomination.id]);
      const open = await opened(session.id, members.map((member, i) => ({ userId: member.userId, status: i < 8 ? 'present' : 'absent' })));
      expect(open.quorum).toMatchObject({ present: 8, members: 10, met: true });
      await c.castAll(session.id, open.items[0].id, [[members[0].username, 'yes']]);

      // A member who has voted keeps the attendance the ballot was cast under.
      const voterLeaves = await t
        .http()
        .put(`/api/council-sessions/${session.id}/attendance`)
        .set('Authorization', await c.as(COMMUNE.secretary))
        .send({ attendance: [{ userId: members[0].userId, status: 'absent' }] });
      expect(expectErrorShape(voterLeaves, 422).details).toMatchObject({ rule: 'council-attendance-after-ballot' });
      const twoLeave = await t
        .http()
        .put(`/api/council-sessions/${session.id}/attendance`)
        .set('Authorization', await c.as(COMMUNE.secretary))
        .send({ attendance: [members[6], members[7]].map((member) => ({ userId: member.userId, status: 'absent' })) });
      expectStatus(twoLeave, 200);
      expect(twoLeave.body.quorum).toMatchObject({ present: 6, met: false });

      const result = await closed(session.id);
      expect(result).toMatchObject({ status: 'inquorate', items: [{ outcome: null, result: null }] });
      expect(await stored(nomination.id)).toEqual(before);
      expect((await d.view(COMMUNE.secretary, nomination.id)).state).toBe('commune.councilReview');

      const minutes = await t.http().get(`/api/council-sessions/${session.id}/minutes`).set('Authorization', await c.as(COMMUNE.secretary));
      expectStatus(minutes, 200);
      expect(minutes.body).toMatchObject({ status: 'inquorate', results: [], quorum: { present: 6, members: 10, met: false } });
      expectErrorShape(await t.http().get(`/api/council-sessions/${session.id}/minutes/tally-sheet.docx`).set('Authorization', await c.as(COMMUNE.secretary)), 409);
      expectErrorShape(await c.vote(session.id, open.items[0].id, members[1].username, 'yes'), 409);

      // Free again: it goes on the agenda of the next session.
      const next = await scheduled('2026-11-30', [nomination.id]);
      expect(next.items).toHaveLength(1);
      expectStatus(await t.http().post(`/api/council-sessions/${next.id}/cancel`).set('Authorization', await c.as(COMMUNE.secretary)), 200);
    });
  });

  describe('ballots', () => {
    it('refuses a second ballot from the same member (409) and keeps the first', async () => {
      const nomination = await waiting(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', teacher('Điêu Thị Hoa'));
      const session = await scheduled('2026-11-27', [nomination.id]);
      const open = await opened(session.id, everyone());
      const item = open.items[0].id;
      expectStatus(await c.vote(session.id, item, members[3].username, 'yes'), 201);
      const again = await c.vote(session.id, item, members[3].username, 'no');
      expect(expectErrorShape(again, 409).code).toBe('BALLOT_ALREADY_CAST');
      const view = await c.session(session.id, members[3].username);
      expect(view.items[0]).toMatchObject({ ballotsCast: 1, youHaveVoted: true, result: null, outcome: null });

      const badChoice = await c.vote(session.id, item, members[4].username, 'maybe' as Choice);
      expect(badFields(expectErrorShape(badChoice, 400))).toEqual(['choice']);
      await c.castAll(session.id, item, members.slice(4).map((member): [string, Choice] => [member.username, 'yes']));
      const result = await closed(session.id);
      expect(result.items[0].result).toMatchObject({ yes: 7, no: 0, abstain: 0 });
    });

    it('records the recusal of a member who is the nominee, refuses their ballot and does not count them as present for a majority', async () => {
      // Lò Văn Minh sits on the council and is himself proposed by Trung tâm Dịch vụ tổng hợp.
      const minh = members.find((member) => member.fullName === 'Lò Văn Minh')!;
      const nomination = await waiting(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', employee('Lò Văn Minh'));
      const session = await scheduled('2026-11-27', [nomination.id]);
      const attendance = members.map((member, i) => ({ userId: member.userId, status: i < 8 || member === minh ? 'present' : 'absent' }));
      expect(attendance.filter((entry) => entry.status === 'present')).toHaveLength(8);
      const open = await opened(session.id, attendance);
      const item = open.items[0];
      expect(item.recusals).toEqual([{ userId: minh.userId, fullName: 'Lò Văn Minh', reason: 'nominee', reasonLabel: 'là người được đề nghị khen thưởng' }]);
      expect(item.eligibleVoters).toBe(7);

      const own = await c.vote(session.id, item.id, minh.username, 'yes');
      expect(expectErrorShape(own, 422).details).toEqual({ rule: 'council-recusal' });
      expect((await c.session(session.id, minh.username)).items[0]).toMatchObject({ ballotsCast: 0, youAreRecused: true, youHaveVoted: false });

      const voters = attendance.filter((entry) => entry.status === 'present' && entry.userId !== minh.userId).map((entry) => members.find((m) => m.userId === entry.userId)!.username);
      await c.castAll(session.id, item.id, voters.map((name, i): [string, Choice] => [name, i < 4 ? 'yes' : 'no']));
      // 4 yes of the 7 present who vote is a majority; of all 8 present it would not be.
      const result = await closed(session.id);
      expect(result.items[0]).toMatchObject({ outcome: 'approved', result: { members: 10, present: 8, recused: 1, yes: 4, no: 3, abstain: 0, eligibleVoters: 7 } });
      expect((await d.view(COMMUNE.secretary, nomination.id)).state).toBe('commune.awaitingSignature');
      const { xml } = await c.documentXml(session.id, 'meeting');
      expect(textOf(xml)).toContain('Không tham gia biểu quyết đối với Lò Văn Minh: Lò Văn Minh (là người được đề nghị khen thưởng).');
    });

    it('counts every ballot of ten members voting at the same instant, each once', async () => {
      const nomination = await waiting(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', teacher('Tòng Thị Phượng'));
      const session = await scheduled('2026-11-27', [nomination.id]);
      const open = await opened(session.id, everyone());
      const item = open.items[0].id;
      const choices: Choice[] = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'no', 'yes', 'yes', 'abstain'];
      // Every member sends their ballot twice at once: twenty requests in flight.
      const requests = members.flatMap((member, i) => [c.vote(session.id, item, member.username, choices[i]), c.vote(session.id, item, member.username, choices[i])]);
      const answers = await Promise.all(requests);
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
      expect(answers.filter((answer) => answer.status === 409)).toHaveLength(10);
      for (const refused of answers.filter((answer) => answer.status === 409)) expect(refused.body.code).toBe('BALLOT_ALREADY_CAST');
      expect((await c.session(session.id)).items[0].ballotsCast).toBe(10);
      const result = await closed(session.id);
      expect(result.items[0].result).toMatchObject({ members: 10, present: 10, yes: 6, no: 2, abstain: 2 });
    });

    it('loses no ballot when the secretary closes while members are voting: every accepted ballot is counted, later ones get 409', async () => {
      const nomination = await waiting(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', teacher('Vì Thị Hiền'));
      const session = await scheduled('2026-11-27', [nomination.id]);
      const open = await opened(session.id, everyone());
      const item = open.items[0].id;
      await c.castAll(session.id, item, members.slice(0, 5).map((member): [string, Choice] => [member.username, 'yes']));
      const late: Choice[] = ['yes', 'no', 'yes', 'abstain', 'yes'];
      const [closing, ...ballots] = await Promise.all([
        c.close(session.id),
        ...members.slice(5).map((member, i) => c.vote(session.id, item, member.username, late[i])),
      ]);
      expectStatus(closing, 200);
      for (const ballot of ballots) expect([201, 409]).toContain(ballot.status);
      const accepted = (choice: Choice) => ballots.filter((ballot, i) => ballot.status === 201 && late[i] === choice).length;
      const counts = closing.body.items[0].result;
      expect(counts).toMatchObject({ yes: 5 + accepted('yes'), no: accepted('no'), abstain: accepted('abstain') });
      const after = await c.session(session.id);
      expect(after.items[0].ballotsCast).toBe(counts.yes + counts.no + counts.abstain);
      expectErrorShape(await c.vote(session.id, item, members[9].username, 'yes'), 409);
    });
  });

  describe('results reach every nomination of the session or none', () => {
    it('changes no nomination and keeps the session open when one of them cannot take its result, then applies all', async () => {
      const nominees = ['Lò Văn Chiến', 'Hà Thị Liên', 'Tẩn A Lử'];
      const nominations = [];
      for (const name of nominees) nominations.push(await waiting(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', employee(name)));
      const session = await scheduled('2026-11-28', nominations.map((nomination) => nomination.id));
      const open = await opened(session.id, everyone());
      for (const item of open.items) await c.castAll(session.id, item.id, members.map((member): [string, Choice] => [member.username, 'yes']));
      const before = await Promise.all(nominations.map((nomination) => stored(nomination.id)));

      // The last nomination's stored machine version no longer matches: its step will refuse, after the first two.
      const repository = t.dataSource.getRepository(NominationEntity);
      const last = await repository.findOneByOrFail({ id: nominations[2].id });
      await repository.update({ id: last.id }, { machineVersion: '0.khong-con-dung' });
      const failed = await c.close(session.id);
      const body = expectErrorShape(failed, 409);
      expect(body.code).toBe('SNAPSHOT_INCOMPATIBLE');
      expect(body.message).toContain('Tẩn A Lử');
      expect(await Promise.all(nominations.map((nomination) => stored(nomination.id)))).toEqual(before);
      const stillOpen = await c.session(session.id);
      expect(stillOpen).toMatchObject({ status: 'open', minutesNumber: null });
      expect(stillOpen.items.map((item: { outcome: unknown; ballotsCast: number }) => [item.outcome, item.ballotsCast])).toEqual([[null, 10], [null, 10], [null, 10]]);

      await repository.update({ id: last.id }, { machineVersion: last.machineVersion });
      const result = await closed(session.id);
      expect(result.items.map((item: { outcome: string }) => item.outcome)).toEqual(['approved', 'approved', 'approved']);
      for (const [i, nomination] of nominations.entries()) {
        // The council's result, then the minutes filed as its council-minutes document.
        expect(await stored(nomination.id)).toEqual({ version: before[i].version + 2, state: 'commune.awaitingSignature', events: before[i].events + 2 });
        const history = await d.history(COMMUNE.secretary, nomination.id);
        expect(history.slice(-2).map((entry) => entry.type)).toEqual(['COUNCIL_APPROVED', 'DOCUMENT_UPLOADED']);
      }
    });
  });

  describe('the agenda', () => {
    it('holds a nomination on one active session only, and takes its result from the session alone', async () => {
      const nomination = await waiting(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', employee('Lò Thị Nhung'));
      const first = await scheduled('2026-11-30', [nomination.id]);
      const second = await c.schedule(councilId, '2026-12-01', [nomination.id]);
      expect(expectErrorShape(second, 409).code).toBe('NOMINATION_ON_AGENDA');
      const sessions = await t.http().get('/api/council-sessions').query({ councilId, status: 'scheduled' }).set('Authorization', await c.as(COMMUNE.secretary));
      expect(sessions.body.map((session: { id: string }) => session.id)).toContain(first.id);
      expect(sessions.body.filter((session: { meetingDate: string }) => session.meetingDate === '2026-12-01')).toEqual([]);

      const candidates = await t.http().get(`/api/councils/${councilId}/agenda-candidates`).set('Authorization', await c.as(COMMUNE.secretary));
      expectStatus(candidates, 200);
      expect(candidates.body.map((candidate: { nominationId: string }) => candidate.nominationId)).not.toContain(nomination.id);

      const byHand = await d.refuse(COMMUNE.secretary, nomination.id, { type: 'COUNCIL_APPROVED', counts: { members: 10, present: 10, yes: 10, no: 0, abstain: 0 } }, 422);
      expect(byHand.details).toMatchObject({ rule: 'council-session-pending', sessionId: first.id });

      const notWaiting = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', employee('Lò Văn Thành'), 'commune.appraisal');
      const early = await t.http().post(`/api/council-sessions/${first.id}/items`).set('Authorization', await c.as(COMMUNE.secretary)).send({ nominationIds: [notWaiting.id] });
      expect(expectErrorShape(early, 422).details).toMatchObject({ rule: 'council-agenda-state' });
      expect((await c.session(first.id)).items).toHaveLength(1);
      expectStatus(await t.http().post(`/api/council-sessions/${first.id}/cancel`).set('Authorization', await c.as(COMMUNE.secretary)), 200);
      expect((await d.step(COMMUNE.secretary, nomination.id, { type: 'COUNCIL_APPROVED', counts: { members: 10, present: 10, yes: 10, no: 0, abstain: 0 } })).state).toBe(
        'commune.awaitingSignature',
      );
    });
  });

  describe('who may do what', () => {
    let session: Record<string, any>;
    let item: string;

    beforeAll(async () => {
      const nomination = await waiting(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', teacher('Lò Thị Lả'));
      session = await scheduled('2026-12-02', [nomination.id]);
    });

    it('lets only the commune’s council secretary schedule, open and close (403), changing nothing', async () => {
      const other = await waiting(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', employee('Lò Văn Ón'));
      for (const user of [UNITS.truongTieuHoc.submitter, COMMUNE.councilMember, COMMUNE.appraiser, PROVINCE.secretary, AGENCY.secretary]) {
        expectErrorShape(await c.schedule(councilId, '2026-12-03', [other.id], user), 403);
        expectErrorShape(await c.open(session.id, everyone(), user), 403);
      }
      expectErrorShape(await c.schedule(councilId, '2026-12-03', [other.id], ADMIN), 403);
      expect(await c.session(session.id)).toMatchObject({ status: 'scheduled', members: [] });
      const open = await opened(session.id, everyone());
      item = open.items[0].id;
      expectErrorShape(await c.close(session.id, {}, COMMUNE.councilMember), 403);
      expect((await c.session(session.id)).status).toBe('open');
    });

    it('lets only the session’s members vote and only its organization read it (403)', async () => {
      const outsider = await c.vote(session.id, item, PROVINCE.secretary, 'yes');
      expect(expectErrorShape(outsider, 403).message).toMatch(/thành viên/);
      expectErrorShape(await c.vote(session.id, item, COMMUNE.appraiser, 'yes'), 403);
      expectErrorShape(await t.http().get(`/api/council-sessions/${session.id}`).set('Authorization', await c.as(AGENCY.secretary)), 403);
      expectErrorShape(await t.http().get(`/api/councils/${councilId}`).set('Authorization', await c.as(UNITS.vanPhongUbndTinh.submitter)), 403);
      const commune = await t.organizationId(COMMUNE.name);
      const foreign = await t.http().get('/api/councils').query({ organizationId: commune }).set('Authorization', await c.as(UNITS.vanPhongUbndTinh.submitter));
      expect(foreign.body).toEqual([]);
      const own = await t.http().get('/api/councils').query({ organizationId: commune }).set('Authorization', await c.as(COMMUNE.councilMember));
      expect(own.body.map((council: { id: string }) => council.id)).toEqual([councilId]);
      expectErrorShape(
        await t.http().post(`/api/councils/${councilId}/members`).set('Authorization', await c.as(COMMUNE.councilMember)).send({ userId: members[0].userId, position: 'member', from: '2027-01-01' }),
        403,
      );
      expect((await c.session(session.id)).items[0].ballotsCast).toBe(0);
    });

    it('validates input field by field in Vietnamese (400) and refuses a member without the council-member role (422)', async () => {
      const bad = await t.http().post('/api/council-sessions').set('Authorization', await c.as(COMMUNE.secretary)).send({ councilId, meetingDate: '26/11/2026', nominationIds: ['x'] });
      expect(badFields(expectErrorShape(bad, 400)).sort()).toEqual(['meetingDate', 'nominationIds']);
      const appraiser = await c.userIdOf(COMMUNE.appraiser);
      const refused = await t
        .http()
        .post(`/api/councils/${councilId}/members`)
        .set('Authorization', await c.as(COMMUNE.secretary))
        .send({ userId: appraiser, position: 'member', from: '2026-01-01' });
      expect(expectErrorShape(refused, 422).details).toMatchObject({ rule: 'council-member-role' });
      const binh = await c.createCouncilUser('hd.quangvanbinh', 'Quàng Văn Bình');
      const secondChair = await t
        .http()
        .post(`/api/councils/${councilId}/members`)
        .set('Authorization', await c.as(COMMUNE.secretary))
        .send({ userId: binh, position: 'chair', from: '2027-01-01' });
      expect(expectErrorShape(secondChair, 422).details).toMatchObject({ rule: 'council-single-position', position: 'chair' });
      const twice = await t
        .http()
        .post(`/api/councils/${councilId}/members`)
        .set('Authorization', await c.as(COMMUNE.secretary))
        .send({ userId: members[9].userId, position: 'member', from: '2027-01-01' });
      expect(expectErrorShape(twice, 422).details).toMatchObject({ rule: 'council-term-overlap' });
      const council = await t.http().get(`/api/councils/${councilId}`).set('Authorization', await c.as(COMMUNE.secretary));
      expect(council.body.members).toHaveLength(10);
    });
  });

  describe('the secret ballot, read from the database', () => {
    it('stores who has voted and per-item counters, in tables nothing links: no ballot row, no member beside a choice, no time', async () => {
      const nomination = await waiting(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', teacher('Lò Thị Mai Anh'));
      const session = await scheduled('2026-12-04', [nomination.id]);
      const open = await opened(session.id, everyone());
      const item = open.items[0].id;
      const choices: Choice[] = ['no', 'yes', 'yes', 'abstain', 'yes', 'no', 'yes', 'yes', 'yes', 'yes'];
      await c.castAll(session.id, item, members.map((member, i): [string, Choice] => [member.username, choices[i]]));

      // Before the close nobody sees a count, only how many have voted.
      for (const viewer of [COMMUNE.secretary, members[0].username]) {
        const view = await c.session(session.id, viewer);
        expect(view.items[0]).toMatchObject({ ballotsCast: 10, result: null, outcome: null });
        expect(JSON.stringify(view)).not.toMatch(/"(yes|no|abstain|yesCount|noCount|abstainCount)"/);
      }
      expectErrorShape(await t.http().get(`/api/council-sessions/${session.id}/minutes`).set('Authorization', await c.as(COMMUNE.secretary)), 409);

      const runner = t.dataSource.createQueryRunner();
      try {
        const tables = await runner.getTables();
        const columns = new Map(tables.map((table) => [table.name.replace(/^.*\./, ''), table.columns.map((column) => column.name)]));
        expect(columns.get('council_votes_cast')!.sort()).toEqual(['item_id', 'session_id', 'user_id']);
        expect(columns.get('council_ballot_tallies')!.sort()).toEqual(['abstain_count', 'item_id', 'no_count', 'session_id', 'yes_count']);
        // No table anywhere keeps a person next to a choice, and the council's tables keep no ballot-level time.
        for (const [table, names] of columns) {
          const person = names.some((name) => /user_id$|_by$|^actor/.test(name));
          const choice = names.some((name) => /choice|ballot|^yes|abstain|^no_count|^vote$/.test(name));
          if (person) expect({ table, choice }).toEqual({ table, choice: false });
        }
        for (const table of ['council_votes_cast', 'council_ballot_tallies']) {
          expect(columns.get(table)!.filter((name) => /_at$|date|time|seq|^id$/.test(name))).toEqual([]);
        }
      } finally {
        await runner.release();
      }
      const cast = await t.dataSource.createQueryBuilder().select('v.user_id', 'userId').from('council_votes_cast', 'v').where('v.item_id = :item', { item }).getRawMany();
      expect(cast.map((row) => row.userId).sort()).toEqual(members.map((member) => member.userId).sort());
      const tallies = await t.dataSource.createQueryBuilder().select('*').from('council_ballot_tallies', 'b').where('b.item_id = :item', { item }).getRawMany();
      expect(tallies).toHaveLength(1);
      expect(tallies.map((row) => [Number(row.yes_count), Number(row.no_count), Number(row.abstain_count)])).toEqual([[7, 2, 1]]);

      const result = await closed(session.id);
      expect(result.items[0].result).toMatchObject({ yes: 7, no: 2, abstain: 1 });
      // What the nomination's log keeps of the vote: the counts, the session and the secretary who closed it.
      const history = await d.history(COMMUNE.secretary, nomination.id);
      const logged = history.find((entry) => entry.type === 'COUNCIL_APPROVED')!;
      expect(Object.keys(logged.payload).sort()).toEqual(['actor', 'at', 'councilSessionId', 'counts', 'deadline', 'meetingDate', 'minutesNumber', 'quorum', 'type']);
      const everything = JSON.stringify(history);
      for (const member of members.filter((member) => member.username !== COMMUNE.secretary)) expect(everything).not.toContain(member.userId);
    });
  });
});
