import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { vietnamDate } from '../../workflows';
import { badInput, notFound } from '../common/app-error';
import { validateBody } from '../common/validation';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { attachmentDisposition, buildWorkbook, XLSX_CONTENT_TYPE, type SheetSpec } from '../spreadsheets/workbook';
import { CampaignSummaryQuery, FormatQuery, NominationStatisticsQuery } from './statistics-query.dto';
import { campaignSummarySheets, dashboardSheets, nominationStatisticsSheets, organizationYearSheets } from './statistics-sheets';
import { StatisticsService } from './statistics.service';

const organizationId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy tổ chức') });
const YEAR = /^(\d{4})(\.xlsx)?$/;

@ApiTags('Báo cáo, thống kê')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('nominations')
  @ApiOperation({ summary: 'Số hồ sơ theo phong trào, đợt, hình thức, đơn vị, trạng thái, năm, tháng (groupBy=…), trong phạm vi người gọi; format=xlsx' })
  nominations(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return this.nominationsAs(principal, query, response, false);
  }

  @Get('nominations.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'Như GET /statistics/nominations, dạng XLSX' })
  nominationsXlsx(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return this.nominationsAs(principal, query, response, true);
  }

  @Get('dashboard')
  @ApiOperation({ summary: 'Bảng điều khiển: theo trạng thái và cấp, hình thức, đơn vị, 12 tháng gần nhất; quá hạn và sắp đến hạn' })
  dashboard(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return this.dashboardAs(principal, query, response, false);
  }

  @Get('dashboard.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'Bảng điều khiển dạng XLSX' })
  dashboardXlsx(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return this.dashboardAs(principal, query, response, true);
  }

  @Get('organizations/:id/year/:year')
  @ApiOperation({ summary: 'Số liệu khen thưởng năm của một tổ chức và các đơn vị trực thuộc (…/:year.xlsx hoặc format=xlsx: bảng tính)' })
  async organizationYear(
    @CurrentUser() principal: Principal,
    @Param('id', organizationId) id: string,
    @Param('year') yearParam: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const match = YEAR.exec(yearParam);
    const year = match ? Number(match[1]) : NaN;
    const { format } = validateBody(FormatQuery, query);
    if (!match || year < 1900 || year > 2199) {
      throw badInput('Năm không hợp lệ: phải là năm gồm 4 chữ số', { fields: [{ field: 'year', problems: ['phải là năm gồm 4 chữ số'] }] });
    }
    const result = await this.statistics.organizationYear(principal, id, year);
    if (!match[2] && format !== 'xlsx') return result;
    return this.xlsx(response, `Số liệu khen thưởng năm ${year} - ${result.organization.name}.xlsx`, organizationYearSheets(result, vietnamDate(new Date())));
  }

  @Get('campaigns/:id/summary')
  @ApiOperation({ summary: 'Sơ kết (review=midterm) hoặc tổng kết (review=final) khen thưởng của phong trào thi đua; format=xlsx' })
  campaignSummary(@CurrentUser() principal: Principal, @Param('id') id: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return this.campaignSummaryAs(principal, id, query, response, false);
  }

  @Get('campaigns/:id/summary.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'Sơ kết, tổng kết khen thưởng của phong trào dạng XLSX' })
  campaignSummaryXlsx(@CurrentUser() principal: Principal, @Param('id') id: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return this.campaignSummaryAs(principal, id, query, response, true);
  }

  private async nominationsAs(principal: Principal, query: Record<string, unknown>, response: Response, xlsx: boolean) {
    const parsed = validateBody(NominationStatisticsQuery, query);
    const result = await this.statistics.nominations(principal, parsed);
    if (!xlsx && parsed.format !== 'xlsx') return result;
    return this.xlsx(response, 'Thống kê hồ sơ đề nghị khen thưởng.xlsx', nominationStatisticsSheets(result, vietnamDate(new Date())));
  }

  private async dashboardAs(principal: Principal, query: Record<string, unknown>, response: Response, xlsx: boolean) {
    const { format } = validateBody(FormatQuery, query);
    const result = await this.statistics.dashboard(principal);
    if (!xlsx && format !== 'xlsx') return result;
    return this.xlsx(response, `Tình hình xử lý hồ sơ khen thưởng ${result.generatedOn}.xlsx`, dashboardSheets(result));
  }

  private async campaignSummaryAs(principal: Principal, id: string, query: Record<string, unknown>, response: Response, xlsx: boolean) {
    const parsed = validateBody(CampaignSummaryQuery, query);
    if (id.length > 36) throw notFound('Không tìm thấy phong trào thi đua');
    const result = await this.statistics.campaignSummary(principal, id, parsed.review);
    if (!xlsx && parsed.format !== 'xlsx') return result;
    const kind = parsed.review === 'midterm' ? 'Sơ kết' : parsed.review === 'final' ? 'Tổng kết' : 'Sơ kết, tổng kết';
    return this.xlsx(response, `${kind} khen thưởng${result.campaign.title ? ` - ${result.campaign.title}` : ''}.xlsx`, campaignSummarySheets(result, vietnamDate(new Date())));
  }

  private async xlsx(response: Response, fileName: string, sheets: SheetSpec[]): Promise<StreamableFile> {
    const content = await buildWorkbook(sheets);
    response.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    response.setHeader('Content-Disposition', attachmentDisposition(fileName));
    return new StreamableFile(content);
  }
}
