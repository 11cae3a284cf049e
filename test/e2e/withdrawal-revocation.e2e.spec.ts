import type { TestApp } from '../support/test-app';
import { COMMUNE, NOMINEES, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { nominationDriver, type NominationDriver } from './support/nomination-driver';

describe('withdrawal by the unit', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  it('withdraws a draft', async () => {
    const unit = UNITS.banBinhLu.submitter;
    const drafted = await d.draft(unit, 'thon-van-hoa', NOMINEES.banBinhLu);
    const withdrawn = await d.step(unit, drafted.id, { type: 'WITHDRAW', reason: 'Bản chưa đủ thời gian xây dựng' });
    expect(withdrawn).toMatchObject({
      state: 'withdrawn',
      statusLabel: 'Đã rút hồ sơ',
      allowedEvents: [],
      withdrawal: { reason: 'Bản chưa đủ thời gian xây dựng', by: expect.objectContaining({ username: unit }) },
    });
    const history = await d.history(unit, drafted.id);
    expect(history.at(-1)).toMatchObject({ seq: drafted.version, type: 'WITHDRAW', fromState: 'draft', toState: 'withdrawn' });
    await d.refuse(unit, drafted.id, { type: 'SUBMIT' }, 409);
  });

  it('withdraws a dossier under appraisal at the commune; the office cannot withdraw it for the unit', async () => {
    const unit = UNITS.truongTieuHoc.submitter;
    const inAppraisal = await d.nominationAt(unit, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong, 'commune.appraisal');
    expect((await d.view(unit, inAppraisal.id)).allowedEvents).toEqual(['WITHDRAW']);
    await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'WITHDRAW' }, 403);
    const withdrawn = await d.step(unit, inAppraisal.id, { type: 'WITHDRAW' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawal: { reason: null }, deadlines: { current: null } });
    expect((await d.history(COMMUNE.appraiser, inAppraisal.id)).at(-1)).toMatchObject({ fromState: 'commune.appraisal', toState: 'withdrawn' });
  });

  it('refuses WITHDRAW once the council has the dossier, and after it voted (409, nothing changes)', async () => {
    const unit = UNITS.htxNongNghiep.submitter;
    const inCouncil = await d.nominationAt(unit, 'giay-khen-chu-tich-xa', NOMINEES.htxNongNghiep, 'commune.councilReview');
    const duringReview = await d.refuse(unit, inCouncil.id, { type: 'WITHDRAW' }, 409);
    expect(duringReview.code).toBe('EVENT_NOT_ALLOWED');
    await d.advanceTo(inCouncil.id, 'commune.awaitingSignature');
    const afterReview = await d.refuse(unit, inCouncil.id, { type: 'WITHDRAW', reason: 'Đơn vị xin rút' }, 409);
    expect(afterReview).toMatchObject({ code: 'EVENT_NOT_ALLOWED', details: { state: 'commune.awaitingSignature', event: 'WITHDRAW' } });
  });

  it('refuses WITHDRAW at the province: only the entry level may be withdrawn from', async () => {
    const unit = UNITS.banBinhLu.submitter;
    const atProvince = await d.nominationAt(unit, 'bang-khen-chu-tich-tinh', NOMINEES.deoVanPieng, 'province.received');
    await d.refuse(unit, atProvince.id, { type: 'WITHDRAW' }, 409);
  });
});

describe('revocation of an award', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  async function awardedGiayKhen(unit: string, nominee: (typeof NOMINEES)[keyof typeof NOMINEES], number: string, date: string) {
    const awaiting = await d.nominationAt(unit, 'giay-khen-chu-tich-xa', nominee, 'commune.awaitingSignature');
    return d.step(COMMUNE.signer, awaiting.id, { type: 'SIGN', number, date });
  }

  it('revokes an awarded Giấy khen by the commune signer, keeping both decisions', async () => {
    const unit = UNITS.truongTieuHoc.submitter;
    const awarded = await awardedGiayKhen(unit, NOMINEES.loThiHuong, '301/QĐ-UBND', '2026-11-12');
    expect(awarded.state).toBe('awarded');
    await d.refuse(COMMUNE.appraiser, awarded.id, { type: 'REVOKE', number: '15/QĐ-UBND', date: '2026-12-15', reason: 'Kê khai không trung thực' }, 403);
    await d.refuse(unit, awarded.id, { type: 'REVOKE', number: '15/QĐ-UBND', date: '2026-12-15', reason: 'Kê khai không trung thực' }, 403);
    const incomplete = await d.refuse(COMMUNE.signer, awarded.id, { type: 'REVOKE', number: '15/QĐ-UBND', date: '2026-12-15' }, 400);
    expect(incomplete.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);

    const revoked = await d.step(COMMUNE.signer, awarded.id, {
      type: 'REVOKE',
      number: '15/QĐ-UBND',
      date: '2026-12-15',
      reason: 'Thành tích kê khai không trung thực theo kết luận kiểm tra',
    });
    expect(revoked).toMatchObject({
      state: 'revoked',
      statusLabel: 'Đã hủy bỏ quyết định khen thưởng',
      allowedEvents: [],
      revocation: {
        number: '15/QĐ-UBND',
        date: '2026-12-15',
        reason: 'Thành tích kê khai không trung thực theo kết luận kiểm tra',
        by: expect.objectContaining({ username: COMMUNE.signer }),
      },
      signatures: [expect.objectContaining({ act: 'decision', number: '301/QĐ-UBND' })],
    });
    const history = await d.history(unit, awarded.id);
    expect(history.slice(-2).map((entry) => [entry.type, entry.toState])).toEqual([
      ['SIGN', 'awarded'],
      ['REVOKE', 'revoked'],
    ]);
  });

  it('records the revocation of an award granted outside the deployment by the province office', async () => {
    const awarded = await d.nominationAt(UNITS.congTyChe.submitter, 'bang-khen-thu-tuong', NOMINEES.nguyenVanHai, 'awarded');
    expect(awarded.externalDecision).toMatchObject({ granted: true });
    expect((await d.view(PROVINCE.appraiser, awarded.id)).allowedEvents).toEqual(['REVOKE']);
    await d.refuse(PROVINCE.signer, awarded.id, { type: 'REVOKE', number: '45/QĐ-TTg', date: '2027-03-02', reason: 'Vi phạm trong thời gian xét' }, 403);
    const revoked = await d.step(PROVINCE.appraiser, awarded.id, {
      type: 'REVOKE',
      number: '45/QĐ-TTg',
      date: '2027-03-02',
      reason: 'Kết luận thanh tra xác định vi phạm trong thời gian tính thành tích',
    });
    expect(revoked).toMatchObject({ state: 'revoked', revocation: { number: '45/QĐ-TTg', by: expect.objectContaining({ username: PROVINCE.appraiser }) } });
  });

  it('refuses a decision number already used at the same organization in the same year (document-number-unique)', async () => {
    const first = await awardedGiayKhen(UNITS.banBinhLu.submitter, NOMINEES.hoOngTongVanPieng, '410/QĐ-UBND', '2026-11-20');
    expect(first.state).toBe('awarded');

    // A signature reusing it.
    const second = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'giay-khen-chu-tich-xa', NOMINEES.tongThiXuan, 'commune.awaitingSignature');
    const reusedBySign = await d.refuse(COMMUNE.signer, second.id, { type: 'SIGN', number: '410/QĐ-UBND', date: '2026-12-02' }, 422);
    expect(reusedBySign.details).toMatchObject({ rule: 'document-number-unique', number: '410/QĐ-UBND', year: 2026 });

    // A revocation reusing it.
    const reusedByRevoke = await d.refuse(COMMUNE.signer, first.id, { type: 'REVOKE', number: '410/QĐ-UBND', date: '2026-12-20', reason: 'Hồ sơ giả mạo' }, 422);
    expect(reusedByRevoke.details.rule).toBe('document-number-unique');

    // The same number in another year, or at another organization, is a different document.
    const nextYear = await d.step(COMMUNE.signer, second.id, { type: 'SIGN', number: '410/QĐ-UBND', date: '2027-01-05' });
    expect(nextYear.signatures).toEqual([expect.objectContaining({ number: '410/QĐ-UBND', date: '2027-01-05' })]);
    const atProvince = await d.nominationAt(UNITS.congTyChe.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.congTyChe, 'province.awaitingSignature');
    const provinceDecision = await d.step(PROVINCE.signer, atProvince.id, { type: 'SIGN', number: '410/QĐ-UBND', date: '2026-12-03' });
    expect(provinceDecision.state).toBe('awarded');

    // And the used number of a revocation is taken too.
    await d.step(COMMUNE.signer, first.id, { type: 'REVOKE', number: '16/QĐ-UBND', date: '2026-12-20', reason: 'Hồ sơ giả mạo' });
    const third = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.sungAPao, 'commune.awaitingSignature');
    const reusedRevocation = await d.refuse(COMMUNE.signer, third.id, { type: 'SIGN', number: '16/QĐ-UBND', date: '2026-12-28' }, 422);
    expect(reusedRevocation.details.rule).toBe('document-number-unique');
  });
});
