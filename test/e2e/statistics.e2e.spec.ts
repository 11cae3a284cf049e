import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import type { TestApp } from '../support/test-app';
import { AGENCY, ADMIN, addCalendarDays, COMMUNE, NOMINEES, PROVINCE, UNITS, vietnamToday } from './support/binh-lu-fixtures';
import { doiMoiSangTaoCampaign } from './support/campaign-fixtures';
import { startE2eApp } from './support/e2e-app';
import { badFields, expectErrorShape, expectStatus, nominationDriver, type NominationDriver, type NominationView } from './support/nomination-driver';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Workbooks are built and read back whole, and several callers are compared: more than the default 5 s on a busy machine.
jest.setTimeout(30_000);

interface StatisticsRow {
  keys: Record<string, string | number | null>;
  labels: Record<string, string>;
  count: number;
}

/** Reads an XLSX answer (supertest buffers it) with exceljs. */
async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  expectStatus(response, 200);
  expect(response.headers['content-type']).toContain(XLSX);
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The cells of a sheet's row whose cell under `labelHeader` reads `label`, by the headings of the table. */
function rowByLabel(sheet: ExcelJS.Worksheet, labelHeader: string, label: string): Record<string, unknown> {
  let headings: string[] | null = null;
  let found: Record<string, unknown> | null = null;
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((value) => (value === undefined ? null : value));
    if (!headings && values.includes(labelHeader)) headings = values.map(String);
    else if (headings && values[headings.indexOf(labelHeader)] === label) found = Object.fromEntries(headings.map((heading, index) => [heading, values[index]]));
  });
  if (!found) throw new Error(`No row "${label}" under "${labelHeader}" in sheet ${sheet.name}`);
  return found;
}

const binary = (response: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

function statisticsApi(t: TestApp) {
  const bearer = async (as: string) => `Bearer ${await t.tokenOf(as)}`;
  async function get(as: string, path: string, query: Record<string, string | number> = {}): Promise<Response> {
    return t.http().get(`/api/statistics${path}`).query(query).set('Authorization', await bearer(as));
  }
  async function ok(as: string, path: string, query: Record<string, string | number> = {}) {
    const response = await get(as, path, query);
    expectStatus(response, 200);
    return response.body;
  }
  async function xlsx(as: string, path: string, query: Record<string, string | number> = {}) {
    const response = await t.http().get(`/api/statistics${path}`).query(query).set('Authorization', await bearer(as)).buffer(true).parse(binary as never);
    return workbookOf(response);
  }
  async function grouped(as: string, groupBy: string, filters: Record<string, string | number> = {}) {
    const body = await ok(as, '/nominations', { groupBy, ...filters });
    return body as { total: number; rows: StatisticsRow[]; groupBy: string[] };
  }
  /** Every nomination the caller lists through GET /api/nominations (the scope the statistics must share). */
  async function listed(as: string, query: Record<string, string> = {}): Promise<NominationView[]> {
    const items: NominationView[] = [];
    for (let page = 1; ; page += 1) {
      const response = await t.http().get('/api/nominations').query({ ...query, page, pageSize: 100 }).set('Authorization', await bearer(as));
      expectStatus(response, 200);
      items.push(...response.body.items);
      if (items.length >= response.body.total) return items;
    }
  }
  return { get, ok, xlsx, grouped, listed };
}

/** `{ "form|state": count }` of grouped rows, and of listed nominations. */
const byKey = (rows: StatisticsRow[], dimensions: string[]) =>
  Object.fromEntries(rows.map((row) => [dimensions.map((dimension) => row.keys[dimension]).join('|'), row.count]));
function tally<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('statistics on the demo nominations', () => {
  let t: TestApp;
  let api: ReturnType<typeof statisticsApi>;
  const CALLERS = [ADMIN, COMMUNE.appraiser, COMMUNE.signer, PROVINCE.appraiser, AGENCY.appraiser, UNITS.truongTieuHoc.submitter, UNITS.banBinhLu.submitter, UNITS.vanPhongUbndTinh.submitter];

  beforeAll(async () => {
    t = await startE2eApp({ withDemoNominations: true });
    api = statisticsApi(t);
  }, 60_000);
  afterAll(() => t.close());

  describe('GET /api/statistics/nominations', () => {
    it('counts by form and state exactly what each caller lists, with the catalog’s and the workflow’s labels', async () => {
      for (const caller of CALLERS) {
        const items = await api.listed(caller);
        const stats = await api.grouped(caller, 'form,state');
        expect({ caller, total: stats.total }).toEqual({ caller, total: items.length });
        expect(byKey(stats.rows, ['form', 'state'])).toEqual(tally(items, (item) => `${item.formCode}|${item.state}`));
        for (const row of stats.rows) {
          const item = items.find((candidate) => candidate.formCode === row.keys.form && candidate.state === row.keys.state)!;
          expect(row.labels).toEqual({ form: item.formName, state: item.statusLabel });
        }
      }
      expect((await api.listed(ADMIN)).length).toBeGreaterThan(6);
    });

    it('scopes like the list: a unit sees only its own, the commune its units’, another organization nothing of them', async () => {
      const units = await Promise.all(
        [UNITS.truongTieuHoc, UNITS.banBinhLu, UNITS.htxNongNghiep, UNITS.congTyChe, UNITS.trungTamDichVu].map((unit) => t.organizationId(unit.name)),
      );
      const truong = await api.grouped(UNITS.truongTieuHoc.submitter, 'organization');
      expect(truong.rows.map((row) => row.keys.organization)).toEqual([units[0]]);
      expect(truong.rows[0].labels.organization).toBe(UNITS.truongTieuHoc.name);

      const commune = await api.grouped(COMMUNE.appraiser, 'organization');
      const seen = commune.rows.map((row) => row.keys.organization as string);
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expect(seen.every((id) => units.includes(id))).toBe(true);

      const agency = await api.grouped(AGENCY.appraiser, 'organization');
      expect(agency.total).toBeGreaterThan(0);
      expect(agency.rows.some((row) => units.includes(row.keys.organization as string))).toBe(false);
      // Naming another unit does not widen a scope.
      expect((await api.grouped(UNITS.banBinhLu.submitter, '', { organizationId: units[0] })).total).toBe(0);
      expect((await api.grouped(AGENCY.appraiser, '', { organizationId: units[0] })).total).toBe(0);
    });

    it('filters by form, state (a level matches its steps), year and days of submission in Vietnam time', async () => {
      const items = await api.listed(COMMUNE.appraiser);
      const count = (predicate: (item: NominationView) => boolean) => items.filter(predicate).length;
      const total = async (filters: Record<string, string | number>) => (await api.grouped(COMMUNE.appraiser, '', filters)).total;
      expect(await total({ formCode: 'giay-khen-chu-tich-xa' })).toBe(count((item) => item.formCode === 'giay-khen-chu-tich-xa'));
      expect(await total({ state: 'commune' })).toBe(count((item) => item.state.startsWith('commune.')));
      expect(await total({ state: 'commune' })).toBeGreaterThan(0);
      expect(await total({ year: 2026 })).toBe(count((item) => item.awardYear === 2026));
      expect(await total({ year: 2019 })).toBe(0);
      const today = vietnamToday();
      expect(await total({ from: today, to: today })).toBe(count((item) => !!item.submittedAt));
      expect(await total({ from: addCalendarDays(today, 1) })).toBe(0);
      expect(await total({ to: addCalendarDays(today, -1) })).toBe(0);
    });

    it('groups by year, month, campaign and review with Vietnamese labels', async () => {
      const items = await api.listed(UNITS.truongTieuHoc.submitter);
      const stats = await api.grouped(UNITS.truongTieuHoc.submitter, 'year,month,campaign,review');
      const month = vietnamToday().slice(0, 7);
      const submitted = items.filter((item) => item.submittedAt).length;
      const current = stats.rows.find((row) => row.keys.month === month)!;
      expect(current).toMatchObject({
        count: submitted,
        keys: { year: 2026, month, campaign: null, review: null },
        labels: {
          year: 'Năm 2026',
          month: `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`,
          campaign: 'Khen thưởng hằng năm (không thuộc phong trào)',
          review: 'Không thuộc đợt sơ kết, tổng kết',
        },
      });
      // Drafts have no month of submission: they come last.
      const drafts = items.length - submitted;
      if (drafts) expect(stats.rows.at(-1)).toMatchObject({ count: drafts, keys: { month: null }, labels: { month: 'Chưa gửi hồ sơ' } });
      expect(stats.total).toBe(items.length);
    });

    it('answers 400 naming each bad parameter', async () => {
      const cases: Array<[Record<string, string>, string[]]> = [
        [{ groupBy: 'form,unit' }, ['groupBy']],
        [{ groupBy: 'state,state' }, ['groupBy']],
        [{ from: '2026-02-30' }, ['from']],
        [{ from: '2026-13-01', to: 'hôm nay' }, ['from', 'to']],
        [{ from: '2026-06-01', to: '2026-05-31' }, ['from', 'to']],
        [{ year: '26' }, ['year']],
        [{ review: 'quarterly' }, ['review']],
        [{ format: 'pdf' }, ['format']],
        [{ colour: 'red' }, ['colour']],
      ];
      for (const [query, fields] of cases) {
        const body = expectErrorShape(await api.get(COMMUNE.appraiser, '/nominations', query), 400);
        expect({ query, fields: badFields(body).sort() }).toEqual({ query, fields: [...fields].sort() });
      }
      expect(badFields(expectErrorShape(await api.get(COMMUNE.appraiser, '/dashboard', { format: 'csv' }), 400))).toEqual(['format']);
      expectErrorShape(await t.http().get('/api/statistics/nominations'), 401);
    });

    it('exports the grouped counts to XLSX with the right total', async () => {
      const stats = await api.grouped(COMMUNE.appraiser, 'form');
      for (const [path, query] of [['/nominations.xlsx', { groupBy: 'form' }], ['/nominations', { groupBy: 'form', format: 'xlsx' }]] as const) {
        const workbook = await api.xlsx(COMMUNE.appraiser, path, query);
        const sheet = workbook.worksheets[0];
        expect(sheet.name).toBe('Thống kê');
        expect(sheet.getCell('A1').value).toBe('THỐNG KÊ HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG');
        expect(rowByLabel(sheet, 'Hình thức, danh hiệu', 'Tổng cộng')['Số hồ sơ']).toBe(stats.total);
        for (const row of stats.rows) expect(rowByLabel(sheet, 'Hình thức, danh hiệu', row.labels.form)['Số hồ sơ']).toBe(row.count);
      }
    });
  });

  describe('GET /api/statistics/dashboard', () => {
    it('draws the caller’s scope by state and level, form, organization and month, with the overdue and soon-due lists', async () => {
      for (const caller of [ADMIN, COMMUNE.appraiser, UNITS.banBinhLu.submitter, PROVINCE.appraiser]) {
        const items = await api.listed(caller);
        const dashboard = await api.ok(caller, '/dashboard');
        expect(dashboard.total).toBe(items.length);
        expect(Object.fromEntries(dashboard.byState.map((row: { state: string; count: number }) => [row.state, row.count]))).toEqual(tally(items, (item) => item.state));
        expect(dashboard.byStateGroup.reduce((sum: number, group: { count: number }) => sum + group.count, 0)).toBe(items.length);
        expect(Object.fromEntries(dashboard.byForm.map((row: { formCode: string; count: number }) => [row.formCode, row.count]))).toEqual(tally(items, (item) => item.formCode));
        expect(Object.fromEntries(dashboard.byOrganization.map((row: { organizationId: string; count: number }) => [row.organizationId, row.count]))).toEqual(
          tally(items, (item) => item.organizationId),
        );
        expect(dashboard.byMonth).toHaveLength(12);
        expect(dashboard.byMonth.at(-1)).toEqual({
          month: vietnamToday().slice(0, 7),
          label: expect.stringMatching(/^Tháng \d{1,2}\/\d{4}$/),
          count: items.filter((item) => item.submittedAt).length,
        });
        expect(dashboard.overdue.count).toBe((await api.listed(caller, { overdue: 'true' })).length);
        const dueSoon = await api.listed(caller, { dueWithinDays: '3' });
        expect(dashboard.dueSoon).toMatchObject({ withinDays: 3, count: dueSoon.length });
        expect(dashboard.dueSoon.items.map((item: { id: string }) => item.id).sort()).toEqual(dueSoon.slice(0, 10).map((item) => item.id).sort());
      }
      const commune = await api.ok(COMMUNE.appraiser, '/dashboard');
      expect(commune.byStateGroup.find((group: { group: string }) => group.group === 'commune')).toMatchObject({ label: 'Cấp xã' });
    });

    it('exports the dashboard to XLSX', async () => {
      const dashboard = await api.ok(COMMUNE.appraiser, '/dashboard');
      const workbook = await api.xlsx(COMMUNE.appraiser, '/dashboard.xlsx');
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Theo trạng thái',
        'Theo hình thức',
        'Theo đơn vị',
        'Theo tháng',
        `Quá hạn (${dashboard.overdue.count})`,
        `Sắp đến hạn (${dashboard.dueSoon.count})`,
      ]);
      expect(rowByLabel(workbook.getWorksheet('Theo trạng thái')!, 'Cấp, nhóm', 'Tổng cộng')['Số hồ sơ']).toBe(dashboard.total);
      expect(rowByLabel(workbook.getWorksheet('Theo đơn vị')!, 'Đơn vị đề nghị', 'Tổng cộng')['Số hồ sơ']).toBe(dashboard.total);
    });
  });

  describe('GET /api/statistics/organizations/:id/year/:year', () => {
    it('gives the commune’s yearly statistics of what it and its units proposed, as it sees them', async () => {
      const communeId = await t.organizationId(COMMUNE.name);
      const items = (await api.listed(COMMUNE.appraiser)).filter((item) => item.awardYear === 2026 && item.submittedAt);
      const report = await api.ok(COMMUNE.appraiser, `/organizations/${communeId}/year/2026`);
      expect(report.organization).toEqual({ id: communeId, name: COMMUNE.name, kind: 'commune' });
      expect(report.totals).toMatchObject({
        proposed: items.length,
        awarded: items.filter((item) => item.state === 'awarded').length,
        rejected: items.filter((item) => item.state === 'rejected').length,
        pending: items.filter((item) => !['awarded', 'rejected', 'withdrawn', 'revoked'].includes(item.state)).length,
      });
      expect(Object.fromEntries(report.byForm.map((row: { formCode: string; proposed: number }) => [row.formCode, row.proposed]))).toEqual(tally(items, (item) => item.formCode));
      const thuTuong = report.byForm.find((row: { formCode: string }) => row.formCode === 'bang-khen-thu-tuong');
      expect(thuTuong).toMatchObject({ formName: 'Bằng khen của Thủ tướng Chính phủ', grantingLevel: 'central', grantingLevelLabel: 'Cấp Trung ương' });
      expect(report.byNomineeKind.map((row: { label: string }) => row.label)).toEqual(['Cá nhân', 'Tập thể', 'Hộ gia đình']);
      expect(report.byNomineeKind.reduce((sum: number, row: { proposed: number }) => sum + row.proposed, 0)).toBe(items.length);
      expect((await api.ok(COMMUNE.appraiser, `/organizations/${communeId}/year/2025`)).totals.proposed).toBe(0);
    });

    it('is read by the organization and those above it only', async () => {
      const communeId = await t.organizationId(COMMUNE.name);
      const truongId = await t.organizationId(UNITS.truongTieuHoc.name);
      expectErrorShape(await api.get(UNITS.truongTieuHoc.submitter, `/organizations/${communeId}/year/2026`), 403);
      expectErrorShape(await api.get(AGENCY.appraiser, `/organizations/${communeId}/year/2026`), 403);
      expectErrorShape(await api.get(UNITS.banBinhLu.submitter, `/organizations/${truongId}/year/2026`), 403);
      const own = await api.ok(UNITS.truongTieuHoc.submitter, `/organizations/${truongId}/year/2026`);
      const ownItems = (await api.listed(UNITS.truongTieuHoc.submitter)).filter((item) => item.submittedAt);
      expect(own.totals.proposed).toBe(ownItems.length);
      expect((await api.ok(PROVINCE.appraiser, `/organizations/${truongId}/year/2026`)).organizationsIncluded).toBe(1);
      expect((await api.ok(ADMIN, `/organizations/${communeId}/year/2026`)).totals.proposed).toBeGreaterThanOrEqual(own.totals.proposed);
    });

    it('answers 404 for an unknown organization and 400 for a bad year', async () => {
      const communeId = await t.organizationId(COMMUNE.name);
      expectErrorShape(await api.get(ADMIN, '/organizations/3f1c7a52-0d0b-4d8e-9a55-6f3f0c2b7e11/year/2026'), 404);
      expectErrorShape(await api.get(ADMIN, '/organizations/khong-phai-ma/year/2026'), 404);
      expect(badFields(expectErrorShape(await api.get(COMMUNE.appraiser, `/organizations/${communeId}/year/hai-nghin`), 400))).toEqual(['year']);
      expect(badFields(expectErrorShape(await api.get(COMMUNE.appraiser, `/organizations/${communeId}/year/2026`, { format: 'doc' }), 400))).toEqual(['format']);
    });

    it('exports the yearly table to XLSX with the totals of the JSON', async () => {
      const communeId = await t.organizationId(COMMUNE.name);
      const report = await api.ok(COMMUNE.appraiser, `/organizations/${communeId}/year/2026`);
      for (const [path, query] of [[`/organizations/${communeId}/year/2026.xlsx`, {}], [`/organizations/${communeId}/year/2026`, { format: 'xlsx' }]] as const) {
        const workbook = await api.xlsx(COMMUNE.appraiser, path, query);
        const sheet = workbook.getWorksheet('Theo hình thức')!;
        expect(sheet.getCell('A1').value).toBe('SỐ LIỆU KHEN THƯỞNG NĂM 2026');
        expect(sheet.getCell('A2').value).toBe(COMMUNE.name);
        const total = rowByLabel(sheet, 'Hình thức, danh hiệu', 'Tổng cộng');
        expect(total).toMatchObject({ 'Đề nghị': report.totals.proposed, 'Được khen thưởng': report.totals.awarded, 'Đang xét': report.totals.pending });
        for (const row of report.byForm) expect(rowByLabel(sheet, 'Hình thức, danh hiệu', row.formName)['Đề nghị']).toBe(row.proposed);
        expect(workbook.worksheets.map((candidate) => candidate.name)).toEqual(['Theo hình thức', 'Theo cấp khen thưởng', 'Theo đối tượng']);
      }
    });
  });
});

describe('statistics of a campaign and a year, driven step by step', () => {
  let t: TestApp;
  let d: NominationDriver;
  let api: ReturnType<typeof statisticsApi>;
  let campaign: { id: string; title: string };
  const made: Record<string, NominationView> = {};

  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
    api = statisticsApi(t);
    const created = await t.http().post('/api/campaigns').set('Authorization', await d.bearer(COMMUNE.appraiser)).send(doiMoiSangTaoCampaign());
    expectStatus(created, 201);
    campaign = created.body;
    const inCampaign = { campaignId: campaign.id, campaignReview: 'midterm' };
    const drafted = async (key: string, as: string, formCode: string, nominee: Record<string, unknown>, extra: Record<string, unknown> = inCampaign) => {
      made[key] = await d.draft(as, formCode, nominee, extra);
    };
    await drafted('huong', UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong);
    await drafted('nga', UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.luongThiNga);
    await drafted('pieng', UNITS.banBinhLu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.deoVanPieng);
    await drafted('htx', UNITS.htxNongNghiep.submitter, 'giay-khen-chu-tich-xa', NOMINEES.htxNongNghiep);
    await drafted('hai', UNITS.congTyChe.submitter, 'giay-khen-chu-tich-xa', NOMINEES.nguyenVanHai);
    await drafted('pao', UNITS.trungTamDichVu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.sungAPao);
    await drafted('xuan', UNITS.htxNongNghiep.submitter, 'lao-dong-tien-tien', NOMINEES.tongThiXuan, {});
    for (const key of ['huong', 'pieng', 'htx', 'xuan']) made[key] = await d.advanceTo(made[key].id, 'awarded');
    made.hai = await d.advanceTo(made.hai.id, 'commune.appraisal');
    await d.advanceTo(made.nga.id, 'commune.appraisal');
    made.nga = await d.step(COMMUNE.appraiser, made.nga.id, { type: 'APPRAISAL_REJECTED', reason: 'Thành tích chưa đủ tiêu chuẩn Giấy khen' });
  }, 180_000);
  afterAll(() => t.close());

  it('built the nominations it counts', () => {
    expect(Object.fromEntries(Object.entries(made).map(([key, view]) => [key, view.state]))).toEqual({
      huong: 'awarded',
      nga: 'rejected',
      pieng: 'awarded',
      htx: 'awarded',
      hai: 'commune.appraisal',
      pao: 'draft',
      xuan: 'awarded',
    });
  });

  it('summarizes the sơ kết per allowed form, per unit, collectives and individuals', async () => {
    const summary = await api.ok(COMMUNE.appraiser, `/campaigns/${campaign.id}/summary`, { review: 'midterm' });
    expect(summary).toMatchObject({ campaign: { id: campaign.id, title: campaign.title }, review: 'midterm', reviewLabel: 'Sơ kết' });
    expect(summary.totals).toMatchObject({ proposed: 5, awarded: 3, rejected: 1, pending: 1, withdrawn: 0 });
    expect(summary.byForm.map((row: { formCode: string; proposed: number; awarded: number; allowedByReview: boolean }) => [row.formCode, row.allowedByReview, row.proposed, row.awarded])).toEqual([
      ['bang-khen-thu-tuong', true, 0, 0],
      ['giay-khen-chu-tich-xa', true, 5, 3],
    ]);
    expect(summary.totals.byKind.collective).toMatchObject({ proposed: 1, awarded: 1 });
    expect(summary.totals.byKind.individual).toMatchObject({ proposed: 4, awarded: 2, rejected: 1, pending: 1 });
    const units = Object.fromEntries(summary.byOrganization.map((row: { organizationName: string; proposed: number; awarded: number }) => [row.organizationName, [row.proposed, row.awarded]]));
    expect(units).toEqual({
      [UNITS.truongTieuHoc.name]: [2, 1],
      [UNITS.banBinhLu.name]: [1, 1],
      [UNITS.htxNongNghiep.name]: [1, 1],
      [UNITS.congTyChe.name]: [1, 0],
    });
    const final = await api.ok(COMMUNE.appraiser, `/campaigns/${campaign.id}/summary`, { review: 'final' });
    expect(final.totals.proposed).toBe(0);
    expect(final.byForm).toHaveLength(6);
    expect((await api.ok(COMMUNE.appraiser, `/campaigns/${campaign.id}/summary`)).totals.proposed).toBe(5);
  });

  it('shows a unit only its own part of the campaign, and refuses an organization outside it', async () => {
    const own = await api.ok(UNITS.truongTieuHoc.submitter, `/campaigns/${campaign.id}/summary`, { review: 'midterm' });
    expect(own.totals).toMatchObject({ proposed: 2, awarded: 1, rejected: 1 });
    expect((await api.ok(UNITS.trungTamDichVu.submitter, `/campaigns/${campaign.id}/summary`)).totals.proposed).toBe(0);
    expectErrorShape(await api.get(AGENCY.appraiser, `/campaigns/${campaign.id}/summary`), 403);
    expectErrorShape(await api.get(COMMUNE.appraiser, '/campaigns/3f1c7a52-0d0b-4d8e-9a55-6f3f0c2b7e11/summary'), 404);
    expect(badFields(expectErrorShape(await api.get(COMMUNE.appraiser, `/campaigns/${campaign.id}/summary`, { review: 'giua-ky' }), 400))).toEqual(['review']);
  });

  it('exports the summary to XLSX with the totals', async () => {
    const workbook = await api.xlsx(COMMUNE.appraiser, `/campaigns/${campaign.id}/summary.xlsx`, { review: 'midterm' });
    const sheet = workbook.getWorksheet('Theo hình thức')!;
    expect(sheet.getCell('A1').value).toBe('SƠ KẾT KHEN THƯỞNG PHONG TRÀO THI ĐUA');
    expect(sheet.getCell('A2').value).toBe(campaign.title);
    expect(rowByLabel(sheet, 'Hình thức, danh hiệu', 'Tổng cộng')).toMatchObject({ 'Đề nghị': 5, 'Được khen thưởng': 3, 'Không được khen thưởng': 1, 'Đang xét': 1, 'Tập thể được khen thưởng': 1 });
    expect(rowByLabel(workbook.getWorksheet('Theo đơn vị')!, 'Đơn vị đề nghị', UNITS.truongTieuHoc.name)).toMatchObject({ 'Đề nghị': 2, 'Được khen thưởng': 1 });
  });

  it('counts by campaign and review under the campaign’s title', async () => {
    const stats = await api.grouped(COMMUNE.appraiser, 'campaign,review,state');
    expect(stats.rows.map((row) => [row.labels.campaign, row.labels.review, row.keys.state, row.count])).toEqual([
      [campaign.title, 'Sơ kết', 'commune.appraisal', 1],
      [campaign.title, 'Sơ kết', 'awarded', 3],
      [campaign.title, 'Sơ kết', 'rejected', 1],
      ['Khen thưởng hằng năm (không thuộc phong trào)', 'Không thuộc đợt sơ kết, tổng kết', 'awarded', 1],
    ]);
    expect((await api.grouped(COMMUNE.appraiser, '', { campaignId: campaign.id, review: 'midterm' })).total).toBe(5);
    expect((await api.grouped(COMMUNE.appraiser, '', { campaignId: campaign.id, review: 'final' })).total).toBe(0);
    // The unit still drafting sees its draft; nobody above does.
    expect((await api.grouped(UNITS.trungTamDichVu.submitter, 'state')).rows).toEqual([{ keys: { state: 'draft' }, labels: { state: 'Đang soạn hồ sơ' }, count: 1 }]);
  });

  it('gives the commune’s yearly statistics: per form, by kind, by granting level, the direct workers', async () => {
    const communeId = await t.organizationId(COMMUNE.name);
    const report = await api.ok(COMMUNE.signer, `/organizations/${communeId}/year/${made.huong.awardYear}`);
    expect(report.organizationsIncluded).toBe(6);
    expect(report.totals).toMatchObject({ proposed: 6, awarded: 4, rejected: 1, pending: 1 });
    expect(report.byForm.map((row: { formName: string; categoryLabel: string; proposed: number; awarded: number }) => [row.formName, row.categoryLabel, row.proposed, row.awarded])).toEqual([
      ['Lao động tiên tiến', 'Danh hiệu thi đua', 1, 1],
      ['Giấy khen của Chủ tịch UBND xã', 'Hình thức khen thưởng', 5, 3],
    ]);
    expect(report.byGrantingLevel).toEqual([expect.objectContaining({ level: 'commune', label: 'Cấp xã', proposed: 6, awarded: 4 })]);
    expect(report.byNomineeKind.map((row: { kind: string; awarded: number }) => [row.kind, row.awarded])).toEqual([
      ['individual', 3],
      ['collective', 1],
      ['household', 0],
    ]);
    // Đèo Văn Piêng (trưởng bản) and Tòng Thị Xuân (giám đốc HTX) are công nhân, nông dân in the registry.
    expect(report.directWorkers).toMatchObject({ proposed: 2, awarded: 2 });
    const unit = await api.ok(UNITS.trungTamDichVu.submitter, `/organizations/${await t.organizationId(UNITS.trungTamDichVu.name)}/year/${made.huong.awardYear}`);
    expect(unit.totals.proposed).toBe(0);
  });

  it('lists a dossier whose step is past its due date as overdue, with its unit and step', async () => {
    const today = vietnamToday();
    const setDueDate = (id: string, dueDate: string) => t.dataSource.getRepository(NominationEntity).update(id, { dueDate });
    // The office's appraisal deadline passes: the due date moves back, as days going by would move today forward.
    await setDueDate(made.hai.id, addCalendarDays(today, -2));
    const dashboard = await api.ok(COMMUNE.appraiser, '/dashboard');
    expect(dashboard.overdue).toEqual({
      count: 1,
      items: [
        {
          id: made.hai.id,
          formCode: 'giay-khen-chu-tich-xa',
          formName: 'Giấy khen của Chủ tịch UBND xã',
          nomineeName: NOMINEES.nguyenVanHai.fullName,
          nomineeKind: 'individual',
          organizationId: await t.organizationId(UNITS.congTyChe.name),
          organizationName: UNITS.congTyChe.name,
          state: 'commune.appraisal',
          statusLabel: 'Đang thẩm định hồ sơ (cấp xã)',
          dueDate: addCalendarDays(today, -2),
          daysOverdue: 2,
        },
      ],
    });
    expect(dashboard.dueSoon.items.some((item: { id: string }) => item.id === made.hai.id)).toBe(false);
    expect((await api.ok(UNITS.congTyChe.submitter, '/dashboard')).overdue.count).toBe(1);
    expect((await api.ok(UNITS.truongTieuHoc.submitter, '/dashboard')).overdue.count).toBe(0);
    const workbook = await api.xlsx(COMMUNE.appraiser, '/dashboard', { format: 'xlsx' });
    expect(rowByLabel(workbook.getWorksheet('Quá hạn (1)')!, 'Đối tượng', NOMINEES.nguyenVanHai.fullName)).toMatchObject({ 'Số ngày quá hạn': 2, 'Đơn vị đề nghị': UNITS.congTyChe.name });

    await setDueDate(made.hai.id, addCalendarDays(today, 3));
    const later = await api.ok(COMMUNE.appraiser, '/dashboard');
    expect(later.overdue.count).toBe(0);
    expect(later.dueSoon.items.find((item: { id: string }) => item.id === made.hai.id)).toMatchObject({ dueDate: addCalendarDays(today, 3), daysOverdue: -3 });
  });

  it('puts the submissions in this month of the dashboard', async () => {
    const dashboard = await api.ok(COMMUNE.appraiser, '/dashboard');
    expect(dashboard.total).toBe(6);
    expect(dashboard.byMonth.at(-1).count).toBe(6);
    expect(dashboard.byMonth.slice(0, 11).every((month: { count: number }) => month.count === 0)).toBe(true);
    expect(dashboard.byStateGroup).toEqual([
      { group: 'commune', label: 'Cấp xã', count: 1 },
      { group: 'finished', label: 'Đã kết thúc', count: 5 },
    ]);
    expect(dashboard.dueSoon.count).toBe((await api.listed(COMMUNE.appraiser, { dueWithinDays: '3' })).length);
  });
});
