import { createHash } from 'node:crypto';
import { docxPackage, paragraph } from '../../src/councils/minutes/wordprocessing';
import { DOSSIER_FILES } from '../support/dossier-files';
import type { TestApp } from '../support/test-app';
import { addCalendarDays, AGENCY, COMMUNE, NEIGHBOURS, NOMINEES, PROVINCE, UNITS, vietnamToday } from './support/binh-lu-fixtures';
import { doiMoiSangTaoCampaign, monthDay, PLAN_FILES, planText } from './support/campaign-fixtures';
import { startE2eApp } from './support/e2e-app';
import { badFields, expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

/**
 * Campaigns through HTTP: Bình Lư's Phòng Văn hóa – Xã hội keeps the commune's campaigns (phong trào thi đua), the
 * units under it and the province above read them; a campaign's sơ kết and tổng kết gate SUBMIT; the units' yearly
 * reports are tracked against the plan's due date; a plan is imported into a draft and confirmed.
 */
// The machine is shared: starting the app and a dossier's steps can take longer than Jest's 5 s.
jest.setTimeout(60_000);

const TODAY = vietnamToday();
const YEAR = Number(TODAY.slice(0, 4));
const OFFICE = COMMUNE.appraiser;
const SCHOOL = UNITS.truongTieuHoc.submitter;
const COOPERATIVE = UNITS.htxNongNghiep.submitter;
const VILLAGE = UNITS.banBinhLu.submitter;

const CAMPAIGN_KEYS = [
  'issuingOrganizationName',
  'planNumber',
  'planDate',
  'title',
  'legalBasis',
  'period',
  'phases',
  'reviews',
  'criteria',
  'responsibleOffices',
  'reportDuties',
] as const;

describe('campaigns (phong trào thi đua)', () => {
  let t: TestApp;
  let d: NominationDriver;
  let communeId: string;

  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
    communeId = await t.organizationId(COMMUNE.name);
  });
  afterAll(() => t.close());

  const auth = async (as: string) => `Bearer ${await t.tokenOf(as)}`;
  const post = async (as: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http().post(`/api/campaigns${path}`).set('Authorization', await auth(as)).set(headers).send(body as object);
  const get = async (as: string, path: string, query: Record<string, string | number> = {}) =>
    t.http().get(`/api/campaigns${path}`).set('Authorization', await auth(as)).query(query);
  const patch = async (as: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http().patch(`/api/campaigns${path}`).set('Authorization', await auth(as)).set(headers).send(body as object);

  async function createCampaign(body: Record<string, unknown> = doiMoiSangTaoCampaign(), as = OFFICE) {
    const response = await post(as, '', body);
    expectStatus(response, 201);
    return response.body;
  }

  async function campaignCount(as = OFFICE): Promise<number> {
    const response = await get(as, '');
    expectStatus(response, 200);
    return response.body.total;
  }

  describe('keeping and reading campaigns', () => {
    it("lets the commune's appraisal office create a campaign of its plan, and shows it whole", async () => {
      const definition = doiMoiSangTaoCampaign();
      const response = await post(OFFICE, '', definition);
      expectStatus(response, 201);
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/campaigns/${response.body.id}`);
      expect(response.body).toMatchObject({
        issuingOrganizationId: communeId,
        issuingOrganization: { name: COMMUNE.name, kind: 'commune' },
        title: definition.title,
        legalBasis: definition.legalBasis,
        period: definition.period,
        reviews: definition.reviews,
        status: 'active',
        openReview: 'midterm',
        version: 1,
        reportDuties: [{ index: 0, dueMonthDay: '11-10', recipient: 'UBND xã (qua Phòng Văn hóa – Xã hội)' }],
      });
      const read = await get(SCHOOL, `/${response.body.id}`);
      expectStatus(read, 200);
      expect(read.body).toEqual(response.body);
    });

    it('refuses a unit, or the appraisal office of another organization, with 403, and changes nothing', async () => {
      const before = await campaignCount();
      expect(expectErrorShape(await post(SCHOOL, '', doiMoiSangTaoCampaign()), 403).details.requiredRole).toBe('appraiser');
      expectErrorShape(await post(PROVINCE.appraiser, '', { ...doiMoiSangTaoCampaign(), issuingOrganizationId: communeId }), 403);
      expect(await campaignCount()).toBe(before);
    });

    it('lets an administrator create one for an organization it names', async () => {
      const created = await createCampaign({ ...doiMoiSangTaoCampaign(), issuingOrganizationId: communeId }, 'admin');
      expect(created.issuingOrganizationId).toBe(communeId);
    });

    it('answers 400 naming each bad field, an award form unknown to the rule set in force by its code', async () => {
      const before = await campaignCount();
      const definition = doiMoiSangTaoCampaign();
      definition.reviews[1].allowedFormCodes = ['bang-khen-chu-tich-tinh', 'giay-khen-cua-bo-truong'];
      const unknownForm = expectErrorShape(await post(OFFICE, '', definition), 400);
      expect(unknownForm.details.fields).toEqual([
        { field: 'reviews[1].allowedFormCodes[1]', problems: [expect.stringContaining('"giay-khen-cua-bo-truong"')] },
      ]);
      const { title: _title, ...untitled } = doiMoiSangTaoCampaign();
      const broken = expectErrorShape(
        await post(OFFICE, '', { ...untitled, period: { from: `${YEAR}-12-31`, to: `${YEAR}-01-01`, text: '' }, reportDuties: [{ reporters: 'các bản', recipient: 'UBND xã', dueMonthDay: '10/11' }] }),
        400,
      );
      expect(badFields(broken)).toEqual(expect.arrayContaining(['title', 'period.to', 'reportDuties[0].dueMonthDay']));
      expect(await campaignCount()).toBe(before);
    });

    it('is read by the units under the commune and the province above it, not by a provincial agency beside it', async () => {
      const created = await createCampaign();
      for (const reader of [SCHOOL, PROVINCE.appraiser, 'admin']) {
        const list = await get(reader, '');
        expectStatus(list, 200);
        expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.id);
      }
      const agencyList = await get(UNITS.vanPhongUbndTinh.submitter, '');
      expectStatus(agencyList, 200);
      expect(agencyList.body.items.map((item: { id: string }) => item.id)).not.toContain(created.id);
      expectErrorShape(await get(AGENCY.appraiser, `/${created.id}`), 403);
      expectErrorShape(await get(OFFICE, '/7d1f3c52-0e0b-4a57-9a5e-2f4f1c1f0a11'), 404);
      const filtered = await get(PROVINCE.appraiser, '', { issuingOrganizationId: communeId, status: 'active' });
      expectStatus(filtered, 200);
      expect(filtered.body.items.every((item: { issuingOrganizationId: string }) => item.issuingOrganizationId === communeId)).toBe(true);
    });

    it('edits under the optimistic lock: a stale If-Match is 409, a unit is 403, and neither changes anything', async () => {
      const created = await createCampaign();
      const duty = { ...created.reportDuties[0], dueMonthDay: '11-15' };
      delete duty.index;
      expectErrorShape(await patch(OFFICE, `/${created.id}`, { reportDuties: [duty] }, { 'If-Match': '"7"' }), 409);
      expectErrorShape(await patch(SCHOOL, `/${created.id}`, { reportDuties: [duty] }), 403);
      expect((await get(OFFICE, `/${created.id}`)).body).toMatchObject({ version: 1, reportDuties: [{ dueMonthDay: '11-10' }] });
      const edited = await patch(OFFICE, `/${created.id}`, { reportDuties: [duty], planNumber: '105/KH-UBND' }, { 'If-Match': '"1"' });
      expectStatus(edited, 200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body).toMatchObject({ version: 2, planNumber: '105/KH-UBND', reportDuties: [{ index: 0, dueMonthDay: '11-15' }], title: created.title });
    });

    it('lets one of two edits made on the same version through, and answers the other 409', async () => {
      const created = await createCampaign();
      const answers = await Promise.all(
        ['105/KH-UBND', '106/KH-UBND'].map((planNumber) => patch(OFFICE, `/${created.id}`, { planNumber }, { 'If-Match': '"1"' })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect((await get(OFFICE, `/${created.id}`)).body).toMatchObject({ version: 2, planNumber: winner.body.planNumber });
    });
  });

  describe('the review gate at SUBMIT', () => {
    it('refuses a nomination for a review that is not open today (422 campaign-review-open), naming it and its dates', async () => {
      const campaign = await createCampaign();
      const nomination = await d.draft(SCHOOL, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong, { campaignId: campaign.id, campaignReview: 'final' });
      expect(nomination).toMatchObject({ campaignId: campaign.id, campaignReview: 'final' });
      const refused = await d.refuse(SCHOOL, nomination.id, { type: 'SUBMIT' }, 422);
      const final = campaign.reviews[1].period;
      const vn = (date: string) => date.split('-').reverse().join('/');
      expect(refused.details).toMatchObject({ rule: 'campaign-review-open', review: 'final', from: final.from, to: final.to, day: TODAY });
      expect(refused.message).toContain('tổng kết');
      expect(refused.message).toContain(vn(final.from));
      expect(refused.message).toContain(vn(final.to));
      expect((await d.view(SCHOOL, nomination.id)).campaignReview).toBe('final');
    });

    it('refuses a form the open review does not allow (422 campaign-form-allowed), and changes nothing', async () => {
      const campaign = await createCampaign();
      const nomination = await d.draft(VILLAGE, 'bang-khen-chu-tich-tinh', NOMINEES.deoVanPieng, { campaignId: campaign.id });
      const refused = await d.refuse(VILLAGE, nomination.id, { type: 'SUBMIT' }, 422);
      expect(refused.details).toMatchObject({ rule: 'campaign-form-allowed', review: 'midterm', formCode: 'bang-khen-chu-tich-tinh', allowedFormCodes: ['bang-khen-thu-tuong', 'giay-khen-chu-tich-xa'] });
      expect(refused.message).toContain('Bằng khen của Chủ tịch UBND tỉnh');
      expect(refused.message).toContain('sơ kết');
      expect((await d.view(VILLAGE, nomination.id)).campaignReview).toBeNull();
    });

    it('lets an allowed form through in the open review, records that review, and filters lists by it', async () => {
      const campaign = await createCampaign();
      const nomination = await d.draft(COOPERATIVE, 'giay-khen-chu-tich-xa', NOMINEES.tongThiXuan, { campaignId: campaign.id });
      expect(nomination.campaignReview).toBeNull();
      const submitted = await d.step(COOPERATIVE, nomination.id, { type: 'SUBMIT' });
      expect(submitted).toMatchObject({ state: 'commune.received', campaignId: campaign.id, campaignReview: 'midterm' });
      const listed = await d.list(OFFICE, { campaignId: campaign.id, campaignReview: 'midterm' });
      expectStatus(listed, 200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([nomination.id]);
      const none = await d.list(OFFICE, { campaignId: campaign.id, campaignReview: 'final' });
      expect(none.body.total).toBe(0);
      expect(badFields(expectErrorShape(await d.list(OFFICE, { campaignReview: 'so-ket' }), 400))).toEqual(['campaignReview']);
      // Once submitted, the campaign and its review are fixed.
      const moved = await t.http().patch(`/api/nominations/${nomination.id}`).set('Authorization', await auth(COOPERATIVE)).send({ campaignReview: 'final' });
      expect(moved.status).toBe(409);
    });

    it('lets the unit change the campaign and review of its draft, and take it out of the campaign', async () => {
      const campaign = await createCampaign();
      const drafted = await d.draft(SCHOOL, 'giay-khen-chu-tich-xa', NEIGHBOURS[0], { criterion: 'thanh-tich-phong-trao' });
      const edit = async (body: object) => t.http().patch(`/api/nominations/${drafted.id}`).set('Authorization', await auth(SCHOOL)).send(body);
      expect(badFields(expectErrorShape(await edit({ campaignReview: 'final' }), 400))).toEqual(['campaignReview']);
      const joined = await edit({ campaignId: campaign.id, campaignReview: 'final' });
      expectStatus(joined, 200);
      expect(joined.body).toMatchObject({ campaignId: campaign.id, campaignReview: 'final', version: drafted.version + 1 });
      const left = await edit({ campaignId: null });
      expectStatus(left, 200);
      expect(left.body).toMatchObject({ campaignId: null, campaignReview: null });
      expect((await d.history(SCHOOL, drafted.id)).filter((entry) => entry.type === 'DRAFT_UPDATED')).toHaveLength(2);
    });

    it('checks nothing for an annual award outside any campaign', async () => {
      const annual = await d.draft(UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.sungAPao);
      expect(annual).toMatchObject({ campaignId: null, campaignReview: null });
      expect((await d.step(UNITS.trungTamDichVu.submitter, annual.id, { type: 'SUBMIT' })).state).toBe('commune.received');
    });

    it('refuses drafting within a campaign that is unknown, not a campaign id, or not of the unit (404, 400)', async () => {
      const agencyCampaign = await createCampaign({ ...doiMoiSangTaoCampaign(), issuingOrganizationName: AGENCY.name }, AGENCY.appraiser);
      const attempt = async (extra: Record<string, unknown>) =>
        t.http().post('/api/nominations').set('Authorization', await auth(SCHOOL)).send({ formCode: 'giay-khen-chu-tich-xa', criterion: 'thanh-tich-phong-trao', nominee: NEIGHBOURS[0], ...extra });
      const before = (await d.list(SCHOOL)).body.total;
      expect(expectErrorShape(await attempt({ campaignId: '5b0c2f8e-3d1a-4c6b-9f7e-1a2b3c4d5e6f' }), 404).details.field).toBe('campaignId');
      expect(expectErrorShape(await attempt({ campaignId: agencyCampaign.id }), 404).details.field).toBe('campaignId');
      expect(badFields(expectErrorShape(await attempt({ campaignId: 'phong-trao-doi-moi-sang-tao' }), 400))).toEqual(['campaignId']);
      expect(badFields(expectErrorShape(await attempt({ campaignReview: 'midterm' }), 400))).toEqual(['campaignReview']);
      expect((await d.list(SCHOOL)).body.total).toBe(before);
    });

    it('takes no nomination into a closed campaign, and refuses SUBMIT of one drafted before it closed', async () => {
      const campaign = await createCampaign();
      const nomination = await d.draft(SCHOOL, 'giay-khen-chu-tich-xa', NEIGHBOURS[5], { campaignId: campaign.id, criterion: 'thanh-tich-phong-trao' });
      const closed = await post(OFFICE, `/${campaign.id}/close`, {}, { 'If-Match': '"1"' });
      expectStatus(closed, 200);
      expect(closed.body).toMatchObject({ status: 'closed', version: 2, openReview: null });
      const refused = await d.refuse(SCHOOL, nomination.id, { type: 'SUBMIT' }, 422);
      expect(refused.details).toMatchObject({ rule: 'campaign-review-open', closed: true });
      const late = await t.http().post('/api/nominations').set('Authorization', await auth(SCHOOL)).send({
        formCode: 'giay-khen-chu-tich-xa',
        criterion: 'thanh-tich-phong-trao',
        nominee: NEIGHBOURS[0],
        campaignId: campaign.id,
      });
      expect(expectErrorShape(late, 422).details.rule).toBe('campaign-open');
      expectErrorShape(await patch(OFFICE, `/${campaign.id}`, { planNumber: '106/KH-UBND' }), 409);
    });
  });

  describe('yearly report duties', () => {
    /** Two duties of the year: one already due (10 days ago, or 1 January), one still to come (20 days on, or 31 December). */
    const pastDue = addCalendarDays(TODAY, -10) >= `${YEAR}-01-01` ? addCalendarDays(TODAY, -10) : `${YEAR}-01-01`;
    const futureDue = addCalendarDays(TODAY, 20) <= `${YEAR}-12-31` ? addCalendarDays(TODAY, 20) : `${YEAR}-12-31`;
    let campaign: { id: string };
    const reportPdf = (unit: string) => DOSSIER_FILES.pdf(`Báo cáo kết quả thực hiện Phong trào thi đua năm ${YEAR}`, [unit]);

    beforeAll(async () => {
      const definition = doiMoiSangTaoCampaign();
      definition.reportDuties = [
        { ...definition.reportDuties[0], dueMonthDay: monthDay(pastDue), description: 'Báo cáo tình hình triển khai thực hiện Phong trào thi đua' },
        { ...definition.reportDuties[0], dueMonthDay: monthDay(futureDue), description: 'Báo cáo khi sơ kết Phong trào thi đua' },
      ];
      campaign = await createCampaign(definition);
    });

    const submit = async (as: string, fields: Record<string, string>, file?: { content: Buffer; fileName: string }) => {
      const request = t.http().post(`/api/campaigns/${campaign.id}/reports`).set('Authorization', await auth(as));
      for (const [name, value] of Object.entries(fields)) request.field(name, value);
      if (file) request.attach('file', file.content, { filename: file.fileName, contentType: 'application/pdf' });
      return request;
    };

    it('files a report after its due date as late, before it as submitted, and shows the office every unit', async () => {
      const schoolFile = { content: reportPdf(UNITS.truongTieuHoc.name), fileName: `Báo cáo phong trào năm ${YEAR} - Trường Tiểu học Bình Lư.pdf` };
      const late = await submit(SCHOOL, { year: String(YEAR), duty: '0' }, schoolFile);
      expectStatus(late, 201);
      expect(late.body).toMatchObject({ status: 'late', dueDate: pastDue, version: 1, fileName: schoolFile.fileName, sha256: createHash('sha256').update(schoolFile.content).digest('hex') });
      const onTime = await submit(COOPERATIVE, { year: String(YEAR), duty: '1' }, { content: DOSSIER_FILES.docx('Báo cáo sơ kết phong trào', [UNITS.htxNongNghiep.name]), fileName: 'Báo cáo sơ kết.docx' });
      expectStatus(onTime, 201);
      expect(onTime.body).toMatchObject({ status: pastDue === futureDue ? 'late' : 'submitted', fileType: 'docx' });

      const status = await get(OFFICE, `/${campaign.id}/reports`, { year: YEAR });
      expectStatus(status, 200);
      const [first, second] = status.body.duties;
      expect(first.dueDate).toBe(pastDue);
      expect(first.items).toHaveLength(5);
      const byUnit = (items: Array<{ organizationName: string; status: string }>) => Object.fromEntries(items.map((item) => [item.organizationName, item.status]));
      expect(byUnit(first.items)).toEqual({
        [UNITS.truongTieuHoc.name]: 'late',
        [UNITS.banBinhLu.name]: 'missing',
        [UNITS.htxNongNghiep.name]: 'missing',
        [UNITS.congTyChe.name]: 'missing',
        [UNITS.trungTamDichVu.name]: 'missing',
      });
      expect(byUnit(second.items)[UNITS.htxNongNghiep.name]).toBe('submitted');
      expect(byUnit(second.items)[UNITS.banBinhLu.name]).toBe('pending');
      expect(status.body.counts).toEqual({ submitted: 1, late: 1, missing: 4, pending: 4 });

      const schoolRow = first.items.find((item: { organizationName: string }) => item.organizationName === UNITS.truongTieuHoc.name);
      const download = await t.http().get(schoolRow.report.contentUrl).set('Authorization', await auth(OFFICE)).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expectStatus(download, 200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
      expect(Buffer.compare(download.body as Buffer, schoolFile.content)).toBe(0);

      // A corrected report is a new version; the unit is still judged by when it first reported.
      const corrected = await submit(SCHOOL, { year: String(YEAR), duty: '0' }, { content: DOSSIER_FILES.xlsx('Báo cáo bổ sung', [['Nội dung', 'Kết quả']]), fileName: 'Báo cáo bổ sung.xlsx' });
      expectStatus(corrected, 201);
      expect(corrected.body).toMatchObject({ version: 2, status: 'late', fileType: 'xlsx' });
      const after = await get(OFFICE, `/${campaign.id}/reports`, { year: YEAR });
      const row = after.body.duties[0].items.find((item: { organizationName: string }) => item.organizationName === UNITS.truongTieuHoc.name);
      expect(row).toMatchObject({ status: 'late', submittedAt: late.body.submittedAt, report: { version: 2, fileName: 'Báo cáo bổ sung.xlsx' } });
      expect(after.body.counts).toEqual(status.body.counts);
    });

    it('shows a unit only its own reports, and the next year as not yet due', async () => {
      const own = await get(SCHOOL, `/${campaign.id}/reports`, { year: YEAR });
      expectStatus(own, 200);
      expect(own.body.duties[0].items.map((item: { organizationName: string }) => item.organizationName)).toEqual([UNITS.truongTieuHoc.name]);
      const next = await get(OFFICE, `/${campaign.id}/reports`, { year: YEAR + 1 });
      expectStatus(next, 200);
      expect(next.body.counts).toEqual({ submitted: 0, late: 0, missing: 0, pending: 10 });
      expectErrorShape(await get(OFFICE, `/${campaign.id}/reports`, { year: YEAR + 9 }), 400);
    });

    it('refuses a photo (415), a year outside the campaign, a missing file (400), an organization that owes nothing (422), an outsider (403)', async () => {
      const before = (await get(OFFICE, `/${campaign.id}/reports`, { year: YEAR })).body.counts;
      expectErrorShape(await submit(VILLAGE, { year: String(YEAR), duty: '0' }, { content: DOSSIER_FILES.png(), fileName: 'Ảnh chụp báo cáo.pdf' }), 415);
      const bad = expectErrorShape(await submit(VILLAGE, { year: String(YEAR + 1), duty: '4' }), 400);
      expect(badFields(bad)).toEqual(['file', 'year', 'duty']);
      expect(expectErrorShape(await submit(OFFICE, { year: String(YEAR), duty: '0' }, { content: reportPdf(COMMUNE.name), fileName: 'Báo cáo.pdf' }), 422).details.rule).toBe('campaign-report-owed');
      expectErrorShape(await submit(UNITS.vanPhongUbndTinh.submitter, { year: String(YEAR), duty: '0' }, { content: reportPdf(AGENCY.name), fileName: 'Báo cáo.pdf' }), 403);
      expect((await get(OFFICE, `/${campaign.id}/reports`, { year: YEAR })).body.counts).toEqual(before);
    });
  });

  describe('plan import', () => {
    const text = planText(PLAN_FILES.doiMoiSangTao);

    function docxOf(plan: string): Buffer {
      const body = plan
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => paragraph(line.replace(/[#*]/g, '').trim()))
        .join('');
      return docxPackage(body, { title: 'Kế hoạch', author: COMMUNE.name, at: new Date().toISOString() });
    }

    it('reads a plan sent as text into a stored draft: every field with its status and its sentences', async () => {
      const response = await post(OFFICE, '/import', { text });
      expectStatus(response, 201);
      expect(response.body).toMatchObject({ organizationId: communeId, status: 'open', sourceKind: 'text', campaignId: null });
      for (const key of CAMPAIGN_KEYS) {
        expect(['found', 'uncertain', 'not-found']).toContain(response.body.draft.fields[key].status);
        expect(Array.isArray(response.body.draft.fields[key].sources)).toBe(true);
      }
      expect(response.body.draft.fields.title.value).toContain('Đổi mới sáng tạo');
      const stored = await get(OFFICE, `/drafts/${response.body.id}`);
      expectStatus(stored, 200);
      expect(stored.body).toEqual(response.body);
      expectErrorShape(await get(SCHOOL, `/drafts/${response.body.id}`), 403);
    });

    it('reads the same plan from a .txt file and from a DOCX', async () => {
      const fromTxt = await t.http().post('/api/campaigns/import').set('Authorization', await auth(OFFICE)).attach('file', Buffer.from(text, 'utf8'), { filename: PLAN_FILES.doiMoiSangTao, contentType: 'text/plain' });
      expectStatus(fromTxt, 201);
      expect(fromTxt.body).toMatchObject({ sourceKind: 'text', sourceName: PLAN_FILES.doiMoiSangTao });
      const fromDocx = await t.http().post('/api/campaigns/import').set('Authorization', await auth(OFFICE)).attach('file', docxOf(text), { filename: 'Kế hoạch đổi mới sáng tạo.docx' });
      expectStatus(fromDocx, 201);
      expect(fromDocx.body.sourceKind).toBe('docx');
      expect(fromDocx.body.draft.fields.title.value).toContain('Đổi mới sáng tạo');
    });

    it('refuses a unit (403), no text (400), and a file that is neither text nor DOCX (415)', async () => {
      expectErrorShape(await post(SCHOOL, '/import', { text }), 403);
      expect(badFields(expectErrorShape(await post(OFFICE, '/import', { text: '   ' }), 400))).toEqual(['text']);
      expect(badFields(expectErrorShape(await post(OFFICE, '/import', {}), 400))).toEqual(['text']);
      const pdf = await t.http().post('/api/campaigns/import').set('Authorization', await auth(OFFICE)).attach('file', DOSSIER_FILES.pdf('Kế hoạch'), { filename: 'Kế hoạch.txt' });
      expectErrorShape(pdf, 415);
    });

    it('confirms a draft with every field present into a campaign, once', async () => {
      const imported = await post(OFFICE, '/import', { text });
      expectStatus(imported, 201);
      const fields = imported.body.draft.fields as Record<string, { value: unknown; status: string }>;
      const before = await campaignCount();
      const missing = expectErrorShape(await post(OFFICE, `/drafts/${imported.body.id}/confirm`, { title: fields.title.value }), 400);
      expect(badFields(missing)).toEqual(expect.arrayContaining(['period', 'reviews', 'reportDuties']));
      expect(await campaignCount()).toBe(before);

      // What the person confirming does: keeps what was read, fills in (from the plan) what was not.
      const fallback = doiMoiSangTaoCampaign() as Record<string, unknown>;
      const confirmed = Object.fromEntries(CAMPAIGN_KEYS.map((key) => [key, fields[key].status === 'not-found' || fields[key].value === null ? fallback[key] : fields[key].value]));
      const response = await post(OFFICE, `/drafts/${imported.body.id}/confirm`, confirmed);
      expectStatus(response, 201);
      expect(response.body).toMatchObject({ draftId: imported.body.id, issuingOrganizationId: communeId, status: 'active', title: confirmed.title });
      expect(await campaignCount()).toBe(before + 1);
      const draft = await get(OFFICE, `/drafts/${imported.body.id}`);
      expect(draft.body).toMatchObject({ status: 'confirmed', campaignId: response.body.id });
      expect(expectErrorShape(await post(OFFICE, `/drafts/${imported.body.id}/confirm`, confirmed), 409).code).toBe('DRAFT_CONFIRMED');
      expect(await campaignCount()).toBe(before + 1);
    });
  });
});
