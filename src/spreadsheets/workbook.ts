import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  key: string;
  /** The Vietnamese column heading an office reads. */
  header: string;
  width?: number;
  /** An Excel number format for the column's cells, e.g. `dd/mm/yyyy` for dates. */
  format?: string;
  /** A note on the heading cell (what to write in the column). */
  note?: string;
  /** Values offered as a drop-down in the column's empty cells (other values are warned about, not refused). */
  choices?: string[];
  /** Wrap long text in the column's cells. */
  wrap?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, unknown>[];
  /** Lines above the table (the title of a list, the organization, the date). */
  title?: string[];
}

/** How many rows below the headings get a column's drop-down: room for a list typed into the template. */
const CHOICE_ROWS = 1_000;

/**
 * One workbook of plain tables with bold headings, the heading row frozen and filterable: what offices paste into
 * their reports. A `Date` cell (a calendar day at midnight UTC) shows as that day in the column's `format`.
 */
export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Thi đua – Khen thưởng';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    for (const line of spec.title ?? []) sheet.addRow([line]).font = { bold: true };
    if (spec.title?.length) sheet.addRow([]);
    const headerRow = sheet.addRow(spec.columns.map((column) => column.header));
    headerRow.font = { bold: true };
    headerRow.alignment = { vertical: 'middle', wrapText: true };
    spec.columns.forEach((column, index) => {
      const sheetColumn = sheet.getColumn(index + 1);
      sheetColumn.width = column.width ?? Math.max(12, column.header.length + 2);
      if (column.note) headerRow.getCell(index + 1).note = column.note;
      // The whole column too, so that a date typed into the template later shows the same way.
      if (column.format) sheetColumn.numFmt = column.format;
    });
    for (const row of spec.rows) {
      const added = sheet.addRow(spec.columns.map((column) => cellValue(row[column.key])));
      spec.columns.forEach((column, index) => {
        const cell = added.getCell(index + 1);
        if (column.format) cell.numFmt = column.format;
        if (column.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      });
    }
    spec.columns.forEach((column, index) => {
      if (!column.choices?.length) return;
      const letter = sheet.getColumn(index + 1).letter;
      const range = `${letter}${headerRow.number + 1}:${letter}${headerRow.number + CHOICE_ROWS}`;
      (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${column.choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        error: `Nên chọn một trong: ${column.choices.join(', ')}`,
      });
    });
    sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
    if (spec.columns.length) {
      sheet.autoFilter = { from: { row: headerRow.number, column: 1 }, to: { row: headerRow.number, column: spec.columns.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return JSON.stringify(value);
}

/** A `YYYY-MM-DD` day as the `Date` buildWorkbook writes as that day (midnight UTC); null for none. */
export function sheetDate(day: string | null | undefined): Date | null {
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
}

export { attachmentDisposition } from '../dossiers/file-names';
