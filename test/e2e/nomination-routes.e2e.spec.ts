import { checklistOf, pdfFor, uploadDocument } from '../support/dossier-uploads';
import type { TestApp } from '../support/test-app';
import { COMMUNE, COUNCIL, NOMINEES, PROVINCE, UNITS, expectDueInWorkingDays, vietnamToday } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

/** Whole routes over HTTP: a commune Giấy khen, a provincial Bằng khen, and a Bằng khen of the Prime Minister. */
describe('nomination routes from a Bình Lư unit to the award', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  describe('Giấy khen của Chủ tịch UBND xã, decided at the commune', () => {
    it('goes from draft to awarded, each step by the role that holds it, with labels, actions and an ETag', async () => {
      const unit = UNITS.truongTieuHoc.submitter;
      const created = await t
        .http()
        .post('/api/nominations')
        .set('Authorization', await d.bearer(unit))
        .send({
          formCode: 'giay-khen-chu-tich-xa',
          criterion: 'thanh-tich-phong-trao',
          nominee: NOMINEES.loThiHuong,
          achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học 2025–2026.',
        });
      expectStatus(created, 201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.headers.location).toBe(`/api/nominations/${created.body.id}`);
      expect(created.body).toMatchObject({
        formCode: 'giay-khen-chu-tich-xa',
        formName: 'Giấy khen của Chủ tịch UBND xã',
        state: 'draft',
        level: null,
        statusLabel: 'Đang soạn hồ sơ',
        allowedEvents: ['SUBMIT', 'WITHDRAW'],
        version: 1,
        organizationId: await t.organizationId(UNITS.truongTieuHoc.name),
        organizationName: UNITS.truongTieuHoc.name,
        nominee: NOMINEES.loThiHuong,
        route: [{ level: 'commune', organizationId: await t.organizationId(COMMUNE.name), organizationName: COMMUNE.name }],
        deadlines: { current: null },
      });
      const id: string = created.body.id;

      // The dossier the form asks for; the unit puts in its Tờ trình and báo cáo thành tích, each upload a logged step.
      const checklist = await checklistOf(t, await d.bearer(unit), id);
      expect(checklist.items.map(({ code, level, checkedAt, state }) => ({ code, level, checkedAt, state }))).toEqual([
        { code: 'submission', level: 'commune', checkedAt: 'entry', state: 'missing' },
        { code: 'achievement-report', level: 'commune', checkedAt: 'entry', state: 'missing' },
        { code: 'council-minutes', level: 'commune', checkedAt: 'council', state: 'missing' },
      ]);
      for (const item of checklist.items.slice(0, 2)) {
        expectStatus(await uploadDocument(t, await d.bearer(unit), id, item.code, pdfFor(item.name, id)), 201);
      }

      const submitted = await d.step(unit, id, { type: 'SUBMIT' }, { 'If-Match': '"3"' });
      expect(submitted).toMatchObject({ state: 'commune.received', level: 'commune', statusLabel: 'Chờ tiếp nhận hồ sơ (cấp xã)', version: 4 });
      expect(submitted.allowedEvents).toEqual(['WITHDRAW']);
      expect(submitted.holder).toMatchObject({ organizationName: COMMUNE.name, office: 'Phòng Văn hóa – Xã hội' });
      // The appraisal runs 10 working days from the receipt of the dossier.
      expect(submitted.deadlines.current).toMatchObject({ level: 'commune', step: 'appraisal', overdue: false });
      expectDueInWorkingDays(submitted.deadlines.current?.dueDate, vietnamToday(), 10);
      expect((await d.view(COMMUNE.appraiser, id)).allowedEvents).toEqual(['ACCEPT']);

      const accepted = await d.step(COMMUNE.appraiser, id, { type: 'ACCEPT' });
      expect(accepted).toMatchObject({ state: 'commune.appraisal', statusLabel: 'Đang thẩm định hồ sơ (cấp xã)', version: 5 });
      expect(accepted.allowedEvents).toEqual(['REQUEST_SUPPLEMENT', 'APPRAISAL_PASSED', 'APPRAISAL_REJECTED']);
      expect(accepted.deadlines.current).toMatchObject({ step: 'appraisal', dueDate: submitted.deadlines.current!.dueDate });

      const passed = await d.step(COMMUNE.appraiser, id, { type: 'APPRAISAL_PASSED', note: 'Hồ sơ đầy đủ' });
      expect(passed).toMatchObject({ state: 'commune.councilReview', statusLabel: 'Chờ Hội đồng Thi đua – Khen thưởng xét (cấp xã)' });
      expect(passed.allowedEvents).toEqual([]);
      expect((await d.view(COMMUNE.secretary, id)).allowedEvents).toEqual(['COUNCIL_APPROVED', 'COUNCIL_REJECTED']);
      expect((await d.view(unit, id)).allowedEvents).toEqual([]);

      const approved = await d.step(COMMUNE.secretary, id, {
        type: 'COUNCIL_APPROVED',
        counts: COUNCIL.communeMajority,
        meetingDate: '2026-11-10',
        minutesNumber: '05/BB-HĐTĐKT',
      });
      expect(approved).toMatchObject({ state: 'commune.awaitingSignature', statusLabel: 'Chờ người có thẩm quyền ký (cấp xã)' });
      expect(approved.councilResults).toEqual([
        expect.objectContaining({ level: 'commune', approved: true, counts: COUNCIL.communeMajority, meetingDate: '2026-11-10', minutesNumber: '05/BB-HĐTĐKT' }),
      ]);
      expect((await d.view(COMMUNE.signer, id)).allowedEvents).toEqual(['SIGN', 'DECLINED']);

      // The council's secretary files its minutes before the chair signs.
      expectStatus(await uploadDocument(t, await d.bearer(COMMUNE.secretary), id, 'council-minutes', pdfFor('Biên bản họp Hội đồng số 05/BB-HĐTĐKT', id)), 201);
      const signedResponse = await d.send(COMMUNE.signer, id, { type: 'SIGN', number: '215/QĐ-UBND', date: '2026-11-12' });
      expectStatus(signedResponse, 200);
      expect(signedResponse.headers.etag).toBe('"9"');
      const signed = signedResponse.body;
      expect(signed).toMatchObject({ state: 'awarded', level: null, statusLabel: 'Đã được khen thưởng', version: 9, deadlines: { current: null } });
      expect(signed.signatures).toEqual([
        { level: 'commune', act: 'decision', number: '215/QĐ-UBND', date: '2026-11-12', signedBy: expect.objectContaining({ username: COMMUNE.signer }) },
      ]);
      expect(signed.allowedEvents).toEqual(['REVOKE']);

      const asUnit = await d.get(unit, id);
      expectStatus(asUnit, 200);
      expect(asUnit.headers.etag).toBe('"9"');
      expect(asUnit.body.allowedEvents).toEqual([]);
      expect(asUnit.body.submittedAt).toEqual(expect.any(String));

      const history = await d.history(unit, id);
      expect(history.map(({ seq, type, fromState, toState }) => ({ seq, type, fromState, toState }))).toEqual([
        { seq: 0, type: 'CREATED', fromState: null, toState: 'draft' },
        { seq: 1, type: 'DOCUMENT_UPLOADED', fromState: 'draft', toState: 'draft' },
        { seq: 2, type: 'DOCUMENT_UPLOADED', fromState: 'draft', toState: 'draft' },
        { seq: 3, type: 'SUBMIT', fromState: 'draft', toState: 'commune.received' },
        { seq: 4, type: 'ACCEPT', fromState: 'commune.received', toState: 'commune.appraisal' },
        { seq: 5, type: 'APPRAISAL_PASSED', fromState: 'commune.appraisal', toState: 'commune.councilReview' },
        { seq: 6, type: 'COUNCIL_APPROVED', fromState: 'commune.councilReview', toState: 'commune.awaitingSignature' },
        { seq: 7, type: 'DOCUMENT_UPLOADED', fromState: 'commune.awaitingSignature', toState: 'commune.awaitingSignature' },
        { seq: 8, type: 'SIGN', fromState: 'commune.awaitingSignature', toState: 'awarded' },
      ]);
      expect(history.map((entry) => entry.actor.username)).toEqual([
        unit,
        unit,
        unit,
        unit,
        COMMUNE.appraiser,
        COMMUNE.appraiser,
        COMMUNE.secretary,
        COMMUNE.secretary,
        COMMUNE.signer,
      ]);
      expect(history[1].payload).toMatchObject({ code: 'submission', name: 'Tờ trình đề nghị khen thưởng', level: 'commune', version: 1 });
      expect(history[6].payload).toMatchObject({ counts: COUNCIL.communeMajority, minutesNumber: '05/BB-HĐTĐKT' });
      expect(history[7].payload).toMatchObject({ code: 'council-minutes', level: 'commune', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(history[8].payload).toMatchObject({ number: '215/QĐ-UBND', date: '2026-11-12' });
      for (const entry of history) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    });

    it('grants a Giấy khen to a household and to a collective too, dating an undated signature today', async () => {
      for (const [unit, nominee] of [
        [UNITS.banBinhLu.submitter, NOMINEES.hoOngTongVanPieng],
        [UNITS.htxNongNghiep.submitter, NOMINEES.htxNongNghiep],
      ] as const) {
        const awarded = await d.nominationAt(unit, 'giay-khen-chu-tich-xa', nominee, 'awarded');
        expect(awarded.nominee).toEqual(nominee);
        expect(awarded.signatures).toEqual([expect.objectContaining({ level: 'commune', act: 'decision', date: vietnamToday() })]);
      }
    });
  });

  describe('Bằng khen của Chủ tịch UBND tỉnh, through the commune and the province', () => {
    it('is hidden from the province until the commune forwards it, then goes straight from appraisal to the signer', async () => {
      const unit = UNITS.banBinhLu.submitter;
      const drafted = await d.draft(unit, 'bang-khen-chu-tich-tinh', NOMINEES.banBinhLu);
      expect(drafted.route.map((entry) => [entry.level, entry.organizationName])).toEqual([
        ['commune', COMMUNE.name],
        ['province', PROVINCE.name],
      ]);
      const id = drafted.id;

      const hiddenStates = ['draft', 'commune.received', 'commune.appraisal', 'commune.councilReview', 'commune.awaitingSignature'];
      for (const state of hiddenStates) {
        const current = await d.advanceTo(id, state);
        expect(current.state).toBe(state);
        for (const provinceUser of [PROVINCE.appraiser, PROVINCE.signer]) {
          expectErrorShape(await d.get(provinceUser, id), 403);
          const listed = await d.list(provinceUser);
          expectStatus(listed, 200);
          expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
        }
      }

      const forwarded = await d.step(COMMUNE.signer, id, { type: 'SIGN', number: '88/TTr-UBND', date: '2026-11-13' });
      expect(forwarded).toMatchObject({ state: 'province.received', level: 'province', statusLabel: 'Chờ tiếp nhận hồ sơ (cấp tỉnh)' });
      expect(forwarded.signatures).toEqual([expect.objectContaining({ level: 'commune', act: 'submission', number: '88/TTr-UBND' })]);
      expect(forwarded.holder).toMatchObject({ organizationName: PROVINCE.name, office: 'Sở Nội vụ (Ban Thi đua – Khen thưởng)' });
      expect(forwarded.deadlines.current).toMatchObject({ level: 'province', step: 'appraisal' });
      expectDueInWorkingDays(forwarded.deadlines.current?.dueDate, vietnamToday(), 20);

      const seenByProvince = await d.view(PROVINCE.appraiser, id);
      expect(seenByProvince.allowedEvents).toEqual(['ACCEPT']);
      const provinceList = await d.list(PROVINCE.appraiser, { state: 'province' });
      expect(provinceList.body.items.map((item: { id: string }) => item.id)).toContain(id);
      // The commune keeps seeing what it forwarded, but may no longer act on it.
      expect((await d.view(COMMUNE.appraiser, id)).allowedEvents).toEqual([]);

      await d.step(PROVINCE.appraiser, id, { type: 'ACCEPT' });
      const passed = await d.step(PROVINCE.appraiser, id, { type: 'APPRAISAL_PASSED' });
      expect(passed.state).toBe('province.awaitingSignature'); // standing body: no council vote at the province
      expect((await d.view(PROVINCE.signer, id)).allowedEvents).toEqual(['SIGN', 'DECLINED']);

      const awarded = await d.step(PROVINCE.signer, id, { type: 'SIGN', number: '1520/QĐ-UBND', date: '2026-12-01' });
      expect(awarded).toMatchObject({ state: 'awarded', statusLabel: 'Đã được khen thưởng' });
      expect(awarded.signatures).toEqual([
        expect.objectContaining({ level: 'commune', act: 'submission', number: '88/TTr-UBND', signedBy: expect.objectContaining({ username: COMMUNE.signer }) }),
        expect.objectContaining({ level: 'province', act: 'decision', number: '1520/QĐ-UBND', signedBy: expect.objectContaining({ username: PROVINCE.signer }) }),
      ]);
      expect(awarded.councilResults).toEqual([expect.objectContaining({ level: 'commune', approved: true })]);

      const history = await d.history(PROVINCE.signer, id);
      // The documents came in as the dossier went: the unit's two, then the commune's minutes and its Tờ trình to the province.
      expect(history.filter((entry) => entry.type === 'DOCUMENT_UPLOADED').map((entry) => `${entry.payload.code}@${entry.payload.level}`)).toEqual([
        'submission@commune',
        'achievement-report@commune',
        'council-minutes@commune',
        'submission@province',
      ]);
      expect(history.map((entry) => entry.seq)).toEqual(history.map((_entry, index) => index));
      expect(history.filter((entry) => entry.type !== 'DOCUMENT_UPLOADED').map((entry) => entry.toState)).toEqual([
        'draft',
        'commune.received',
        'commune.appraisal',
        'commune.councilReview',
        'commune.awaitingSignature',
        'province.received',
        'province.appraisal',
        'province.awaitingSignature',
        'awarded',
      ]);
    });
  });

  describe('Bằng khen của Thủ tướng Chính phủ, decided outside the deployment', () => {
    it('waits for the central decision after the province signs, and the province office records it', async () => {
      const waiting = await d.nominationAt(UNITS.congTyChe.submitter, 'bang-khen-thu-tuong', NOMINEES.nguyenVanHai, 'province.councilReview');
      const approved = await d.step(PROVINCE.secretary, waiting.id, {
        type: 'COUNCIL_APPROVED',
        counts: COUNCIL.provinceMajority,
        meetingDate: '2026-11-18',
        minutesNumber: '12/BB-HĐTĐKT',
      });
      expect(approved.state).toBe('province.awaitingSignature');
      const forwarded = await d.step(PROVINCE.signer, waiting.id, { type: 'SIGN', number: '412/TTr-UBND', date: '2026-11-20' });
      expect(forwarded).toMatchObject({ state: 'central.awaitingExternalDecision', level: 'central', statusLabel: 'Chờ quyết định của cấp trên (cấp Trung ương)' });
      expect(forwarded.route.map((entry) => entry.level)).toEqual(['commune', 'province', 'central']);
      expect(forwarded.signatures.map((s: { level: string; act: string }) => `${s.level}:${s.act}`)).toEqual(['commune:submission', 'province:submission']);
      expect(forwarded.deadlines.current).toMatchObject({ level: 'central', step: 'externalDecision' });
      expect((await d.view(PROVINCE.appraiser, forwarded.id)).allowedEvents).toEqual(['RECORD_EXTERNAL_DECISION', 'RECORD_EXTERNAL_REJECTION']);
      expect((await d.view(PROVINCE.signer, forwarded.id)).allowedEvents).toEqual([]);

      const awarded = await d.step(PROVINCE.appraiser, forwarded.id, {
        type: 'RECORD_EXTERNAL_DECISION',
        number: '1234/QĐ-TTg',
        date: '2026-12-20',
        authority: 'Thủ tướng Chính phủ',
      });
      expect(awarded).toMatchObject({
        state: 'awarded',
        externalDecision: { level: 'central', granted: true, number: '1234/QĐ-TTg', date: '2026-12-20', authority: 'Thủ tướng Chính phủ', reason: null },
        rejection: null,
      });
      const history = await d.history(UNITS.congTyChe.submitter, forwarded.id);
      expect(history.at(-1)).toMatchObject({ type: 'RECORD_EXTERNAL_DECISION', fromState: 'central.awaitingExternalDecision', toState: 'awarded' });
      expect(history.at(-1)!.actor.username).toBe(PROVINCE.appraiser);
    });

    it('ends rejected when the central level returns a refusal', async () => {
      const waiting = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'bang-khen-thu-tuong', NOMINEES.tongThiXuan, 'central.awaitingExternalDecision');
      const rejected = await d.step(PROVINCE.appraiser, waiting.id, {
        type: 'RECORD_EXTERNAL_REJECTION',
        number: '215/BTĐKT-NV',
        date: '2026-12-22',
        authority: 'Ban Thi đua – Khen thưởng Trung ương',
        reason: 'Thành tích chưa đạt tiêu chuẩn Bằng khen của Thủ tướng Chính phủ',
      });
      expect(rejected).toMatchObject({
        state: 'rejected',
        statusLabel: 'Không được khen thưởng',
        allowedEvents: [],
        externalDecision: { level: 'central', granted: false, number: '215/BTĐKT-NV', authority: 'Ban Thi đua – Khen thưởng Trung ương' },
        rejection: { level: 'central', step: 'external', reason: 'Thành tích chưa đạt tiêu chuẩn Bằng khen của Thủ tướng Chính phủ' },
      });
    });
  });
});
