import type { TestApp } from '../support/test-app';
import { COMMUNE, COUNCIL, NEIGHBOURS, NOMINEES, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

/** Retries with an Idempotency-Key answer as the first attempt did; racing writers get exactly one winner. */
describe('idempotent retries and concurrent writers', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  describe('Idempotency-Key', () => {
    it('answers a retry with the same key and body exactly as the first time, applying the event once', async () => {
      const inCouncil = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong, 'commune.councilReview');
      const eventsBefore = (await d.history(COMMUNE.secretary, inCouncil.id)).length;
      const event = { type: 'COUNCIL_APPROVED', counts: COUNCIL.communeUnanimous, meetingDate: '2026-11-10', minutesNumber: '05/BB-HĐTĐKT' };
      const headers = { 'Idempotency-Key': 'hdtdkt-binhlu-2026-11-10-lo-thi-huong' };

      const first = await d.send(COMMUNE.secretary, inCouncil.id, event, headers);
      expectStatus(first, 200);
      const retry = await d.send(COMMUNE.secretary, inCouncil.id, event, headers);
      expectStatus(retry, 200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(first.body).toMatchObject({ state: 'commune.awaitingSignature', version: inCouncil.version + 1 });

      const history = await d.history(COMMUNE.secretary, inCouncil.id);
      expect(history).toHaveLength(eventsBefore + 1);
      expect(history.filter((entry) => entry.type === 'COUNCIL_APPROVED')).toHaveLength(1);
      expect((await d.view(COMMUNE.secretary, inCouncil.id)).version).toBe(first.body.version);
    });

    it('still answers the first result after the nomination moved on', async () => {
      const unit = UNITS.banBinhLu.submitter;
      const drafted = await d.draft(unit, 'giay-khen-chu-tich-xa', NOMINEES.hoOngTongVanPieng);
      const headers = { 'Idempotency-Key': 'ban-binhlu-gui-ho-so-ho-ong-pieng' };
      const first = await d.send(unit, drafted.id, { type: 'SUBMIT' }, headers);
      expectStatus(first, 200);
      await d.step(COMMUNE.appraiser, drafted.id, { type: 'ACCEPT' });
      const retry = await d.send(unit, drafted.id, { type: 'SUBMIT' }, headers);
      expectStatus(retry, 200);
      expect(retry.body).toEqual(first.body);
      expect((await d.view(unit, drafted.id)).state).toBe('commune.appraisal');
      expect((await d.history(unit, drafted.id)).filter((entry) => entry.type === 'SUBMIT')).toHaveLength(1);
    });

    it('refuses the same key with a different body (422) and changes nothing', async () => {
      const inAppraisal = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'giay-khen-chu-tich-xa', NOMINEES.htxNongNghiep, 'commune.appraisal');
      const headers = { 'Idempotency-Key': 'vhxh-binhlu-tham-dinh-htx-2026' };
      await d.step(COMMUNE.appraiser, inAppraisal.id, { type: 'APPRAISAL_PASSED', note: 'Đạt' }, headers);
      const refusal = await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'APPRAISAL_PASSED', note: 'Đạt yêu cầu' }, 422, headers);
      expect(refusal.details).toMatchObject({ rule: 'idempotency-key-reuse' });
      const otherEvent = await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'APPRAISAL_REJECTED', reason: 'Không đạt' }, 422, headers);
      expect(otherEvent.details.rule).toBe('idempotency-key-reuse');
    });

    it('keeps keys per user: another user’s identical key is a new request', async () => {
      const first = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', NOMINEES.sungAPao, 'draft');
      const second = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'lao-dong-tien-tien', NOMINEES.luongThiNga, 'draft');
      const headers = { 'Idempotency-Key': 'gui-ho-so-lao-dong-tien-tien-2026' };
      expect((await d.step(UNITS.trungTamDichVu.submitter, first.id, { type: 'SUBMIT' }, headers)).state).toBe('commune.received');
      expect((await d.step(UNITS.truongTieuHoc.submitter, second.id, { type: 'SUBMIT' }, headers)).state).toBe('commune.received');
    });

    it('answers concurrent retries of one request with one answer and one event', async () => {
      const received = await d.nominationAt(UNITS.congTyChe.submitter, 'giay-khen-chu-tich-xa', NOMINEES.congTyChe, 'commune.received');
      const headers = { 'Idempotency-Key': 'vhxh-binhlu-tiep-nhan-cong-ty-che' };
      const answers = await Promise.all(Array.from({ length: 5 }, () => d.send(COMMUNE.appraiser, received.id, { type: 'ACCEPT' }, headers)));
      for (const answer of answers) expectStatus(answer, 200);
      for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
      expect((await d.history(COMMUNE.appraiser, received.id)).filter((entry) => entry.type === 'ACCEPT')).toHaveLength(1);
    });

    it('refuses an empty or overlong key (400)', async () => {
      const received = await d.nominationAt(UNITS.banBinhLu.submitter, 'thon-van-hoa', NOMINEES.banBinhLu, 'commune.received');
      await d.refuse(COMMUNE.appraiser, received.id, { type: 'ACCEPT' }, 400, { 'Idempotency-Key': 'k'.repeat(201) });
    });
  });

  describe('concurrent writers', () => {
    it('lets exactly one of ten identical requests with the same If-Match through; the rest get 409', async () => {
      const received = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', NOMINEES.luongThiNga, 'commune.received');
      const eventsBefore = (await d.history(COMMUNE.appraiser, received.id)).length;
      const ifMatch = { 'If-Match': `"${received.version}"` };
      const answers = await Promise.all(Array.from({ length: 10 }, () => d.send(COMMUNE.appraiser, received.id, { type: 'ACCEPT' }, ifMatch)));
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      for (const refused of answers.filter((answer) => answer.status === 409)) {
        expect(expectErrorShape(refused, 409).code).toBe('VERSION_STALE');
      }
      const after = await d.view(COMMUNE.appraiser, received.id);
      expect(after).toMatchObject({ state: 'commune.appraisal', version: received.version + 1 });
      const history = await d.history(COMMUNE.appraiser, received.id);
      expect(history).toHaveLength(eventsBefore + 1);
      expect(history.map((entry) => entry.seq)).toEqual(history.map((_, index) => index));
    });

    it('lets exactly one of ten different racing steps through without If-Match', async () => {
      const inAppraisal = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'chien-si-thi-dua-co-so', NOMINEES.tongThiXuan, 'commune.appraisal');
      const eventsBefore = (await d.history(COMMUNE.appraiser, inAppraisal.id)).length;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          index % 2 === 0
            ? d.send(COMMUNE.appraiser, inAppraisal.id, { type: 'APPRAISAL_PASSED', note: `Ý kiến thẩm định số ${index}` })
            : d.send(COMMUNE.appraiser, inAppraisal.id, { type: 'APPRAISAL_REJECTED', reason: `Chưa đạt tiêu chuẩn (${index})` }),
        ),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 409)).toHaveLength(9);
      const history = await d.history(COMMUNE.appraiser, inAppraisal.id);
      expect(history).toHaveLength(eventsBefore + 1);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect((await d.view(COMMUNE.appraiser, inAppraisal.id)).state).toBe(winner.body.state);
    });

    it('races two signers for the same decision number: one signs, the other is refused', async () => {
      const first = await d.nominationAt(UNITS.banBinhLu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.deoVanPieng, 'commune.awaitingSignature');
      const second = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.sungAPao, 'commune.awaitingSignature');
      const answers = await Promise.all(
        [first, second].map((nomination) => d.send(COMMUNE.signer, nomination.id, { type: 'SIGN', number: '777/QĐ-UBND', date: '2026-12-01' })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
      const refused = answers.find((answer) => answer.status !== 200)!;
      expect(expectErrorShape(refused, 422).details.rule).toBe('document-number-unique');
      const states = await Promise.all([first, second].map(async (nomination) => (await d.view(COMMUNE.signer, nomination.id)).state));
      expect(states.sort()).toEqual(['awarded', 'commune.awaitingSignature']);
    });

    it('advances many different nominations at once, all accepted', async () => {
      const units = [UNITS.truongTieuHoc, UNITS.banBinhLu, UNITS.htxNongNghiep, UNITS.congTyChe, UNITS.trungTamDichVu];
      // Ten different people: a nominee has one open nomination per form.
      const drafts = await Promise.all(
        [...units, ...units].map((unit, index) => d.draft(unit.submitter, 'giay-khen-chu-tich-xa', NEIGHBOURS[index])),
      );
      expect(new Set(drafts.map((draft) => draft.id)).size).toBe(10);
      const submitted = await Promise.all(drafts.map((draft) => d.send(d.ownerOf(draft.id)!, draft.id, { type: 'SUBMIT' }, { 'If-Match': String(draft.version) })));
      for (const answer of submitted) expectStatus(answer, 200);
      const accepted = await Promise.all(drafts.map((draft) => d.send(COMMUNE.appraiser, draft.id, { type: 'ACCEPT' }, { 'If-Match': String(draft.version + 1) })));
      for (const answer of accepted) expectStatus(answer, 200);
      for (const draft of drafts) {
        const history = await d.history(COMMUNE.appraiser, draft.id);
        expect(history.map((entry) => entry.type)).toEqual(['CREATED', 'DOCUMENT_UPLOADED', 'DOCUMENT_UPLOADED', 'SUBMIT', 'ACCEPT']);
      }
      const listed = await d.list(COMMUNE.appraiser, { state: 'commune.appraisal', formCode: 'giay-khen-chu-tich-xa', pageSize: 100 });
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining(drafts.map((draft) => draft.id)));
    });
  });
});
