import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { vietnamDate, type RuleSet } from '../../workflows';
import {
  columnOfField,
  columnOfRule,
  mapNominationRows,
  recognizeHeadings,
  type CellValue,
  type ImportRow,
  type NominationImportContext,
  type RecognizedHeadings,
  type RowProblem,
} from '../../workflows/spreadsheets';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { AppError, badInput, forbidden } from '../common/app-error';
import { describeValidationErrors } from '../common/validation';
import { WriteSerializer } from '../database/write-serializer';
import { detectFileType } from '../dossiers/file-type';
import type { Principal } from '../identity/principal';
import { CreateNominationDto } from '../nominations/dto/create-nomination.dto';
import { NominationsService } from '../nominations/nominations.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { importScopeOf, type ImportScope } from './import-scope';
import { readWorksheets } from './xlsx-reader';

/** The most data rows one import takes (issue 7 measures 10,000). */
export const IMPORT_MAX_ROWS = 10_000;

export interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface AcceptedRow {
  row: number;
  /** The draft created; null in a dry run, which creates nothing. */
  nominationId: string | null;
  formCode: string;
  formName: string;
  nomineeName: string;
  organizationId: string;
  organizationName: string;
}

export interface RefusedRow {
  row: number;
  problems: RowProblem[];
}

export interface ImportReport {
  dryRun: boolean;
  sheet: string;
  headingRow: number;
  /** Headings of the file that name no column of the template: their cells were not read. */
  ignoredColumns: string[];
  total: number;
  accepted: AcceptedRow[];
  refused: RefusedRow[];
}

/** Ends the transaction of a dry run once every row has been tried: nothing it wrote is kept. */
class DryRunRollback extends Error {}

/** A write that failed for a reason other than the row's content: the whole import is rolled back. */
class ImportWriteFailure extends Error {
  constructor(
    readonly row: number,
    readonly failure: unknown,
  ) {
    super(`row ${row}: ${(failure as Error)?.message ?? String(failure)}`);
  }
}

const FORBIDDEN_MESSAGE =
  'Chỉ cán bộ đề nghị khen thưởng của đơn vị, hoặc cơ quan thẩm định thi đua, khen thưởng của xã, cơ quan, tỉnh được nhập danh sách đề nghị';

/**
 * Imports a list of nominations from an XLSX file: every accepted row becomes a draft exactly as `POST
 * /api/nominations` makes it (the same DTO validation, the same `createWithin`), all in one transaction; a refused
 * row leaves nothing (each row is tried under a savepoint); a failed write rolls everything back.
 */
@Injectable()
export class NominationImportService {
  private readonly logger = new Logger('NominationImport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly nominations: NominationsService,
    private readonly organizations: OrganizationsService,
  ) {}

  async scopeOrRefuse(principal: Principal): Promise<ImportScope> {
    const scope = await importScopeOf(this.dataSource.manager, principal);
    if (!scope) throw forbidden(FORBIDDEN_MESSAGE, { requiredRole: ['submitter', 'appraiser'] });
    return scope;
  }

  /** The rule set in force today for the caller's province (the national one for a caller outside any). */
  async ruleSetFor(principal: Principal, now: string): Promise<RuleSet> {
    const lineage = principal.organizationId ? await this.organizations.lineage(principal.organizationId) : [];
    return this.catalog.ruleSetInForce(lineage.find((organization) => organization.kind === 'province')?.code ?? null, now);
  }

  async import(principal: Principal, file: UploadedSpreadsheet | undefined, dryRun: boolean): Promise<ImportReport> {
    const scope = await this.scopeOrRefuse(principal);
    if (!file?.buffer?.length) {
      throw badInput('Thiếu tệp danh sách: gửi tệp XLSX trong trường "file"', { fields: [{ field: 'file', problems: ['bắt buộc phải có'] }] });
    }
    if (detectFileType(file.buffer) !== 'xlsx') {
      throw new AppError(415, 'UNSUPPORTED_SPREADSHEET_TYPE', `Tệp "${file.originalname.normalize('NFC')}" không phải bảng tính Excel (XLSX); chỉ nhận tệp .xlsx`, {
        field: 'file',
        accepted: ['xlsx'],
      });
    }
    const now = new Date().toISOString();
    const ruleSet = this.catalog.ruleSetInForce(scope.provinceCode, now);
    const sheets = await readWorksheets(file.buffer, IMPORT_MAX_ROWS + 50);
    if (!sheets.length) throw badInput('Tệp không có trang tính nào', { field: 'file' });
    const found = this.listSheet(sheets, scope);
    const context: NominationImportContext = {
      ruleSetName: ruleSet.name,
      forms: ruleSet.forms.map((form) => ({ code: form.code, name: form.name, nomineeKinds: form.nomineeKinds, alternatives: form.eligibility.alternatives })),
      organizations: scope.organizations.map(({ id, name }) => ({ id, name })),
      defaultOrganizationId: scope.defaultOrganizationId,
      otherOrganizations: scope.others,
      scopeName: scope.scopeName,
      today: vietnamDate(now),
    };
    const rows = mapNominationRows(found.rows, found.headings, context).map((row) => (row.ok ? validated(row) : row));
    if (!rows.length) throw badInput(`Trang "${found.sheet}" không có dòng đề nghị nào dưới hàng tiêu đề`, { field: 'file' });
    if (rows.length > IMPORT_MAX_ROWS) {
      throw new AppError(413, 'IMPORT_TOO_MANY_ROWS', `Danh sách có ${rows.length} dòng; mỗi lần nhập tối đa ${IMPORT_MAX_ROWS} dòng`, { maxRows: IMPORT_MAX_ROWS });
    }

    const report: ImportReport = {
      dryRun,
      sheet: found.sheet,
      headingRow: found.headings.headingRow,
      ignoredColumns: found.headings.ignored,
      total: rows.length,
      accepted: [],
      refused: [],
    };
    const started = Date.now();
    try {
      await this.writes.transaction(async (manager) => {
        // The serializer may run the transaction again (sqlite busy): each attempt reports afresh.
        report.accepted = [];
        report.refused = [];
        for (const row of rows) {
          if (!row.ok) {
            report.refused.push({ row: row.row, problems: row.problems });
            continue;
          }
          try {
            // A savepoint per row: a row refused half-way (its registry entry written, its criterion refused) leaves nothing.
            const created = await manager.transaction((inner) =>
              this.nominations.createWithin(inner, principal, row.organizationId, row.dto, scope.lineageOf(row.organizationId)),
            );
            report.accepted.push({
              row: row.row,
              nominationId: dryRun ? null : created.id,
              formCode: created.formCode,
              formName: row.formName,
              nomineeName: created.nomineeName,
              organizationId: row.organizationId,
              organizationName: row.organizationName,
            });
          } catch (error) {
            if (!(error instanceof AppError)) throw new ImportWriteFailure(row.row, error);
            report.refused.push({ row: row.row, problems: problemsOf(error) });
          }
        }
        if (dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw this.rolledBack(error, report);
    }
    report.refused.sort((a, b) => a.row - b.row);
    this.logger.log(
      JSON.stringify({ import: file.originalname, actor: principal.username, dryRun, total: report.total, accepted: report.accepted.length, refused: report.refused.length, ms: Date.now() - started }),
    );
    return report;
  }

  /** The first sheet with a heading row; an office must name each row's unit, so its list needs "Đơn vị". */
  private listSheet(sheets: Awaited<ReturnType<typeof readWorksheets>>, scope: ImportScope): { sheet: string; rows: CellValue[][]; headings: RecognizedHeadings } {
    const required = scope.defaultOrganizationId ? [] : (['organization'] as const);
    let firstRefusal: string | null = null;
    for (const sheet of sheets) {
      const recognition = recognizeHeadings(sheet.rows, [...required]);
      if (recognition.ok) return { sheet: sheet.name, rows: sheet.rows, headings: recognition.headings };
      firstRefusal ??= `Trang "${sheet.name}": ${recognition.message}`;
    }
    throw badInput(firstRefusal ?? 'Tệp không có trang tính nào', { field: 'file' });
  }

  private rolledBack(error: unknown, report: ImportReport): AppError {
    if (error instanceof AppError) return error;
    const row = error instanceof ImportWriteFailure ? error.row : null;
    this.logger.error(`import rolled back${row ? ` at row ${row}` : ''}: ${((error instanceof ImportWriteFailure ? error.failure : error) as Error)?.stack ?? String(error)}`);
    return new AppError(
      500,
      'IMPORT_ROLLED_BACK',
      `Lỗi khi ghi ${row ? `dòng ${row}` : 'danh sách'} vào cơ sở dữ liệu; toàn bộ lần nhập đã được hủy, không hồ sơ nào được tạo. Vui lòng nhập lại`,
      { rolledBack: true, row, total: report.total, accepted: 0 },
    );
  }
}

type ValidatedRow = Extract<ImportRow, { ok: true }> & { dto: CreateNominationDto };

/** The row's request checked by the same class-validator rules as `POST /api/nominations`. */
function validated(row: Extract<ImportRow, { ok: true }>): ValidatedRow | Extract<ImportRow, { ok: false }> {
  const dto = plainToInstance(CreateNominationDto, row.request);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return { ...row, dto };
  return {
    row: row.row,
    ok: false,
    problems: describeValidationErrors(errors).map((problem) => ({ column: columnOfField(problem.field), message: problem.problems.join(', ') })),
  };
}

/** A refusal of `createWithin` as the row's problems, each naming its column. */
function problemsOf(error: AppError): RowProblem[] {
  const details = (error.details ?? {}) as { fields?: Array<{ field: string }>; rule?: string; field?: string };
  const column = columnOfField(details.fields?.[0]?.field ?? details.field) ?? columnOfRule(details.rule);
  return [{ column, message: error.message }];
}
