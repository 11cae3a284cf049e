import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { vietnamDate } from '../../workflows';
import { badInput } from '../common/app-error';
import { validateBody } from '../common/validation';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { ListNominationsQuery } from '../nominations/dto/create-nomination.dto';
import { NominationsService } from '../nominations/nominations.service';
import { OrganizationEntity } from '../organizations/organization.entity';
import { importScopeOf } from './import-scope';
import { NominationImportService, type UploadedSpreadsheet } from './nomination-import.service';
import { importTemplateSheets, nominationListSheets } from './nomination-sheets';
import { SpreadsheetUploadInterceptor } from './spreadsheet-upload.interceptor';
import { attachmentDisposition, buildWorkbook, XLSX_CONTENT_TYPE } from './workbook';

/** The most nominations one export writes. */
export const EXPORT_MAX_ROWS = 10_000;

function dryRunOf(value: unknown): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw badInput('dryRun phải là true hoặc false', { fields: [{ field: 'dryRun', problems: ['phải là true hoặc false'] }] });
}

/** Nomination lists in and out of Excel. Registered before NominationsController, whose `GET :id` would take `export.xlsx`. */
@ApiTags('Hồ sơ đề nghị khen thưởng')
@ApiBearerAuth()
@Controller('nominations')
export class SpreadsheetsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: NominationImportService,
    private readonly nominations: NominationsService,
  ) {}

  @Get('import/template.xlsx')
  @ApiOperation({ summary: 'Mẫu danh sách đề nghị khen thưởng (XLSX) với danh mục hình thức, loại đối tượng và các đơn vị được nhập' })
  async template(@CurrentUser() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const scope = await importScopeOf(this.dataSource.manager, principal);
    const ruleSet = await this.imports.ruleSetFor(principal, new Date().toISOString());
    // An office lists the units it imports for; a unit importing for itself leaves "Đơn vị" empty and needs no list.
    const unitOnly = !!scope?.defaultOrganizationId && scope.organizations.length === 1;
    const content = await buildWorkbook(importTemplateSheets(ruleSet, unitOnly ? [] : (scope?.organizations ?? [])));
    return this.xlsx(response, content, 'Mẫu danh sách đề nghị khen thưởng.xlsx');
  }

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  @ApiOperation({ summary: 'Nhập danh sách đề nghị từ XLSX: mỗi dòng hợp lệ thành một hồ sơ nháp, báo cáo từng dòng; dryRun=true chỉ kiểm tra' })
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, dryRun: { type: 'boolean' } } } })
  async import(
    @CurrentUser() principal: Principal,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Query('dryRun') dryRunQuery: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const dryRun = dryRunOf(dryRunQuery) || dryRunOf(body?.dryRun);
    const report = await this.imports.import(principal, file, dryRun);
    if (!dryRun && report.accepted.length) response.status(201);
    return report;
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: 'Danh sách hồ sơ (cùng điều kiện lọc như GET /api/nominations) dưới dạng XLSX' })
  async export(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const filters = validateBody(ListNominationsQuery, query);
    const { items, total } = await this.nominations.listAll(principal, filters, EXPORT_MAX_ROWS);
    const organization = principal.organizationId ? await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: principal.organizationId }) : null;
    const now = new Date();
    const content = await buildWorkbook(nominationListSheets(items, total, { fullName: principal.fullName, organizationName: organization?.name ?? null }, now));
    return this.xlsx(response, content, `Danh sách hồ sơ đề nghị khen thưởng ${vietnamDate(now)}.xlsx`);
  }

  private xlsx(response: Response, content: Buffer, fileName: string): StreamableFile {
    response.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    response.setHeader('Content-Length', String(content.length));
    response.setHeader('Content-Disposition', attachmentDisposition(fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content);
  }
}
