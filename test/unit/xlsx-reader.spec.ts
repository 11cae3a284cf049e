import ExcelJS from 'exceljs';
import { readWorksheets } from '../../src/spreadsheets/xlsx-reader';
import { buildWorkbook, sheetDate } from '../../src/spreadsheets/workbook';
import { AppError } from '../../src/common/app-error';

/** An uploaded workbook read as plain rows of cell values: what the pure list mapping takes. */
describe('reading an XLSX list', () => {
  async function workbookOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    fill(workbook.addWorksheet('Danh sách'));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('flattens rich text, links and formulas, keeps dates and numbers, and leaves empty cells null', async () => {
    const content = await workbookOf((sheet) => {
      sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị']);
      sheet.getCell('A2').value = { formula: 'ROW()-1', result: 1 };
      sheet.getCell('B2').value = { richText: [{ text: 'Lò Thị ', font: { bold: true } }, { text: 'Hương' }] };
      sheet.getCell('C2').value = new Date(Date.UTC(1988, 4, 14));
      sheet.getCell('E2').value = { text: 'Trường Tiểu học Bình Lư', hyperlink: 'mailto:thbinhlu@laichau.edu.vn' };
    });
    const [sheet] = await readWorksheets(content, 100);
    expect(sheet.name).toBe('Danh sách');
    expect(sheet.rows).toEqual([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị'],
      [1, 'Lò Thị Hương', new Date(Date.UTC(1988, 4, 14)), null, 'Trường Tiểu học Bình Lư'],
    ]);
  });

  it('refuses a sheet of more rows than allowed with 413', async () => {
    const content = await workbookOf((sheet) => {
      for (let i = 0; i < 8; i += 1) sheet.addRow([i + 1, `Người thứ ${i + 1}`]);
    });
    await expect(readWorksheets(content, 5)).rejects.toMatchObject({ status: 413, code: 'IMPORT_TOO_MANY_ROWS' });
    await expect(readWorksheets(content, 8)).resolves.toHaveLength(1);
  });

  it('refuses bytes that are no workbook with 400', async () => {
    const error = await readWorksheets(Buffer.from('PK\u0003\u0004 không phải bảng tính'), 5).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400 });
  });

  it('reads back what buildWorkbook writes, dates as the days they stand for', async () => {
    const content = await buildWorkbook([
      {
        name: 'Danh sách hồ sơ',
        title: ['DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG'],
        columns: [
          { key: 'name', header: 'Đối tượng' },
          { key: 'due', header: 'Hạn xử lý', format: 'dd/mm/yyyy' },
          { key: 'kind', header: 'Loại đối tượng', choices: ['Cá nhân', 'Tập thể', 'Hộ gia đình'] },
        ],
        rows: [{ name: 'Lường Thị Nga', due: sheetDate('2026-12-15'), kind: 'Cá nhân' }],
      },
    ]);
    const [sheet] = await readWorksheets(content, 100);
    expect(sheet.rows).toEqual([['DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG'], [], ['Đối tượng', 'Hạn xử lý', 'Loại đối tượng'], ['Lường Thị Nga', new Date('2026-12-15T00:00:00Z'), 'Cá nhân']]);
    expect(sheetDate('15/12/2026')).toBeNull();
  });
});
