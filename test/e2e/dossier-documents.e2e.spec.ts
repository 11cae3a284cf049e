import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { EntityManager } from 'typeorm';
import { DocumentStorage } from '../../src/dossiers/document-storage';
import { DossierDocumentEntity } from '../../src/dossiers/dossier-document.entity';
import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { DOSSIER_FILES, pdfOfSize } from '../support/dossier-files';
import { checklistOf, pdfFor, provideDocumentsFor, uploadDocument, type DocumentFile } from '../support/dossier-uploads';
import type { TestApp } from '../support/test-app';
import { COMMUNE, NOMINEES, PROVINCE, UNITS, addCalendarDays, vietnamToday } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

/** A small limit, so that "too large" is cheap to send; the default is 20 MB. */
const MAX_BYTES = 64 * 1024;

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Every file under a folder, recursively (the documents, and any temp file an upload left behind). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A download's body as bytes whatever its type (an error's body as JSON). */
function download(t: TestApp, authorization: string, url: string): Promise<Response> {
  return t
    .http()
    .get(url)
    .set('Authorization', authorization)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        callback(null, /json/.test(String(response.headers['content-type'])) ? JSON.parse(body.toString('utf8')) : body);
      });
    });
}

describe('the documents of a dossier', () => {
  let t: TestApp;
  let d: NominationDriver;
  const as = async (username: string) => d.bearer(username);
  const unit = UNITS.truongTieuHoc.submitter;

  beforeAll(async () => {
    t = await startE2eApp({ env: { DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  /** A draft of the school's with no document yet. */
  const emptyDraft = (formCode = 'giay-khen-chu-tich-xa', nominee: Record<string, unknown> = NOMINEES.loThiHuong, owner = unit) =>
    d.draft(owner, formCode, nominee, {}, { withDocuments: false });

  async function upload(username: string, nominationId: string, code: string, file: DocumentFile, fields: Record<string, string> = {}) {
    return uploadDocument(t, await as(username), nominationId, code, file, fields);
  }

  describe('upload and download', () => {
    it('stores a Word report under its Vietnamese name, with its SHA-256, and gives back the same bytes', async () => {
      const drafted = await emptyDraft();
      const content = DOSSIER_FILES.docx('Báo cáo thành tích', ['Lò Thị Hương, giáo viên Trường Tiểu học Bình Lư', 'Năm học 2025–2026']);
      const fileName = 'Báo cáo thành tích - Lò Thị Hương.docx';
      // The client's Content-Type is wrong on purpose: only the content counts.
      const created = await upload(unit, drafted.id, 'achievement-report', { content, fileName, contentType: 'application/octet-stream' });
      expectStatus(created, 201);
      expect(created.body).toMatchObject({
        nominationId: drafted.id,
        code: 'achievement-report',
        name: 'Báo cáo thành tích',
        level: 'commune',
        version: 1,
        current: true,
        fileName,
        fileType: 'docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: content.length,
        sha256: sha256(content),
        uploadedBy: { username: unit },
        nominationState: 'draft',
        nominationVersion: drafted.version + 1,
      });
      expect(created.headers.location).toBe(created.body.contentUrl);

      const response = await download(t, await as(unit), created.body.contentUrl);
      expectStatus(response, 200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="Bao cao thanh tich - Lo Thi Huong.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(response.body as Buffer, content)).toBe(0);
      expect(sha256(response.body as Buffer)).toBe(created.body.sha256);

      // The file is on disk under DOCUMENTS_DIR, never in the row, and never under the client's name.
      const [row] = await t.dataSource.getRepository(DossierDocumentEntity).findBy({ id: created.body.id });
      expect(row.storageKey).toBe(`${drafted.id}/${created.body.id}.docx`);
      expect(filesUnder(t.documentsDir)).toContain(join(t.documentsDir, drafted.id, `${created.body.id}.docx`));
      expect(Object.values(row).some((value) => Buffer.isBuffer(value))).toBe(false);

      // The upload is a step of the nomination's log: the version moves, the history tells who and what.
      const view = await d.view(unit, drafted.id);
      expect(view.version).toBe(drafted.version + 1);
      expect((await d.history(unit, drafted.id)).at(-1)).toMatchObject({
        seq: drafted.version,
        type: 'DOCUMENT_UPLOADED',
        actor: { username: unit },
        fromState: 'draft',
        toState: 'draft',
        payload: { documentId: created.body.id, code: 'achievement-report', level: 'commune', version: 1, fileName, sha256: sha256(content) },
      });
    });

    it('accepts PDF, DOCX, XLSX, JPEG and PNG by their content, whatever the name and Content-Type say', async () => {
      const drafted = await emptyDraft('giay-khen-chu-tich-xa', NOMINEES.luongThiNga);
      const files: Array<[DocumentFile, string]> = [
        [{ content: DOSSIER_FILES.pdf('Danh sách kèm theo'), fileName: 'danh-sach.txt', contentType: 'text/plain' }, 'application/pdf'],
        [{ content: DOSSIER_FILES.xlsx('Danh sách kèm theo', [['Lường Thị Nga']]), fileName: 'Danh sách.xlsx' }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        [{ content: DOSSIER_FILES.jpeg(), fileName: 'anh-chup.jpg', contentType: 'image/png' }, 'image/jpeg'],
        [{ content: DOSSIER_FILES.png(), fileName: 'con-dau.png' }, 'image/png'],
      ];
      for (const [file, contentType] of files) {
        const response = await upload(unit, drafted.id, 'annex-list', file);
        expectStatus(response, 201);
        expect(response.body.contentType).toBe(contentType);
      }
      const listed = await t.http().get(`/api/nominations/${drafted.id}/documents`).set('Authorization', await as(unit));
      expect(listed.body.items[0].current).toMatchObject({ fileName: 'con-dau.png', version: 4 });
      // A name whose extension lies is given the right one.
      expect(listed.body.items[0].earlierVersions.map((v: { fileName: string }) => v.fileName)).toEqual(['anh-chup.jpg', 'Danh sách.xlsx', 'danh-sach.txt.pdf']);
    });

    it('refuses a file named .pdf whose content is something else (415), and every impostor, storing nothing', async () => {
      const drafted = await emptyDraft('giay-khen-chu-tich-xa', NOMINEES.sungAPao, UNITS.trungTamDichVu.submitter);
      const before = { files: filesUnder(t.documentsDir).length, rows: await t.dataSource.getRepository(DossierDocumentEntity).count() };
      for (const file of [
        { content: DOSSIER_FILES.textNamedPdf('Báo cáo thành tích'), fileName: 'Báo cáo thành tích.pdf', contentType: 'application/pdf' },
        { content: DOSSIER_FILES.docxWithoutContentTypes(), fileName: 'Báo cáo.docx' },
        { content: DOSSIER_FILES.docxWithMacros(), fileName: 'Báo cáo.docx' },
        { content: DOSSIER_FILES.legacyDoc(), fileName: 'Báo cáo.doc' },
        { content: DOSSIER_FILES.zipOfScans(), fileName: 'scans.zip' },
        { content: DOSSIER_FILES.gif(), fileName: 'anh.gif' },
      ]) {
        const refused = expectErrorShape(await upload(UNITS.trungTamDichVu.submitter, drafted.id, 'achievement-report', file), 415);
        expect(refused).toMatchObject({ code: 'UNSUPPORTED_DOCUMENT_TYPE' });
        expect(refused.message).toContain('PDF, DOCX, XLSX, JPEG hoặc PNG');
      }
      expect(filesUnder(t.documentsDir)).toHaveLength(before.files);
      expect(await t.dataSource.getRepository(DossierDocumentEntity).count()).toBe(before.rows);
      expect((await d.view(UNITS.trungTamDichVu.submitter, drafted.id)).version).toBe(drafted.version);
    });

    it(`takes a file of exactly DOCUMENT_MAX_BYTES and refuses one byte more with 413`, async () => {
      const drafted = await emptyDraft('giay-khen-chu-tich-xa', NOMINEES.deoVanPieng, UNITS.banBinhLu.submitter);
      const fits = await upload(UNITS.banBinhLu.submitter, drafted.id, 'achievement-report', { content: pdfOfSize(MAX_BYTES), fileName: 'Báo cáo.pdf' });
      expectStatus(fits, 201);
      expect(fits.body.sizeBytes).toBe(MAX_BYTES);
      const before = filesUnder(t.documentsDir).length;
      const tooLarge = expectErrorShape(
        await upload(UNITS.banBinhLu.submitter, drafted.id, 'achievement-report', { content: pdfOfSize(MAX_BYTES + 1), fileName: 'Báo cáo.pdf' }),
        413,
      );
      expect(tooLarge).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', details: { maxBytes: MAX_BYTES } });
      expect(tooLarge.message).toContain('64 KB');
      const muchTooLarge = await upload(UNITS.banBinhLu.submitter, drafted.id, 'achievement-report', { content: pdfOfSize(MAX_BYTES * 8), fileName: 'Báo cáo.pdf' });
      expectErrorShape(muchTooLarge, 413);
      expect(filesUnder(t.documentsDir)).toHaveLength(before);
      expect((await d.view(UNITS.banBinhLu.submitter, drafted.id)).version).toBe(drafted.version + 1);
    });

    it('answers 400, naming the field, for a missing file, an empty file, an unknown code, or another file field', async () => {
      const drafted = await emptyDraft('gia-dinh-van-hoa', NOMINEES.hoOngTongVanPieng, UNITS.banBinhLu.submitter);
      const owner = await as(UNITS.banBinhLu.submitter);
      const noFile = expectErrorShape(await uploadDocument(t, owner, drafted.id, 'submission', undefined), 400);
      expect(noFile.details.fields).toEqual([{ field: 'file', problems: [expect.stringContaining('bắt buộc')] }]);
      const empty = expectErrorShape(await uploadDocument(t, owner, drafted.id, 'submission', { content: Buffer.alloc(0), fileName: 'Tờ trình.pdf' }), 400);
      expect(empty.details.fields).toEqual([{ field: 'file', problems: ['tệp rỗng'] }]);
      const unknown = expectErrorShape(await uploadDocument(t, owner, drafted.id, 'giay-chung-nhan', pdfFor('Giấy chứng nhận', drafted.id)), 400);
      expect(unknown.details.fields).toEqual([{ field: 'code', problems: [expect.stringContaining('không có loại tài liệu "giay-chung-nhan"')] }]);
      const noCode = expectErrorShape(await uploadDocument(t, owner, drafted.id, undefined, pdfFor('Tờ trình', drafted.id)), 400);
      expect(noCode.details.fields.map((field: { field: string }) => field.field)).toEqual(['code']);
      const otherField = await t
        .http()
        .post(`/api/nominations/${drafted.id}/documents`)
        .set('Authorization', owner)
        .field('code', 'submission')
        .attach('document', DOSSIER_FILES.pdf('Tờ trình'), 'To-trinh.pdf');
      expect(expectErrorShape(otherField, 400).details.fields).toEqual([{ field: 'document', problems: [expect.stringContaining('"file"')] }]);
      const json = await t.http().post(`/api/nominations/${drafted.id}/documents`).set('Authorization', owner).send({ code: 'submission' });
      expect(expectErrorShape(json, 400).details.fields.map((field: { field: string }) => field.field)).toEqual(['file']);
      expect((await d.view(UNITS.banBinhLu.submitter, drafted.id)).version).toBe(drafted.version);
      expectErrorShape(await uploadDocument(t, owner, '00000000-0000-4000-8000-000000000000', 'submission', pdfFor('Tờ trình', 'x')), 404);
    });

    it('takes If-Match like a step: an upload decided on a stale version is refused 409 and stores nothing', async () => {
      const drafted = await emptyDraft('giay-khen-chu-tich-xa', NOMINEES.sungAPao, UNITS.trungTamDichVu.submitter);
      const owner = UNITS.trungTamDichVu.submitter;
      const first = await upload(owner, drafted.id, 'submission', pdfFor('Tờ trình đề nghị khen thưởng', drafted.id), {});
      expect(first.body.nominationVersion).toBe(drafted.version + 1);
      const files = filesUnder(t.documentsDir).length;
      const stale = await uploadDocument(t, await as(owner), drafted.id, 'achievement-report', pdfFor('Báo cáo thành tích', drafted.id)).set('If-Match', `"${drafted.version}"`);
      expect(expectErrorShape(stale, 409)).toMatchObject({ code: 'VERSION_STALE', details: { currentVersion: drafted.version + 1 } });
      expect(filesUnder(t.documentsDir)).toHaveLength(files);
      const current = await uploadDocument(t, await as(owner), drafted.id, 'achievement-report', pdfFor('Báo cáo thành tích', drafted.id)).set('If-Match', `"${drafted.version + 1}"`);
      expectStatus(current, 201);
    });

    it('keeps every version of a replaced document: the new one is current, the earlier ones stay downloadable', async () => {
      const drafted = await emptyDraft('chien-si-thi-dua-co-so', NOMINEES.luongThiNga);
      const first = DOSSIER_FILES.pdf('Đơn đề nghị công nhận sáng kiến', ['Lường Thị Nga']);
      const second = DOSSIER_FILES.pdf('Quyết định công nhận sáng kiến số 12/QĐ-UBND', ['Lường Thị Nga']);
      const v1 = await upload(unit, drafted.id, 'initiative-proof', { content: first, fileName: 'Đơn đề nghị công nhận sáng kiến.pdf' });
      const v2 = await upload(unit, drafted.id, 'initiative-proof', { content: second, fileName: 'Quyết định công nhận sáng kiến 12-QĐ-UBND.pdf' });
      expectStatus(v2, 201);
      expect(v2.body).toMatchObject({ version: 2, current: true, level: 'commune' });
      await upload(unit, drafted.id, 'submission', pdfFor('Tờ trình đề nghị khen thưởng', drafted.id));

      const listed = await t.http().get(`/api/nominations/${drafted.id}/documents`).set('Authorization', await as(unit));
      expectStatus(listed, 200);
      expect(listed.body.items.map((item: { code: string }) => item.code)).toEqual(['submission', 'initiative-proof']);
      const proof = listed.body.items[1];
      expect(proof).toMatchObject({ code: 'initiative-proof', name: 'Văn bản công nhận sáng kiến, đề tài nghiên cứu', level: 'commune' });
      expect(proof.current).toMatchObject({ id: v2.body.id, version: 2, current: true, sha256: sha256(second) });
      expect(proof.earlierVersions).toEqual([expect.objectContaining({ id: v1.body.id, version: 1, current: false, sha256: sha256(first) })]);
      const old = await download(t, await as(unit), proof.earlierVersions[0].contentUrl);
      expect(sha256(old.body as Buffer)).toBe(sha256(first));

      // The checklist counts the current version.
      const checklist = await checklistOf(t, await as(unit), drafted.id);
      expect(checklist.items.find((item) => item.code === 'initiative-proof')).toMatchObject({ state: 'present', document: { id: v2.body.id, version: 2 } });
    });
  });

  describe('who may upload and read', () => {
    it("keeps another organization's users out: 403 to upload, to list, to read the checklist and to download", async () => {
      const drafted = await emptyDraft('giay-khen-chu-tich-xa', NOMINEES.loThiHuong);
      const created = await upload(unit, drafted.id, 'submission', pdfFor('Tờ trình đề nghị khen thưởng', drafted.id));
      expectStatus(created, 201);
      for (const outsider of [UNITS.banBinhLu.submitter, COMMUNE.appraiser, PROVINCE.appraiser, UNITS.vanPhongUbndTinh.submitter]) {
        expectErrorShape(await upload(outsider, drafted.id, 'submission', pdfFor('Tờ trình', drafted.id)), 403);
        expectErrorShape(await t.http().get(`/api/nominations/${drafted.id}/documents`).set('Authorization', await as(outsider)), 403);
        expectErrorShape(await t.http().get(`/api/nominations/${drafted.id}/documents/checklist`).set('Authorization', await as(outsider)), 403);
        expectErrorShape(await download(t, await as(outsider), created.body.contentUrl), 403);
      }
      expectErrorShape(await t.http().get(created.body.contentUrl), 401);
      // A document id of another nomination is not found under this one.
      const other = await d.draft(UNITS.banBinhLu.submitter, 'gia-dinh-van-hoa', NOMINEES.hoOngTongVanPieng);
      expectErrorShape(await download(t, await as(unit), `/api/nominations/${drafted.id}/documents/${(await t.dataSource.getRepository(DossierDocumentEntity).findOneByOrFail({ nominationId: other.id })).id}/content`), 404);
      expect((await d.history(unit, drafted.id)).filter((entry) => entry.type === 'DOCUMENT_UPLOADED')).toHaveLength(1);
    });

    it('lets the unit add documents in draft and when asked for a supplement, and the commune office its own, never the other way round', async () => {
      const inAppraisal = await d.nominationAt(unit, 'lao-dong-tien-tien', NOMINEES.loThiHuong, 'commune.appraisal');
      // Submitted: the dossier is the commune's to handle; the unit waits.
      const unitLate = expectErrorShape(await upload(unit, inAppraisal.id, 'achievement-report', pdfFor('Báo cáo thành tích', inAppraisal.id)), 403);
      expect(unitLate.message).toContain(COMMUNE.name);
      // The commune office files its council's minutes, but not the unit's report in the unit's place.
      expectStatus(await upload(COMMUNE.secretary, inAppraisal.id, 'council-minutes', pdfFor('Biên bản họp Hội đồng', inAppraisal.id)), 201);
      const notTheirs = expectErrorShape(await upload(COMMUNE.appraiser, inAppraisal.id, 'achievement-report', pdfFor('Báo cáo thành tích', inAppraisal.id)), 422);
      expect(notTheirs).toMatchObject({ details: { rule: 'document-provider', code: 'achievement-report' } });
      expect(notTheirs.message).toContain(UNITS.truongTieuHoc.name);

      await d.step(COMMUNE.appraiser, inAppraisal.id, {
        type: 'REQUEST_SUPPLEMENT',
        reason: 'Báo cáo thành tích chưa có xác nhận của Hiệu trưởng',
        items: ['Báo cáo thành tích'],
        dueDate: addCalendarDays(vietnamToday(), 7),
      });
      const replaced = await upload(unit, inAppraisal.id, 'achievement-report', pdfFor('Báo cáo thành tích có xác nhận của Hiệu trưởng', inAppraisal.id));
      expectStatus(replaced, 201);
      expect(replaced.body).toMatchObject({ version: 2, nominationState: 'commune.supplementRequested' });
      // A unit cannot slip in what the commune's council provides.
      const minutesFromUnit = expectErrorShape(await upload(unit, inAppraisal.id, 'council-minutes', pdfFor('Biên bản', inAppraisal.id)), 422);
      expect(minutesFromUnit.details.rule).toBe('document-provider');

      await d.step(unit, inAppraisal.id, { type: 'RESUBMIT', note: 'Đã bổ sung báo cáo thành tích có xác nhận' });
      const awarded = await d.advanceTo(inAppraisal.id, 'awarded');
      const closed = expectErrorShape(await upload(unit, awarded.id, 'annex-list', pdfFor('Danh sách', awarded.id)), 409);
      expect(closed).toMatchObject({ code: 'DOCUMENTS_CLOSED' });
    });
  });

  describe('completeness, checked by the steps the rule set names', () => {
    it('refuses SUBMIT while the Tờ trình or the báo cáo thành tích is missing, listing each by its Vietnamese name, then accepts it', async () => {
      const drafted = await emptyDraft('chien-si-thi-dua-co-so', NOMINEES.luongThiNga);
      const checklist = await checklistOf(t, await as(unit), drafted.id);
      expect(checklist).toMatchObject({ nominationState: 'draft', missing: 4 });
      expect(checklist.items.map(({ code, level, checkedAt, state, checkedFromCurrentState }) => ({ code, level, checkedAt, state, checkedFromCurrentState }))).toEqual([
        { code: 'submission', level: 'commune', checkedAt: 'entry', state: 'missing', checkedFromCurrentState: true },
        { code: 'achievement-report', level: 'commune', checkedAt: 'entry', state: 'missing', checkedFromCurrentState: true },
        { code: 'council-minutes', level: 'commune', checkedAt: 'council', state: 'missing', checkedFromCurrentState: false },
        { code: 'initiative-proof', level: 'commune', checkedAt: 'entry', state: 'missing', checkedFromCurrentState: true },
      ]);
      expect(checklist.items[0].checks).toEqual([
        expect.objectContaining({ event: 'SUBMIT', state: 'draft' }),
        expect.objectContaining({ event: 'RESUBMIT', state: 'commune.supplementRequested' }),
        expect.objectContaining({ event: 'APPRAISAL_PASSED', state: 'commune.appraisal' }),
      ]);
      expect(checklist.items[2].checks).toEqual([expect.objectContaining({ event: 'SIGN', state: 'commune.awaitingSignature' })]);
      expect(checklist.items[2].providedBy).toMatchObject({ at: 'level', level: 'commune', organizationName: COMMUNE.name });

      const refused = await d.refuse(unit, drafted.id, { type: 'SUBMIT' }, 422);
      expect(refused.details).toEqual({
        rule: 'dossier-complete',
        event: 'SUBMIT',
        missing: [
          expect.objectContaining({ code: 'submission', name: 'Tờ trình đề nghị khen thưởng', level: 'commune', checkedAt: 'entry' }),
          expect.objectContaining({ code: 'achievement-report', name: 'Báo cáo thành tích', level: 'commune' }),
          expect.objectContaining({ code: 'initiative-proof', name: 'Văn bản công nhận sáng kiến, đề tài nghiên cứu', level: 'commune' }),
        ],
      });
      expect(refused.message).toBe(
        'Chưa thể "Gửi hồ sơ": hồ sơ còn thiếu Tờ trình đề nghị khen thưởng; Báo cáo thành tích; Văn bản công nhận sáng kiến, đề tài nghiên cứu',
      );

      await upload(unit, drafted.id, 'submission', pdfFor('Tờ trình đề nghị khen thưởng', drafted.id));
      await upload(unit, drafted.id, 'achievement-report', { content: DOSSIER_FILES.docx('Báo cáo thành tích'), fileName: 'Báo cáo thành tích.docx' });
      const still = await d.refuse(unit, drafted.id, { type: 'SUBMIT' }, 422);
      expect(still.details.missing.map((item: { code: string }) => item.code)).toEqual(['initiative-proof']);
      await upload(unit, drafted.id, 'initiative-proof', pdfFor('Quyết định công nhận sáng kiến', drafted.id));
      expect((await d.send(unit, drafted.id, { type: 'SUBMIT' })).status).toBe(200);
      expect((await checklistOf(t, await as(unit), drafted.id)).missing).toBe(1); // the council's minutes, at its signature
    });

    it("refuses the commune's SIGN until its council's minutes are in, and its forwarding SIGN until its Tờ trình to the province is too", async () => {
      const awaiting = await d.nominationAt(UNITS.banBinhLu.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.banBinhLu, 'commune.councilReview');
      await d.send(COMMUNE.secretary, awaiting.id, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 9, no: 0, abstain: 0 } });
      const sign = { type: 'SIGN', number: '88/TTr-UBND' };
      const refused = await d.refuse(COMMUNE.signer, awaiting.id, sign, 422);
      expect(refused.details).toMatchObject({
        rule: 'dossier-complete',
        event: 'SIGN',
        missing: [
          { code: 'council-minutes', name: 'Biên bản họp Hội đồng Thi đua – Khen thưởng', level: 'commune', checkedAt: 'council' },
          { code: 'submission', name: 'Tờ trình đề nghị khen thưởng', level: 'province', checkedAt: 'entry' },
        ],
      });
      expect(refused.message).toContain('Biên bản họp Hội đồng Thi đua – Khen thưởng cấp xã; Tờ trình đề nghị khen thưởng gửi cấp tỉnh');

      expectStatus(await upload(COMMUNE.secretary, awaiting.id, 'council-minutes', pdfFor('Biên bản họp Hội đồng số 05/BB-HĐTĐKT', awaiting.id)), 201);
      const onlyMinutes = await d.refuse(COMMUNE.signer, awaiting.id, sign, 422);
      expect(onlyMinutes.details.missing.map((item: { code: string; level: string }) => `${item.code}@${item.level}`)).toEqual(['submission@province']);
      // The commune office's Tờ trình goes to the province: a new document, not a version of the unit's.
      const toProvince = await upload(COMMUNE.appraiser, awaiting.id, 'submission', pdfFor('Tờ trình số 88/TTr-UBND', awaiting.id));
      expect(toProvince.body).toMatchObject({ level: 'province', version: 1 });
      expect((await d.send(COMMUNE.signer, awaiting.id, sign)).status).toBe(200);
      const checklist = await checklistOf(t, await as(PROVINCE.appraiser), awaiting.id);
      expect(checklist.items.map((item) => `${item.code}@${item.level}:${item.state}`)).toEqual([
        'submission@commune:present',
        'achievement-report@commune:present',
        'council-minutes@commune:present',
        'submission@province:present',
      ]);
    });

    it("refuses the province's APPRAISAL_PASSED for an enterprise until its office has the other bodies' confirmations", async () => {
      const drafted = await d.draft(UNITS.congTyChe.submitter, 'bang-khen-thu-tuong', NOMINEES.congTyChe);
      const atProvince = await d.advanceTo(drafted.id, 'province.appraisal', { prepareNext: false });
      const refused = await d.refuse(PROVINCE.appraiser, atProvince.id, { type: 'APPRAISAL_PASSED' }, 422);
      expect(refused.details.missing.map((item: { code: string; name: string }) => [item.code, item.name])).toEqual([
        ['confirmation:tax', 'Xác nhận của cơ quan thuế'],
        ['confirmation:social-insurance', 'Xác nhận của cơ quan bảo hiểm xã hội'],
        ['confirmation:environment', 'Xác nhận của cơ quan quản lý môi trường'],
      ]);
      // Collected by the province's own office; the enterprise cannot file them for itself.
      expectErrorShape(await upload(UNITS.congTyChe.submitter, atProvince.id, 'confirmation:tax', pdfFor('Xác nhận của cơ quan thuế', atProvince.id)), 403);
      expect(await provideDocumentsFor(t, await as(PROVINCE.appraiser), atProvince.id, 'APPRAISAL_PASSED')).toBe(3);
      expect((await d.send(PROVINCE.appraiser, atProvince.id, { type: 'APPRAISAL_PASSED' })).status).toBe(200);
    });

    it("lets the commune office answer the province's supplement request with a new version of its minutes", async () => {
      const atProvince = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.htxNongNghiep, 'province.appraisal');
      await d.step(PROVINCE.appraiser, atProvince.id, {
        type: 'REQUEST_SUPPLEMENT',
        reason: 'Biên bản họp Hội đồng cấp xã chưa ghi kết quả bỏ phiếu',
        items: ['Biên bản họp Hội đồng Thi đua – Khen thưởng xã'],
        dueDate: addCalendarDays(vietnamToday(), 7),
      });
      expectErrorShape(await upload(UNITS.htxNongNghiep.submitter, atProvince.id, 'council-minutes', pdfFor('Biên bản', atProvince.id)), 403);
      const minutes = await upload(COMMUNE.appraiser, atProvince.id, 'council-minutes', pdfFor('Biên bản họp Hội đồng (bản bổ sung)', atProvince.id));
      expectStatus(minutes, 201);
      expect(minutes.body).toMatchObject({ level: 'commune', version: 2, nominationState: 'province.supplementRequested' });
      // The unit's own report too, replaced by the commune office on the unit's behalf.
      const report = await upload(COMMUNE.appraiser, atProvince.id, 'achievement-report', pdfFor('Báo cáo thành tích (bổ sung)', atProvince.id));
      expect(report.body).toMatchObject({ level: 'commune', version: 2 });
      expect((await d.send(COMMUNE.appraiser, atProvince.id, { type: 'RESUBMIT' })).status).toBe(200);
    });
  });

  describe('nothing half-stored', () => {
    async function snapshot(nominationId: string, owner: string) {
      return {
        files: filesUnder(t.documentsDir).sort(),
        rows: await t.dataSource.getRepository(DossierDocumentEntity).count(),
        events: await t.dataSource.getRepository(NominationEventEntity).countBy({ nominationId }),
        version: (await d.view(owner, nominationId)).version,
      };
    }

    it('leaves no file, no row, no log entry and no version bump when recording the document fails', async () => {
      const drafted = await emptyDraft('giay-khen-chu-tich-xa', NOMINEES.tongThiXuan, UNITS.htxNongNghiep.submitter);
      const before = await snapshot(drafted.id, UNITS.htxNongNghiep.submitter);
      const insert = EntityManager.prototype.insert;
      const failing = jest.spyOn(EntityManager.prototype, 'insert').mockImplementation(function (this: EntityManager, target, entity) {
        if (target === DossierDocumentEntity) return Promise.reject(new Error('the disk holding the database is full'));
        return insert.call(this, target, entity);
      });
      try {
        const response = await upload(UNITS.htxNongNghiep.submitter, drafted.id, 'submission', pdfFor('Tờ trình đề nghị khen thưởng', drafted.id));
        const body = expectErrorShape(response, 500);
        expect(body.message).not.toContain('disk');
      } finally {
        failing.mockRestore();
      }
      expect(await snapshot(drafted.id, UNITS.htxNongNghiep.submitter)).toEqual(before);
    });

    it('removes the file it had already moved into place when the transaction fails after that', async () => {
      const drafted = await emptyDraft('giay-khen-chu-tich-xa', NOMINEES.htxNongNghiep, UNITS.htxNongNghiep.submitter);
      const before = await snapshot(drafted.id, UNITS.htxNongNghiep.submitter);
      const storage = t.app.get(DocumentStorage);
      const place = storage.place.bind(storage);
      const placed: string[] = [];
      const failing = jest.spyOn(storage, 'place').mockImplementation(async (tempPath, storageKey) => {
        await place(tempPath, storageKey);
        placed.push(...filesUnder(t.documentsDir).filter((file) => file.endsWith(storageKey.split('/')[1])));
        throw new Error('the connection dropped before the commit');
      });
      try {
        expectErrorShape(await upload(UNITS.htxNongNghiep.submitter, drafted.id, 'submission', pdfFor('Tờ trình đề nghị khen thưởng', drafted.id)), 500);
      } finally {
        failing.mockRestore();
      }
      expect(placed).toHaveLength(1); // it was there…
      expect(await snapshot(drafted.id, UNITS.htxNongNghiep.submitter)).toEqual(before); // …and is gone, with the row
      expectStatus(await upload(UNITS.htxNongNghiep.submitter, drafted.id, 'submission', pdfFor('Tờ trình đề nghị khen thưởng', drafted.id)), 201);
    });
  });
});
