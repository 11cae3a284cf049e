import type { TestApp } from '../support/test-app';
import { AGENCY, COMMUNE, NOMINEES, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

/** 401 without a valid login; 403 for the wrong role or the wrong organization; a refused request changes nothing. */
describe('who may read and act on a nomination', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  describe('authentication', () => {
    it('logs a demo user in and answers 401 for a wrong password or an unknown user', async () => {
      const login = await t.http().post('/api/auth/login').send({ username: COMMUNE.appraiser, password: 'BinhLu@2026' });
      expectStatus(login, 200);
      expect(login.body).toMatchObject({
        accessToken: expect.any(String),
        user: { username: COMMUNE.appraiser, fullName: 'Đèo Thị Thu Hà', roles: ['appraiser'], organizationId: await t.organizationId(COMMUNE.name) },
      });
      const wrongPassword = expectErrorShape(await t.http().post('/api/auth/login').send({ username: COMMUNE.appraiser, password: 'BinhLu@2025' }), 401);
      expect(wrongPassword.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
      const unknownUser = expectErrorShape(await t.http().post('/api/auth/login').send({ username: 'vhxh.tamduong', password: 'BinhLu@2026' }), 401);
      expect(unknownUser.message).toBe(wrongPassword.message);
      expectErrorShape(await t.http().post('/api/auth/login').send({ username: COMMUNE.appraiser }), 400);
    });

    it('answers 401 without a token, with a malformed or forged token, and changes nothing', async () => {
      const drafted = await d.draft(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong);
      const before = await d.fingerprint(drafted.id);
      expectErrorShape(await t.http().get('/api/nominations'), 401);
      expectErrorShape(await t.http().get(`/api/nominations/${drafted.id}`), 401);
      expectErrorShape(await t.http().post(`/api/nominations/${drafted.id}/events`).send({ type: 'SUBMIT' }), 401);
      expectErrorShape(await t.http().post(`/api/nominations/${drafted.id}/events`).set('Authorization', 'Bearer khong-phai-ma-truy-cap').send({ type: 'SUBMIT' }), 401);
      const token = await t.tokenOf(UNITS.truongTieuHoc.submitter);
      const forged = `${token.split('.').slice(0, 2).join('.')}.${Buffer.from('chu-ky-gia').toString('base64url')}`;
      expectErrorShape(await t.http().post(`/api/nominations/${drafted.id}/events`).set('Authorization', `Bearer ${forged}`).send({ type: 'SUBMIT' }), 401);
      expectErrorShape(await t.http().post('/api/nominations').send({ formCode: 'giay-khen-chu-tich-xa', nominee: NOMINEES.luongThiNga }), 401);
      expect(await d.fingerprint(drafted.id)).toEqual(before);
    });
  });

  describe('the wrong role at the right organization', () => {
    it('a unit submitter cannot ACCEPT its own dossier at the commune', async () => {
      const received = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.luongThiNga, 'commune.received');
      const refusal = await d.refuse(UNITS.truongTieuHoc.submitter, received.id, { type: 'ACCEPT' }, 403);
      expect(refusal.details).toMatchObject({ requiredRole: 'appraiser', organizationId: await t.organizationId(COMMUNE.name) });
      expect(refusal.message).toContain(COMMUNE.name);
    });

    it('the appraiser cannot SIGN, the signer cannot pass the appraisal, a council member cannot record the result', async () => {
      const inAppraisal = await d.nominationAt(UNITS.banBinhLu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.deoVanPieng, 'commune.appraisal');
      await d.refuse(COMMUNE.signer, inAppraisal.id, { type: 'APPRAISAL_PASSED' }, 403);
      await d.advanceTo(inAppraisal.id, 'commune.councilReview');
      const member = await d.refuse(COMMUNE.councilMember, inAppraisal.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 9, no: 0, abstain: 0 } }, 403);
      expect(member.details.requiredRole).toBe('council-secretary');
      await d.advanceTo(inAppraisal.id, 'commune.awaitingSignature');
      const appraiser = await d.refuse(COMMUNE.appraiser, inAppraisal.id, { type: 'SIGN', number: '501/QĐ-UBND' }, 403);
      expect(appraiser.details.requiredRole).toBe('signer');
      expect((await d.view(COMMUNE.appraiser, inAppraisal.id)).allowedEvents).toEqual([]);
    });

    it('only a submitter creates nominations; an appraiser cannot', async () => {
      const response = await t
        .http()
        .post('/api/nominations')
        .set('Authorization', await d.bearer(COMMUNE.appraiser))
        .send({ formCode: 'giay-khen-chu-tich-xa', nominee: NOMINEES.sungAPao });
      expect(expectErrorShape(response, 403).details).toMatchObject({ requiredRole: 'submitter' });
    });
  });

  describe('the right role at another organization', () => {
    it('the province signer cannot sign at the commune level, nor even read it there', async () => {
      const awaiting = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.htxNongNghiep, 'commune.awaitingSignature');
      await d.refuse(PROVINCE.signer, awaiting.id, { type: 'SIGN', number: '77/TTr-UBND' }, 403);
      expectErrorShape(await d.get(PROVINCE.signer, awaiting.id), 403);
    });

    it('the commune signer reads the forwarded dossier but cannot sign the province’s decision', async () => {
      const awaiting = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.truongTieuHoc, 'province.awaitingSignature');
      expect((await d.view(COMMUNE.signer, awaiting.id)).allowedEvents).toEqual([]);
      const refusal = await d.refuse(COMMUNE.signer, awaiting.id, { type: 'SIGN', number: '78/QĐ-UBND' }, 403);
      expect(refusal.details).toMatchObject({ requiredRole: 'signer', organizationId: await t.organizationId(PROVINCE.name) });
    });

    it('a unit cannot read, list or act on another unit’s nomination', async () => {
      const drafted = await d.draft(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', NOMINEES.luongThiNga);
      expectErrorShape(await d.get(UNITS.banBinhLu.submitter, drafted.id), 403);
      expectErrorShape(await t.http().get(`/api/nominations/${drafted.id}/history`).set('Authorization', await d.bearer(UNITS.banBinhLu.submitter)), 403);
      await d.refuse(UNITS.banBinhLu.submitter, drafted.id, { type: 'SUBMIT' }, 403);
      await d.refuse(UNITS.banBinhLu.submitter, drafted.id, { type: 'WITHDRAW' }, 403);
      const listed = await d.list(UNITS.banBinhLu.submitter);
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(drafted.id);
      // Once submitted it is the commune's too, but still not the other unit's.
      await d.step(UNITS.truongTieuHoc.submitter, drafted.id, { type: 'SUBMIT' });
      expectErrorShape(await d.get(UNITS.banBinhLu.submitter, drafted.id), 403);
    });

    it('the commune office does not see a unit’s draft until it is submitted', async () => {
      const drafted = await d.draft(UNITS.congTyChe.submitter, 'giay-khen-chu-tich-xa', NOMINEES.congTyChe);
      expectErrorShape(await d.get(COMMUNE.appraiser, drafted.id), 403);
      await d.step(UNITS.congTyChe.submitter, drafted.id, { type: 'SUBMIT' });
      expect((await d.view(COMMUNE.appraiser, drafted.id)).allowedEvents).toEqual(['ACCEPT']);
    });

    it('the agency’s appraiser cannot act on, nor read, a commune nomination', async () => {
      const received = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', NOMINEES.sungAPao, 'commune.received');
      const refusal = await d.refuse(AGENCY.appraiser, received.id, { type: 'ACCEPT' }, 403);
      expect(refusal.message).toMatch(/phạm vi|chỉ do/);
      expectErrorShape(await d.get(AGENCY.appraiser, received.id), 403);
      const listed = await d.list(AGENCY.appraiser);
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(received.id);
    });

    it('the agency runs its own Giấy khen with its own office and signer', async () => {
      const agencyUnit = UNITS.vanPhongUbndTinh.submitter;
      const drafted = await d.draft(agencyUnit, 'giay-khen-thu-truong', {
        kind: 'individual',
        fullName: 'Đinh Thị Yến',
        position: 'Chuyên viên',
        unitName: 'Văn phòng UBND tỉnh Lai Châu',
        category: 'civil-servant',
      });
      expect(drafted.route).toEqual([expect.objectContaining({ level: 'agency', organizationName: AGENCY.name })]);
      const received = await d.advanceTo(drafted.id, 'agency.received');
      await d.refuse(COMMUNE.appraiser, received.id, { type: 'ACCEPT' }, 403);
      const awarded = await d.advanceTo(drafted.id, 'awarded');
      expect(awarded.signatures).toEqual([expect.objectContaining({ level: 'agency', act: 'decision', signedBy: expect.objectContaining({ username: AGENCY.signer }) })]);
    });
  });

  it('the system administrator reads every nomination but has no role in the workflow', async () => {
    const received = await d.nominationAt(UNITS.banBinhLu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.hoOngTongVanPieng, 'commune.received');
    const seen = await d.view('admin', received.id);
    expect(seen.allowedEvents).toEqual([]);
    await d.refuse('admin', received.id, { type: 'ACCEPT' }, 403);
  });
});
