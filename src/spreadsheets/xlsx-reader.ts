import ExcelJS from 'exceljs';
import type { CellValue } from '../../workflows/spreadsheets';
import { AppError, badInput } from '../common/app-error';

export interface SheetRows {
  name: string;
  /** Row by row from the first, each cell by column from A; an empty cell is null. */
  rows: CellValue[][];
}

/** One exceljs cell value as plain data: rich text and links as their text, a formula as its result, an error as nothing. */
function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('text' in value && typeof (value as { text: unknown }).text === 'string') return (value as { text: string }).text;
  }
  return null;
}

/**
 * The worksheets of an XLSX file as rows of plain cell values. A file that is not a readable workbook is a 400; one
 * with more than `maxRows` rows in a sheet a 413. Data validations and conditional formats are not read: a whole
 * column of them would be expanded cell by cell.
 */
export async function readWorksheets(content: Buffer, maxRows: number): Promise<SheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer, { maxRows, ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'] } as never);
  } catch (error) {
    if (/Max row count/i.test((error as Error)?.message ?? '')) {
      throw new AppError(413, 'IMPORT_TOO_MANY_ROWS', `Một trang tính có quá ${maxRows} dòng; chia danh sách thành nhiều tệp`, { maxRows });
    }
    throw badInput('Không đọc được tệp như một bảng tính Excel (XLSX); hãy lưu lại tệp bằng Excel dưới dạng .xlsx', { field: 'file' });
  }
  return workbook.worksheets.map((sheet) => {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cells[columnNumber - 1] = plainValue(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (value) => value ?? null);
    });
    return { name: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}
