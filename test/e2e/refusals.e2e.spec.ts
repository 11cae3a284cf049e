import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';
import { COMMUNE, COUNCIL, NOMINEES, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { badFields, expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

/** 400 bad input, 404 unknown, 409 wrong state or stale version, 422 a rule refuses; none of them changes anything. */
describe('refusals', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  describe('409: the version or the state does not allow it', () => {
    it('refuses a stale If-Match and accepts the current one, as a number or as the ETag', async () => {
      const unit = UNITS.truongTieuHoc.submitter;
      const drafted = await d.draft(unit, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong);
      const v = drafted.version; // 1 at creation, plus one per document uploaded to the draft
      const submitted = await d.step(unit, drafted.id, { type: 'SUBMIT' }, { 'If-Match': String(v) });
      expect(submitted.version).toBe(v + 1);

      const stale = await d.refuse(COMMUNE.appraiser, drafted.id, { type: 'ACCEPT' }, 409, { 'If-Match': String(v) });
      expect(stale).toMatchObject({ code: 'VERSION_STALE', details: { currentVersion: v + 1, expectedVersion: v } });
      await d.refuse(COMMUNE.appraiser, drafted.id, { type: 'ACCEPT' }, 409, { 'If-Match': String(v + 2) });

      const current = await d.get(COMMUNE.appraiser, drafted.id);
      expect(current.headers.etag).toBe(`"${v + 1}"`);
      const accepted = await d.send(COMMUNE.appraiser, drafted.id, { type: 'ACCEPT' }, { 'If-Match': current.headers.etag });
      expectStatus(accepted, 200);
      expect(accepted.headers.etag).toBe(`"${v + 2}"`);
      expect(accepted.body).toMatchObject({ state: 'commune.appraisal', version: v + 2 });
      const weak = await d.step(COMMUNE.appraiser, drafted.id, { type: 'APPRAISAL_PASSED' }, { 'If-Match': `W/"${v + 2}"` });
      expect(weak.version).toBe(v + 3);

      const malformed = await d.refuse(COMMUNE.secretary, drafted.id, { type: 'COUNCIL_APPROVED', counts: COUNCIL.communeUnanimous }, 400, { 'If-Match': 'version-4' });
      expect(badFields(malformed)).toEqual(['If-Match']);
    });

    it('refuses an event the current state does not take, naming the state and what it does take', async () => {
      const unit = UNITS.banBinhLu.submitter;
      const drafted = await d.draft(unit, 'giay-khen-chu-tich-xa', NOMINEES.hoOngTongVanPieng);
      const signOnDraft = await d.refuse(COMMUNE.signer, drafted.id, { type: 'SIGN', number: '99/QĐ-UBND' }, 403);
      expect(signOnDraft.message).toBeTruthy(); // the commune signer cannot even read a unit's draft
      const asOwner = await d.refuse(unit, drafted.id, { type: 'SIGN', number: '99/QĐ-UBND' }, 409);
      expect(asOwner).toMatchObject({ code: 'EVENT_NOT_ALLOWED', details: { state: 'draft', event: 'SIGN', allowed: ['SUBMIT', 'WITHDRAW'] } });
      expect(asOwner.message).toContain('Đang soạn hồ sơ');
      await d.refuse(unit, drafted.id, { type: 'RESUBMIT' }, 409);

      await d.step(unit, drafted.id, { type: 'SUBMIT' });
      await d.refuse(unit, drafted.id, { type: 'SUBMIT' }, 409);
      await d.refuse(COMMUNE.appraiser, drafted.id, { type: 'APPRAISAL_PASSED' }, 409);
      await d.refuse(COMMUNE.signer, drafted.id, { type: 'SIGN', number: '99/QĐ-UBND' }, 409);
    });

    it('has no council vote at the province for a Bằng khen của Chủ tịch UBND tỉnh (standing body)', async () => {
      const atProvince = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.htxNongNghiep, 'province.awaitingSignature');
      await d.refuse(PROVINCE.secretary, atProvince.id, { type: 'COUNCIL_APPROVED', counts: COUNCIL.provinceMajority }, 409);
    });
  });

  describe('400: malformed or invalid input, naming the fields', () => {
    const create = async (body: unknown) =>
      t.http().post('/api/nominations').set('Authorization', await d.bearer(UNITS.truongTieuHoc.submitter)).send(body as object);

    it('refuses an individual without fullName', async () => {
      const body = expectErrorShape(await create({ formCode: 'giay-khen-chu-tich-xa', nominee: { kind: 'individual', position: 'Giáo viên' } }), 400);
      expect(badFields(body)).toEqual(['nominee.fullName']);
      expect(body.message).toContain('nominee.fullName');
      expect(body.details.fields[0].problems.join('; ')).toMatch(/bắt buộc/);
    });

    it('refuses an unknown nominee kind, a collective without a name, and a missing nominee', async () => {
      const unknownKind = expectErrorShape(await create({ formCode: 'giay-khen-chu-tich-xa', nominee: { kind: 'organization', name: 'Bản Bình Lư' } }), 400);
      expect(badFields(unknownKind)).toContain('nominee.kind');
      expect(unknownKind.details.fields.find((f: { field: string }) => f.field === 'nominee.kind').problems[0]).toContain('individual, collective, household');
      const noName = expectErrorShape(await create({ formCode: 'giay-khen-chu-tich-xa', nominee: { kind: 'collective', category: 'village' } }), 400);
      expect(badFields(noName)).toEqual(['nominee.name']);
      const noNominee = expectErrorShape(await create({ formCode: 'giay-khen-chu-tich-xa' }), 400);
      expect(badFields(noNominee)).toContain('nominee');
    });

    it('refuses unknown fields, at the top and inside the nominee', async () => {
      const top = expectErrorShape(await create({ formCode: 'giay-khen-chu-tich-xa', nominee: NOMINEES.loThiHuong, priority: 'cao' }), 400);
      expect(badFields(top)).toEqual(['priority']);
      expect(top.details.fields[0].problems).toEqual(['trường này không được phép']);
      const nested = expectErrorShape(await create({ formCode: 'giay-khen-chu-tich-xa', nominee: { ...NOMINEES.loThiHuong, ethnicity: 'Thái' } }), 400);
      expect(badFields(nested)).toEqual(['nominee.ethnicity']);
    });

    it('refuses bad formats, naming every bad field at once', async () => {
      const body = expectErrorShape(
        await create({ formCode: 'giay-khen-chu-tich-xa', nominee: { ...NOMINEES.nguyenVanHai, dateOfBirth: '14/05/1988', taxCode: 'MST-62' } }),
        400,
      );
      expect(badFields(body).sort()).toEqual(['nominee.dateOfBirth', 'nominee.taxCode']);
    });

    it('refuses an unknown form code (400), a nominee kind the form does not take, and a form the unit cannot propose (422)', async () => {
      const unknown = expectErrorShape(await create({ formCode: 'giay-khen-bi-thu', nominee: NOMINEES.loThiHuong }), 400);
      expect(badFields(unknown)).toEqual(['formCode']);
      const wrongKind = expectErrorShape(await create({ formCode: 'chien-si-thi-dua-co-so', nominee: NOMINEES.hoOngTongVanPieng }), 422);
      expect(wrongKind.details).toMatchObject({ rule: 'nominee-kind', allowed: ['individual'] });
      const wrongEntry = expectErrorShape(await create({ formCode: 'giay-khen-thu-truong', nominee: NOMINEES.loThiHuong }), 422);
      expect(wrongEntry.details).toMatchObject({ rule: 'form-entry-level', entryLevels: ['agency'] });
    });

    it('refuses an event of unknown type, and bad payload fields, changing nothing', async () => {
      const inCouncil = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.luongThiNga, 'commune.councilReview');
      expect(badFields(await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'APPROVE' }, 400))).toEqual(['type']);
      expect(badFields(await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'council_approved' } as never, 400))).toEqual(['type']);
      const abc = await d.refuse(
        COMMUNE.secretary,
        inCouncil.id,
        { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 'abc', no: 0, abstain: 0 } },
        400,
      );
      expect(badFields(abc)).toEqual(['counts.yes']);
      expect(abc.details.fields[0].problems).toContain('phải là số nguyên');
      expect(badFields(await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED' }, 400))).toContain('counts');
      const several = await d.refuse(
        COMMUNE.secretary,
        inCouncil.id,
        { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9.5, yes: -1, no: 0 }, meetingDate: '10/11/2026', ballotBox: 2 },
        400,
      );
      expect(badFields(several).sort()).toEqual(['ballotBox', 'counts.abstain', 'counts.present', 'counts.yes', 'meetingDate']);
    });

    it('answers malformed JSON with the one error shape and a Vietnamese message', async () => {
      const drafted = await d.draft(UNITS.banBinhLu.submitter, 'thon-van-hoa', NOMINEES.banBinhLu);
      const before = await d.fingerprint(drafted.id);
      for (const raw of ['{"type": "SUBMIT",', 'SUBMIT', '"SUBMIT"']) {
        const response = await t
          .http()
          .post(`/api/nominations/${drafted.id}/events`)
          .set('Authorization', await d.bearer(UNITS.banBinhLu.submitter))
          .set('Content-Type', 'application/json')
          .send(raw);
        const body = expectErrorShape(response, 400);
        expect(body.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ');
      }
      for (const notAnObject of [[{ type: 'SUBMIT' }], null]) {
        const response = await t
          .http()
          .post(`/api/nominations/${drafted.id}/events`)
          .set('Authorization', await d.bearer(UNITS.banBinhLu.submitter))
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(notAnObject));
        expectErrorShape(response, 400);
      }
      const created = await t
        .http()
        .post('/api/nominations')
        .set('Authorization', await d.bearer(UNITS.banBinhLu.submitter))
        .set('Content-Type', 'application/json')
        .send('{"formCode": "thon-van-hoa", "nominee": {');
      expect(expectErrorShape(created, 400).message).toBe('Nội dung yêu cầu không phải JSON hợp lệ');
      expect(await d.fingerprint(drafted.id)).toEqual(before);
    });

    it('answers an oversized body with 413 in the same shape', async () => {
      const response = await t
        .http()
        .post('/api/nominations')
        .set('Authorization', await d.bearer(UNITS.banBinhLu.submitter))
        .send({ formCode: 'thon-van-hoa', nominee: NOMINEES.banBinhLu, achievements: 'Xây dựng nông thôn mới. '.repeat(60_000) });
      expectErrorShape(response, 413);
    });

    it('refuses bad list parameters', async () => {
      const queries: Array<Record<string, string | number>> = [{ pageSize: 0 }, { pageSize: 101 }, { page: 'hai' }, { sort: 'name' }];
      for (const query of queries) {
        expectErrorShape(await d.list(COMMUNE.appraiser, query), 400);
      }
    });
  });

  describe('404: unknown nominations and routes', () => {
    it('answers 404 for an unknown id, a malformed id, its history and its events', async () => {
      const unknown = randomUUID();
      expect(expectErrorShape(await d.get(COMMUNE.appraiser, unknown), 404).message).toBe('Không tìm thấy hồ sơ đề nghị khen thưởng');
      expectErrorShape(await d.get(COMMUNE.appraiser, 'ho-so-215'), 404);
      expectErrorShape(await t.http().get(`/api/nominations/${unknown}/history`).set('Authorization', await d.bearer(COMMUNE.appraiser)), 404);
      expectErrorShape(await d.send(COMMUNE.appraiser, unknown, { type: 'ACCEPT' }), 404);
      expectErrorShape(await t.http().get('/api/ho-so').set('Authorization', await d.bearer(COMMUNE.appraiser)), 404);
    });
  });

  describe('422: the council guard', () => {
    it('refuses COUNCIL_APPROVED below the form’s threshold (majority of those present)', async () => {
      const inCouncil = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'giay-khen-chu-tich-xa', NOMINEES.tongThiXuan, 'commune.councilReview');
      const refusal = await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: COUNCIL.communeMinority }, 422);
      expect(refusal.details).toMatchObject({ rule: 'council-threshold', counts: COUNCIL.communeMinority, councilRule: { kind: 'majority-of-present' } });
      expect(refusal.message).toContain('quá nửa số thành viên Hội đồng có mặt');
      // Exactly half of those present is not a majority.
      const half = await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 8, yes: 4, no: 4, abstain: 0 } }, 422);
      expect(half.details.rule).toBe('council-threshold');
      expect((await d.step(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 8, yes: 5, no: 3, abstain: 0 } })).state).toBe(
        'commune.awaitingSignature',
      );
    });

    it('refuses a session without its quorum, and counts that do not add up', async () => {
      const inCouncil = await d.nominationAt(UNITS.banBinhLu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.deoVanPieng, 'commune.councilReview');
      const noQuorum = await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: COUNCIL.communeNoQuorum }, 422);
      expect(noQuorum.details).toMatchObject({ rule: 'council-quorum', present: 7, members: 9, minPresentPercent: 80 });
      await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_REJECTED', counts: { members: 9, present: 7, yes: 0, no: 7, abstain: 0 } }, 422);
      const tooMany = await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 8, no: 2, abstain: 0 } }, 422);
      expect(tooMany.details.rule).toBe('council-counts-consistent');
      const morePresentThanMembers = await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 10, yes: 9, no: 0, abstain: 0 } }, 422);
      expect(morePresentThanMembers.details.rule).toBe('council-counts-consistent');
    });

    it('Chiến sĩ thi đua cơ sở needs 80% of all 9 members: 7 yes is refused, 8 yes is accepted', async () => {
      const inCouncil = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', NOMINEES.luongThiNga, 'commune.councilReview');
      const seven = await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 7, no: 2, abstain: 0 } }, 422);
      expect(seven.details).toMatchObject({ rule: 'council-threshold', councilRule: { kind: 'share-of-all', minPercent: 80 } });
      expect(seven.message).toContain('80%');
      // The share is of all members: absent members voting in writing count, present ones alone do not decide.
      await d.refuse(COMMUNE.secretary, inCouncil.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 8, yes: 7, no: 0, abstain: 1 } }, 422);
      const eight = await d.step(COMMUNE.secretary, inCouncil.id, {
        type: 'COUNCIL_APPROVED',
        counts: { members: 9, present: 8, yes: 8, no: 1, abstain: 0 },
        minutesNumber: '07/BB-HĐTĐKT',
      });
      expect(eight).toMatchObject({ state: 'commune.awaitingSignature', councilResults: [expect.objectContaining({ approved: true, counts: expect.objectContaining({ yes: 8 }) })] });
    });

    it('Chiến sĩ thi đua cơ sở: 7 yes of 9 is a valid COUNCIL_REJECTED; exactly 80% (8 of 10) passes', async () => {
      const rejectedOne = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'chien-si-thi-dua-co-so', NOMINEES.sungAPao, 'commune.councilReview');
      const rejected = await d.step(COMMUNE.secretary, rejectedOne.id, { type: 'COUNCIL_REJECTED', counts: { members: 9, present: 9, yes: 7, no: 2, abstain: 0 } });
      expect(rejected).toMatchObject({ state: 'rejected', rejection: { level: 'commune', step: 'council' } });
      const boundary = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', NOMINEES.loThiHuong, 'commune.councilReview');
      await d.refuse(COMMUNE.secretary, boundary.id, { type: 'COUNCIL_REJECTED', counts: { members: 10, present: 10, yes: 8, no: 2, abstain: 0 } }, 422);
      expect((await d.step(COMMUNE.secretary, boundary.id, { type: 'COUNCIL_APPROVED', counts: { members: 10, present: 10, yes: 8, no: 2, abstain: 0 } })).state).toBe(
        'commune.awaitingSignature',
      );
    });
  });
});
