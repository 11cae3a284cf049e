import { NOMINATION_COLUMNS } from '../../workflows/spreadsheets';
import { DOSSIER_FILES } from '../support/dossier-files';
import type { TestApp } from '../support/test-app';
import { ADMIN, COMMUNE, NOMINEES, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';
import { binaryBody, fillTemplate, goodRow, openWorkbook, plainWorkbook, rowValues, type ListRow } from './support/nomination-lists-xlsx';

// Two imports of 200 rows and the app's start on a machine shared by other test files.
jest.setTimeout(120_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADINGS = NOMINATION_COLUMNS.map((column) => column.heading);

/**
 * Nomination lists in Excel: the template, an import of 200 rows by the commune's office for its units (5 of them
 * bad), dry runs, malformed files, a failure while writing, a unit importing for itself, and the export of a list.
 */
describe('nomination lists in XLSX', () => {
  let t: TestApp;
  let d: NominationDriver;
  let template: Buffer;

  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
    template = await download(COMMUNE.appraiser, '/api/nominations/import/template.xlsx');
  });
  afterAll(() => t.close());

  async function download(as: string, url: string, query: Record<string, string> = {}): Promise<Buffer> {
    const response = await t.http().get(url).query(query).set('Authorization', await d.bearer(as)).buffer(true).parse(binaryBody);
    expectStatus(response, 200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/);
    return response.body as Buffer;
  }

  async function upload(as: string, content: Buffer, { fileName = 'Danh sách đề nghị khen thưởng năm 2026.xlsx', dryRun = false } = {}) {
    const request = t.http().post('/api/nominations/import').set('Authorization', await d.bearer(as));
    if (dryRun) request.query({ dryRun: 'true' });
    return request.attach('file', content, fileName);
  }

  /** Rows of every table an import writes to, to show a refused import changed nothing. */
  async function counts() {
    const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return {
      nominations: await count('nominations'),
      events: await count('nomination_events'),
      access: await count('nomination_access'),
      nominees: await count('nominees'),
    };
  }

  /** The 200 rows of the commune's list: 195 good ones of its five units, and 5 bad ones, each bad differently. */
  const BAD_ROWS: Record<number, { change: ListRow; column: string; message: RegExp }> = {
    23: { change: { form: 'Bằng khen của Bộ trưởng Bộ Nông nghiệp và Môi trường' }, column: HEADINGS[1], message: /"Bằng khen của Bộ trưởng Bộ Nông nghiệp và Môi trường" không có trong danh mục hình thức khen thưởng/ },
    57: { change: { name: null }, column: 'Họ và tên / Tên tập thể', message: /^bắt buộc phải có/ },
    101: { change: { nomineeKind: 'Cá nhân', dateOfBirth: '31/02/1991' }, column: 'Ngày sinh', message: /"31\/02\/1991" không phải ngày hợp lệ \(ghi theo dạng dd\/mm\/yyyy/ },
    140: { change: { form: 'Lao động tiên tiến', nomineeKind: 'Tập thể', name: 'Tổ chăn nuôi bản Bình Lư', dateOfBirth: null, category: null, criterion: null }, column: HEADINGS[2], message: /^Lao động tiên tiến không xét cho tập thể; chỉ xét cho cá nhân$/ },
    188: { change: { organization: UNITS.vanPhongUbndTinh.name }, column: 'Đơn vị', message: /^"Văn phòng UBND tỉnh Lai Châu" không trực thuộc UBND xã Bình Lư$/ },
  };
  const listRows = (): ListRow[] =>
    Array.from({ length: 200 }, (_, index) => {
      const sheetRow = index + 2;
      const row = { index: index + 1, ...goodRow(index) };
      return BAD_ROWS[sheetRow] ? { ...row, ...BAD_ROWS[sheetRow].change } : row;
    });

  describe('the template', () => {
    it('has the list headings, the forms of the rule set in force, the nominee kinds and the units the office imports for', async () => {
      const workbook = await openWorkbook(template);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Danh sách đề nghị', 'Hình thức khen thưởng', 'Loại đối tượng', 'Đơn vị']);
      const list = workbook.getWorksheet('Danh sách đề nghị')!;
      expect(rowValues(list, 1)).toEqual(HEADINGS);
      expect(list.rowCount).toBe(1);

      const forms = await t.http().get('/api/award-forms').set('Authorization', await d.bearer(COMMUNE.appraiser));
      expectStatus(forms, 200);
      const catalog = forms.body.items as Array<{ code: string; name: string }>;
      const formSheet = workbook.getWorksheet('Hình thức khen thưởng')!;
      const headingRow = [...Array(formSheet.rowCount).keys()].map((i) => i + 1).find((n) => rowValues(formSheet, n)[0] === 'Mã')!;
      const listed = [...Array(formSheet.rowCount - headingRow).keys()].map((i) => rowValues(formSheet, headingRow + 1 + i).slice(0, 2));
      expect(listed).toEqual(catalog.map((form) => [form.code, form.name]));

      const kinds = workbook.getWorksheet('Loại đối tượng')!;
      expect(new Set([...Array(kinds.rowCount - 1).keys()].map((i) => rowValues(kinds, i + 2)[0]))).toEqual(new Set(['Cá nhân', 'Tập thể', 'Hộ gia đình']));

      const units = workbook.getWorksheet('Đơn vị')!;
      const unitNames = [...Array(units.rowCount).keys()].map((i) => rowValues(units, i + 1)[0]);
      for (const unit of [UNITS.truongTieuHoc, UNITS.banBinhLu, UNITS.htxNongNghiep, UNITS.congTyChe, UNITS.trungTamDichVu]) expect(unitNames).toContain(unit.name);
      expect(unitNames).not.toContain(UNITS.vanPhongUbndTinh.name);
      expect(unitNames).not.toContain(COMMUNE.name);
    });
  });

  describe('importing 200 rows of the commune’s list', () => {
    let file: Buffer;
    beforeAll(async () => {
      file = await fillTemplate(template, listRows());
    });

    it('a dry run reports what an import would do and creates nothing', async () => {
      const before = await counts();
      const response = await upload(COMMUNE.appraiser, file, { dryRun: true });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({ dryRun: true, total: 200, sheet: 'Danh sách đề nghị', headingRow: 1 });
      expect(response.body.accepted).toHaveLength(195);
      expect(response.body.accepted.every((row: { nominationId: unknown }) => row.nominationId === null)).toBe(true);
      expect(response.body.refused.map((row: { row: number }) => row.row)).toEqual([23, 57, 101, 140, 188]);
      expect(await counts()).toEqual(before);
    });

    it('creates exactly the 195 good rows as drafts of their units and reports the 5 bad ones with their reasons', async () => {
      const before = await counts();
      const started = Date.now();
      const response = await upload(COMMUNE.appraiser, file);
      const elapsed = Date.now() - started;
      expectStatus(response, 201);
      expect(elapsed).toBeLessThan(60_000);
      const report = response.body;
      expect(report).toMatchObject({ dryRun: false, total: 200, ignoredColumns: [] });
      expect(report.accepted).toHaveLength(195);
      expect(report.refused).toHaveLength(5);
      for (const refused of report.refused as Array<{ row: number; problems: Array<{ column: string; message: string }> }>) {
        const expected = BAD_ROWS[refused.row];
        expect(expected).toBeDefined();
        expect(refused.problems).toEqual([{ column: expected.column, message: expect.stringMatching(expected.message) }]);
      }

      const after = await counts();
      expect(after.nominations - before.nominations).toBe(195);
      expect(after.events - before.events).toBe(195);
      expect(after.access - before.access).toBe(195);
      const goodNominees = new Set(listRows().filter((_, index) => !BAD_ROWS[index + 2]).map((row) => `${row.nomineeKind}|${row.organization}|${row.name}`));
      expect(after.nominees - before.nominees).toBe(goodNominees.size);

      // Every accepted row is its unit's draft, as POST /api/nominations makes it, with the row's data.
      const rows = listRows();
      const accepted = report.accepted as Array<{ row: number; nominationId: string; formCode: string; organizationName: string; nomineeName: string }>;
      expect(new Set(accepted.map((row) => row.nominationId)).size).toBe(195);
      for (const unit of [UNITS.truongTieuHoc, UNITS.banBinhLu, UNITS.htxNongNghiep, UNITS.congTyChe, UNITS.trungTamDichVu]) {
        const listed = await d.list(unit.submitter, { state: 'draft', pageSize: 100 });
        expectStatus(listed, 200);
        expect(listed.body.total).toBe(accepted.filter((row) => row.organizationName === unit.name).length);
      }
      for (const sample of [accepted[0], accepted[60], accepted[137], accepted[194]]) {
        const row = rows[sample.row - 2];
        const owner = Object.values(UNITS).find((unit) => unit.name === row.organization)!;
        const view = await d.view(owner.submitter, sample.nominationId);
        expect(view).toMatchObject({ state: 'draft', organizationName: row.organization, awardYear: 2026, formCode: sample.formCode, version: 1 });
        expect(view.nominee.fullName ?? view.nominee.name).toBe(row.name);
        const history = await d.history(owner.submitter, sample.nominationId);
        expect(history).toMatchObject([{ seq: 0, type: 'CREATED', actor: { username: COMMUNE.appraiser }, toState: 'draft' }]);
      }
      const teacher = accepted.find((row) => rows[row.row - 2].form === 'chien-si-thi-dua-co-so' && rows[row.row - 2].dateOfBirth instanceof Date)!;
      const teacherRow = rows[teacher.row - 2];
      const owner = Object.values(UNITS).find((unit) => unit.name === teacherRow.organization)!;
      expect(await d.view(owner.submitter, teacher.nominationId)).toMatchObject({
        criterion: 'hoan-thanh-xuat-sac',
        nominee: { kind: 'individual', fullName: teacherRow.name, dateOfBirth: (teacherRow.dateOfBirth as Date).toISOString().slice(0, 10), position: teacherRow.position },
      });

      // Submitted dossiers are the commune's to see; drafts stay their unit's.
      const communeList = await d.list(COMMUNE.appraiser, { state: 'draft' });
      expect(communeList.body.total).toBe(0);
    });

    it('a second import of the same list reuses the registry entries it created', async () => {
      const before = await counts();
      const rows = listRows().slice(0, 10);
      const response = await upload(COMMUNE.appraiser, await fillTemplate(template, rows));
      expectStatus(response, 201);
      expect(response.body.accepted).toHaveLength(10);
      const after = await counts();
      expect(after.nominations - before.nominations).toBe(10);
      expect(after.nominees).toBe(before.nominees);
    });
  });

  describe('refusals that change nothing', () => {
    it('a role that may not import is refused 403 before the file is read', async () => {
      const file = await fillTemplate(template, [goodRow(0)]);
      const before = await counts();
      for (const as of [COMMUNE.signer, COMMUNE.secretary, ADMIN]) {
        const body = expectErrorShape(await upload(as, file), 403);
        expect(body.code).toBe('FORBIDDEN');
      }
      expectErrorShape(await t.http().post('/api/nominations/import').attach('file', file, 'Danh sách.xlsx'), 401);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['a PDF named .xlsx', () => DOSSIER_FILES.pdf('Danh sách đề nghị khen thưởng', ['Lò Thị Hương'])],
      ['a Word document', () => DOSSIER_FILES.docx('Danh sách đề nghị khen thưởng', ['Lò Thị Hương'])],
      ['CSV text', () => Buffer.from('STT,Hình thức khen thưởng,Loại đối tượng,Họ và tên\n1,Lao động tiên tiến,Cá nhân,Lò Thị Hương\n', 'utf8')],
      ['an Excel 97–2003 file', () => DOSSIER_FILES.legacyDoc()],
    ])('%s is refused 415 and nothing changes', async (_name, content) => {
      const before = await counts();
      const body = expectErrorShape(await upload(COMMUNE.appraiser, content()), 415);
      expect(body.message).toMatch(/không phải bảng tính Excel \(XLSX\)/);
      expect(await counts()).toEqual(before);
    });

    it('a workbook whose headings are not a nomination list is refused 400, naming the missing columns', async () => {
      const before = await counts();
      const file = await plainWorkbook([
        ['DANH SÁCH CÁN BỘ ĐI HỌC LỚP BỒI DƯỠNG'],
        ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ'],
        [1, 'Lò Thị Hương', '14/05/1988', 'Giáo viên'],
      ]);
      const body = expectErrorShape(await upload(COMMUNE.appraiser, file), 400);
      expect(body.message).toMatch(/thiếu cột "Hình thức khen thưởng \(tên hoặc mã\)", "Loại đối tượng \(Cá nhân \/ Tập thể \/ Hộ gia đình\)"/);
      expect(await counts()).toEqual(before);
    });

    it('an office’s list without the "Đơn vị" column is refused: it must say whose each row is', async () => {
      const file = await plainWorkbook([['Hình thức khen thưởng', 'Loại đối tượng', 'Họ và tên'], ['Lao động tiên tiến', 'Cá nhân', 'Sùng A Páo']]);
      const body = expectErrorShape(await upload(COMMUNE.appraiser, file), 400);
      expect(body.message).toMatch(/thiếu cột "Đơn vị"/);
    });

    it('the template with no row filled in, a broken XLSX and a request without a file are refused 400', async () => {
      const before = await counts();
      expect(expectErrorShape(await upload(COMMUNE.appraiser, template), 400).message).toMatch(/không có dòng đề nghị nào/);
      const broken = Buffer.from(template);
      broken.fill(0x41, 200, 1200); // the first entries' compressed bytes overwritten
      const brokenAnswer = await upload(COMMUNE.appraiser, broken);
      expect([400, 415]).toContain(brokenAnswer.status);
      expectErrorShape(brokenAnswer, brokenAnswer.status);
      const noFile = await t.http().post('/api/nominations/import').set('Authorization', await d.bearer(COMMUNE.appraiser)).field('dryRun', 'false');
      expect(expectErrorShape(noFile, 400).message).toMatch(/Thiếu tệp danh sách/);
      expect(await counts()).toEqual(before);
    });

    it('a failure while writing row 120 rolls the whole import back and says so', async () => {
      const rows = listRows();
      const failing = rows[118].name as string; // sheet row 120
      const trigger = await forceFailureOnInsert(t, failing);
      try {
        const before = await counts();
        const body = expectErrorShape(await upload(COMMUNE.appraiser, await fillTemplate(template, rows)), 500);
        expect(body).toMatchObject({ code: 'IMPORT_ROLLED_BACK', details: { rolledBack: true, row: 120, total: 200, accepted: 0 } });
        expect(body.message).toMatch(/dòng 120.*toàn bộ lần nhập đã được hủy, không hồ sơ nào được tạo/);
        expect(await counts()).toEqual(before);
      } finally {
        await trigger.drop();
      }
    });

    it('a row refused after its registry entry was written leaves no entry behind', async () => {
      // Several criteria of Lao động tiên tiến apply to a farmer: the row must name one. The create refuses it only
      // once the registry entry is resolved; the row's savepoint takes the entry back.
      const before = await counts();
      const file = await fillTemplate(template, [
        { form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Vàng A Sử', category: 'Nông dân', organization: UNITS.banBinhLu.name, dateOfBirth: '12/03/1979' },
        { form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Vàng Thị Dế', category: 'Nông dân', organization: UNITS.banBinhLu.name, criterion: 'lao-dong-san-xuat-hieu-qua' },
      ]);
      const response = await upload(COMMUNE.appraiser, file);
      expectStatus(response, 201);
      expect(response.body.refused).toEqual([{ row: 2, problems: [{ column: 'Tiêu chuẩn', message: expect.stringMatching(/có nhiều tiêu chuẩn/) }] }]);
      expect(response.body.accepted).toMatchObject([{ row: 3, nomineeName: 'Vàng Thị Dế' }]);
      const after = await counts();
      expect(after.nominees - before.nominees).toBe(1);
      expect(await t.dataSource.query(`SELECT id FROM nominees WHERE name = 'Vàng A Sử'`)).toEqual([]);
    });
  });

  describe('a unit importing its own list', () => {
    it('puts rows without "Đơn vị" in its own name and refuses a row of another unit', async () => {
      const unitTemplate = await download(UNITS.truongTieuHoc.submitter, '/api/nominations/import/template.xlsx');
      expect((await openWorkbook(unitTemplate)).worksheets.map((sheet) => sheet.name)).toEqual(['Danh sách đề nghị', 'Hình thức khen thưởng', 'Loại đối tượng']);
      const file = await fillTemplate(unitTemplate, [
        { index: 1, form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: NOMINEES.loThiHuong.fullName, dateOfBirth: '14/05/1988', position: 'Giáo viên', category: 'Cán bộ, công chức, viên chức' },
        { index: 2, form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Lò Thị Xiêm', organization: UNITS.htxNongNghiep.name },
        { index: 3, form: 'Tập thể lao động tiên tiến', nomineeKind: 'Tập thể', name: 'Tổ chuyên môn khối 5 Trường Tiểu học Bình Lư', organization: UNITS.truongTieuHoc.name },
      ]);
      const response = await upload(UNITS.truongTieuHoc.submitter, file);
      expectStatus(response, 201);
      expect(response.body.accepted).toMatchObject([
        { row: 2, organizationName: UNITS.truongTieuHoc.name, nomineeName: 'Lò Thị Hương' },
        { row: 4, organizationName: UNITS.truongTieuHoc.name },
      ]);
      expect(response.body.refused).toEqual([
        { row: 3, problems: [{ column: 'Đơn vị', message: `"${UNITS.htxNongNghiep.name}" không phải đơn vị của bạn; đơn vị chỉ nhập danh sách đề nghị của chính mình (${UNITS.truongTieuHoc.name})` }] },
      ]);
    });
  });

  describe('exporting a list', () => {
    it('writes the caller’s list with the filters of GET /api/nominations, in Vietnamese headings', async () => {
      const submitted = await d.nominationAt(UNITS.trungTamDichVu.submitter, 'lao-dong-tien-tien', NOMINEES.sungAPao, 'commune.appraisal');

      const listed = await d.list(UNITS.trungTamDichVu.submitter, { pageSize: 100 });
      const workbook = await openWorkbook(await download(UNITS.trungTamDichVu.submitter, '/api/nominations/export.xlsx'));
      const sheet = workbook.getWorksheet('Danh sách hồ sơ')!;
      expect(rowValues(sheet, 1)[0]).toBe('DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG');
      const headingRow = 5;
      expect(rowValues(sheet, headingRow)).toEqual([
        'STT', 'Hình thức', 'Đối tượng', 'Loại đối tượng', 'Đơn vị đề nghị', 'Năm xét', 'Trạng thái', 'Cấp', 'Đang xử lý tại', 'Hạn xử lý', 'Quá hạn', 'Ngày nộp', 'Ngày lập', 'Mã hồ sơ',
      ]);
      const rows = [...Array(sheet.rowCount - headingRow).keys()].map((i) => rowValues(sheet, headingRow + 1 + i));
      expect(rows).toHaveLength(listed.body.total);
      expect(rows.map((row) => row[13])).toEqual(listed.body.items.map((item: { id: string }) => item.id));
      expect(rows.map((row) => row[0])).toEqual(rows.map((_, index) => index + 1));

      const row = rows.find((cells) => cells[13] === submitted.id)!;
      const due = submitted.deadlines.current!.dueDate as string;
      expect(row.slice(1, 9)).toEqual(['Lao động tiên tiến', 'Sùng A Páo', 'Cá nhân', UNITS.trungTamDichVu.name, 2026, submitted.statusLabel, 'cấp xã', expect.stringContaining(COMMUNE.name)]);
      expect(row[9]).toEqual(new Date(`${due}T00:00:00Z`));
      expect(row[10]).toBe('Không');
      expect(row[11]).toBeInstanceOf(Date);
      expect(sheet.getRow(headingRow + 1).getCell(10).numFmt).toBe('dd/mm/yyyy');

      // The commune office sees the submitted dossier, not the units' drafts.
      const office = await openWorkbook(await download(COMMUNE.appraiser, '/api/nominations/export.xlsx', { state: 'commune' }));
      const officeSheet = office.getWorksheet('Danh sách hồ sơ')!;
      expect(officeSheet.rowCount - headingRow).toBe(1);
      expect(rowValues(officeSheet, headingRow + 1)[13]).toBe(submitted.id);

      // Filters narrow the export as they narrow the list.
      const drafts = await openWorkbook(await download(UNITS.trungTamDichVu.submitter, '/api/nominations/export.xlsx', { state: 'draft', formCode: 'chien-si-thi-dua-co-so' }));
      const expected = await d.list(UNITS.trungTamDichVu.submitter, { state: 'draft', formCode: 'chien-si-thi-dua-co-so', pageSize: 100 });
      expect(expected.body.total).toBeGreaterThan(0);
      const draftSheet = drafts.getWorksheet('Danh sách hồ sơ')!;
      expect(draftSheet.rowCount - headingRow).toBe(expected.body.total);
      expect([...Array(expected.body.total).keys()].every((i) => rowValues(draftSheet, headingRow + 1 + i)[1] === 'Chiến sĩ thi đua cơ sở')).toBe(true);
    });

    it('refuses a bad filter as the list does', async () => {
      const response = await t.http().get('/api/nominations/export.xlsx').query({ overdue: 'maybe' }).set('Authorization', await d.bearer(COMMUNE.appraiser));
      expect(expectErrorShape(response, 400).details.fields).toEqual([{ field: 'overdue', problems: ['phải là true hoặc false'] }]);
    });
  });
});

/** Makes the database refuse to insert the nomination of one nominee, as a failing disk or a lost connection would. */
async function forceFailureOnInsert(t: TestApp, nomineeName: string): Promise<{ drop: () => Promise<void> }> {
  const quoted = nomineeName.replace(/'/g, "''");
  if (t.dataSource.options.type === 'postgres') {
    await t.dataSource.query(
      `CREATE OR REPLACE FUNCTION forced_import_failure() RETURNS trigger AS $$ BEGIN IF NEW.nominee_name = '${quoted}' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await t.dataSource.query('CREATE TRIGGER forced_import_failure BEFORE INSERT ON nominations FOR EACH ROW EXECUTE FUNCTION forced_import_failure()');
    return {
      drop: async () => {
        await t.dataSource.query('DROP TRIGGER forced_import_failure ON nominations');
        await t.dataSource.query('DROP FUNCTION forced_import_failure()');
      },
    };
  }
  await t.dataSource.query(`CREATE TRIGGER forced_import_failure BEFORE INSERT ON nominations WHEN NEW.nominee_name = '${quoted}' BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
  return { drop: async () => void (await t.dataSource.query('DROP TRIGGER forced_import_failure')) };
}
