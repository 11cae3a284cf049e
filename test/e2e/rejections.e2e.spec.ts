import type { TestApp } from '../support/test-app';
import { COMMUNE, COUNCIL, NOMINEES, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { nominationDriver, type NominationDriver } from './support/nomination-driver';

/** Every kind of step that can refuse an award ends the nomination `rejected`, naming the level and the step. */
describe('rejections at each kind of step', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  it('APPRAISAL_REJECTED by the commune office, with its reason', async () => {
    const inAppraisal = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', NOMINEES.sungAPao, 'commune.appraisal');
    const withoutReason = await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'APPRAISAL_REJECTED' }, 400);
    expect(withoutReason.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const reason = 'Chưa đủ thời gian công tác trong năm để xét danh hiệu';
    const rejected = await d.step(COMMUNE.appraiser, inAppraisal.id, { type: 'APPRAISAL_REJECTED', reason });
    expect(rejected).toMatchObject({
      state: 'rejected',
      level: null,
      statusLabel: 'Không được khen thưởng',
      allowedEvents: [],
      deadlines: { current: null },
      rejection: { level: 'commune', step: 'appraisal', reason, by: expect.objectContaining({ username: COMMUNE.appraiser }) },
    });
    expect((await d.view(UNITS.trungTamDichVu.submitter, inAppraisal.id)).rejection).toMatchObject({ level: 'commune', step: 'appraisal' });
    // A final state takes no more events.
    await d.refuse(UNITS.trungTamDichVu.submitter, inAppraisal.id, { type: 'RESUBMIT' }, 409);
  });

  it('APPRAISAL_REJECTED at the province names the province', async () => {
    const atProvince = await d.nominationAt(UNITS.banBinhLu.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.deoVanPieng, 'province.appraisal');
    const rejected = await d.step(PROVINCE.appraiser, atProvince.id, { type: 'APPRAISAL_REJECTED', reason: 'Thành tích chưa có phạm vi ảnh hưởng trong tỉnh' });
    expect(rejected).toMatchObject({ state: 'rejected', rejection: { level: 'province', step: 'appraisal' } });
  });

  it('COUNCIL_REJECTED with counts that fail the rule; counts that pass cannot be recorded as a rejection', async () => {
    const inCouncil = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.luongThiNga, 'commune.councilReview');
    const passing = await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_REJECTED', counts: COUNCIL.communeMajority }, 422);
    expect(passing.details.rule).toBe('council-threshold');
    const rejected = await d.step(COMMUNE.secretary, inCouncil.id, {
      type: 'COUNCIL_REJECTED',
      counts: COUNCIL.communeMinority,
      meetingDate: '2026-11-10',
      minutesNumber: '06/BB-HĐTĐKT',
    });
    expect(rejected).toMatchObject({
      state: 'rejected',
      rejection: { level: 'commune', step: 'council' },
      councilResults: [expect.objectContaining({ level: 'commune', approved: false, counts: COUNCIL.communeMinority, minutesNumber: '06/BB-HĐTĐKT' })],
    });
  });

  it('DECLINED by the commune signer, with a reason', async () => {
    const awaiting = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'tap-the-lao-dong-tien-tien', NOMINEES.htxNongNghiep, 'commune.awaitingSignature');
    await d.refuse(COMMUNE.signer, awaiting.id, { type: 'DECLINED', reason: '' }, 400);
    const declined = await d.step(COMMUNE.signer, awaiting.id, { type: 'DECLINED', reason: 'Hợp tác xã đang bị thanh tra về tài chính' });
    expect(declined).toMatchObject({
      state: 'rejected',
      rejection: { level: 'commune', step: 'signature', reason: 'Hợp tác xã đang bị thanh tra về tài chính', by: expect.objectContaining({ username: COMMUNE.signer }) },
      signatures: [],
    });
  });

  it('DECLINED by the province signer after the commune forwarded it', async () => {
    const awaiting = await d.nominationAt(UNITS.banBinhLu.submitter, 'tap-the-lao-dong-xuat-sac', NOMINEES.banBinhLu, 'province.awaitingSignature');
    const declined = await d.step(PROVINCE.signer, awaiting.id, { type: 'DECLINED', reason: 'Chưa đủ tiêu chuẩn Tập thể lao động xuất sắc' });
    expect(declined).toMatchObject({ state: 'rejected', rejection: { level: 'province', step: 'signature' } });
    expect(declined.signatures).toEqual([expect.objectContaining({ level: 'commune', act: 'submission' })]);
  });

  it('RECORD_EXTERNAL_REJECTION names the central level; it needs the upper authority’s document', async () => {
    const waiting = await d.nominationAt(UNITS.congTyChe.submitter, 'bang-khen-thu-tuong', NOMINEES.congTyChe, 'central.awaitingExternalDecision');
    const incomplete = await d.refuse(
      PROVINCE.appraiser,
      waiting.id,
      { type: 'RECORD_EXTERNAL_REJECTION', number: '318/BTĐKT-NV', date: '2026-12-22', authority: 'Ban Thi đua – Khen thưởng Trung ương' },
      400,
    );
    expect(incomplete.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const rejected = await d.step(PROVINCE.appraiser, waiting.id, {
      type: 'RECORD_EXTERNAL_REJECTION',
      number: '318/BTĐKT-NV',
      date: '2026-12-22',
      authority: 'Ban Thi đua – Khen thưởng Trung ương',
      reason: 'Doanh nghiệp chưa có xác nhận của cơ quan thuế',
    });
    expect(rejected).toMatchObject({
      state: 'rejected',
      rejection: { level: 'central', step: 'external', reason: 'Doanh nghiệp chưa có xác nhận của cơ quan thuế' },
      externalDecision: { granted: false, number: '318/BTĐKT-NV' },
    });
  });
});
