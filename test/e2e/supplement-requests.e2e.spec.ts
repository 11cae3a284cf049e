import type { TestApp } from '../support/test-app';
import { COMMUNE, NOMINEES, PROVINCE, UNITS, addCalendarDays, expectDueInWorkingDays, vietnamToday } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { nominationDriver, type NominationDriver } from './support/nomination-driver';

/** A request to supplement the dossier: once per level, with a reason, the missing items and a due date. */
describe('supplement requests', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  it('sends the dossier back to the unit with a due date, takes it back on RESUBMIT, and allows one request per level', async () => {
    const unit = UNITS.truongTieuHoc.submitter;
    const inAppraisal = await d.nominationAt(unit, 'chien-si-thi-dua-co-so', NOMINEES.luongThiNga, 'commune.appraisal');
    const dueDate = addCalendarDays(vietnamToday(), 10);
    const request = {
      type: 'REQUEST_SUPPLEMENT',
      reason: 'Thiếu văn bản công nhận sáng kiến',
      items: ['Văn bản công nhận sáng kiến, đề tài nghiên cứu', 'Báo cáo thành tích có xác nhận của thủ trưởng đơn vị'],
      dueDate,
    };
    const requested = await d.step(COMMUNE.appraiser, inAppraisal.id, request);
    expect(requested).toMatchObject({
      state: 'commune.supplementRequested',
      statusLabel: 'Yêu cầu bổ sung hồ sơ (cấp xã)',
      deadlines: { current: { level: 'commune', step: 'supplement', dueDate, overdue: false } },
      allowedEvents: [],
    });
    expect(requested.holder).toMatchObject({ organizationName: UNITS.truongTieuHoc.name });
    expect(requested.supplementRounds).toEqual([
      {
        level: 'commune',
        reason: request.reason,
        items: request.items,
        dueDate,
        requestedAt: expect.any(String),
        requestedBy: expect.objectContaining({ username: COMMUNE.appraiser }),
        resubmittedAt: null,
      },
    ]);
    const seenByUnit = await d.view(unit, inAppraisal.id);
    expect(seenByUnit.allowedEvents).toEqual(['RESUBMIT', 'WITHDRAW']);
    expect(seenByUnit.deadlines.current).toMatchObject({ step: 'supplement', dueDate });

    // The office cannot answer its own request; the unit does.
    await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'RESUBMIT' }, 403);
    const resubmitted = await d.step(unit, inAppraisal.id, { type: 'RESUBMIT', note: 'Đã bổ sung Quyết định công nhận sáng kiến số 12/QĐ-UBND' });
    expect(resubmitted).toMatchObject({ state: 'commune.appraisal', statusLabel: 'Đang thẩm định hồ sơ (cấp xã)' });
    expect(resubmitted.supplementRounds).toEqual([expect.objectContaining({ level: 'commune', dueDate, resubmittedAt: expect.any(String) })]);
    // A complete dossier restarts the appraisal's working days.
    expect(resubmitted.deadlines.current).toMatchObject({ level: 'commune', step: 'appraisal' });
    expectDueInWorkingDays(resubmitted.deadlines.current?.dueDate, vietnamToday(), 20);

    const refusal = await d.refuse(COMMUNE.appraiser, inAppraisal.id, { ...request, reason: 'Thiếu bản sao bằng khen', items: ['Bản sao bằng khen'] }, 422);
    expect(refusal.details).toMatchObject({ rule: 'supplement-once-per-level', level: 'commune' });
    expect(refusal.message).toContain('một lần');

    const history = await d.history(unit, inAppraisal.id);
    expect(history.slice(-2).map(({ type, fromState, toState }) => ({ type, fromState, toState }))).toEqual([
      { type: 'REQUEST_SUPPLEMENT', fromState: 'commune.appraisal', toState: 'commune.supplementRequested' },
      { type: 'RESUBMIT', fromState: 'commune.supplementRequested', toState: 'commune.appraisal' },
    ]);
    expect(history.at(-2)!.payload).toMatchObject({ reason: request.reason, items: request.items, dueDate });

    // Back in appraisal, the dossier goes on to the council as usual.
    expect((await d.advanceTo(inAppraisal.id, 'commune.councilReview')).state).toBe('commune.councilReview');
  });

  it('gives a request without a due date the rule set’s default of 5 working days', async () => {
    const inAppraisal = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', NOMINEES.sungAPao, 'commune.appraisal');
    const requested = await d.step(COMMUNE.appraiser, inAppraisal.id, {
      type: 'REQUEST_SUPPLEMENT',
      reason: 'Thiếu nhận xét của thủ trưởng đơn vị',
      items: ['Bản nhận xét, đánh giá của thủ trưởng đơn vị'],
    });
    const expected = requested.deadlines.current?.dueDate;
    expect(requested.deadlines.current).toMatchObject({ level: 'commune', step: 'supplement', overdue: false });
    expectDueInWorkingDays(expected, vietnamToday(), 5);
    expect(requested.supplementRounds[0].dueDate).toBe(expected);
    const history = await d.history(COMMUNE.appraiser, inAppraisal.id);
    expect(history.at(-1)!.payload.dueDate).toBe(expected);
  });

  it('refuses a request without reason or items, or due before today, and changes nothing', async () => {
    const inAppraisal = await d.nominationAt(UNITS.banBinhLu.submitter, 'gia-dinh-van-hoa', NOMINEES.hoOngTongVanPieng, 'commune.appraisal');
    const missing = await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu hồ sơ' }, 400);
    expect(missing.details.fields.map((f: { field: string }) => f.field)).toContain('items');
    const empty = await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu hồ sơ', items: [] }, 400);
    expect(empty.details.fields.map((f: { field: string }) => f.field)).toContain('items');
    const late = await d.refuse(
      COMMUNE.appraiser,
      inAppraisal.id,
      { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu hồ sơ', items: ['Báo cáo thành tích'], dueDate: addCalendarDays(vietnamToday(), -3) },
      422,
    );
    expect(late.details.rule).toBe('supplement-deadline-future');
  });

  it('at the province, sends the dossier back to the commune office, which answers for the unit', async () => {
    const unit = UNITS.htxNongNghiep.submitter;
    const atCommune = await d.nominationAt(unit, 'bang-khen-chu-tich-tinh', NOMINEES.tongThiXuan, 'commune.appraisal');
    await d.step(COMMUNE.appraiser, atCommune.id, {
      type: 'REQUEST_SUPPLEMENT',
      reason: 'Thiếu báo cáo thành tích',
      items: ['Báo cáo thành tích theo Mẫu số 05'],
      dueDate: addCalendarDays(vietnamToday(), 5),
    });
    await d.step(unit, atCommune.id, { type: 'RESUBMIT' });
    // The commune's round does not count against the province: each level may ask once.
    const atProvince = await d.advanceTo(atCommune.id, 'province.appraisal');
    const requested = await d.step(PROVINCE.appraiser, atProvince.id, {
      type: 'REQUEST_SUPPLEMENT',
      reason: 'Thiếu biên bản họp Hội đồng cấp xã',
      items: ['Biên bản họp Hội đồng Thi đua – Khen thưởng xã'],
      dueDate: addCalendarDays(vietnamToday(), 7),
    });
    expect(requested).toMatchObject({ state: 'province.supplementRequested', deadlines: { current: { level: 'province', step: 'supplement' } } });
    expect(requested.holder).toMatchObject({ organizationName: COMMUNE.name });
    expect((await d.view(COMMUNE.appraiser, atProvince.id)).allowedEvents).toEqual(['RESUBMIT']);
    await d.refuse(unit, atProvince.id, { type: 'RESUBMIT' }, 403);
    const resubmitted = await d.step(COMMUNE.appraiser, atProvince.id, { type: 'RESUBMIT', note: 'Gửi bổ sung biên bản số 05/BB-HĐTĐKT' });
    expect(resubmitted.state).toBe('province.appraisal');
    expect(resubmitted.supplementRounds.map((round: { level: string }) => round.level)).toEqual(['commune', 'province']);
    const again = await d.refuse(
      PROVINCE.appraiser,
      atProvince.id,
      { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu danh sách', items: ['Danh sách kèm theo'], dueDate: addCalendarDays(vietnamToday(), 7) },
      422,
    );
    expect(again.details).toMatchObject({ rule: 'supplement-once-per-level', level: 'province' });
  });
});
