import { NominationImportService } from './nomination-import.service';

export { SpreadsheetsController } from './spreadsheets.controller';
export { buildWorkbook, attachmentDisposition, XLSX_CONTENT_TYPE, type SheetColumn, type SheetSpec } from './workbook';
export { NominationImportService };

export const SPREADSHEET_PROVIDERS = [NominationImportService];
