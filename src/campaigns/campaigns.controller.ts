import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { notFound } from '../common/app-error';
import { validateBody } from '../common/validation';
import { DocumentUploadInterceptor } from '../dossiers/document-upload.interceptor';
import type { UploadedDocumentFile } from '../dossiers/dossier-documents.service';
import { attachmentDisposition } from '../dossiers/file-names';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { parseIfMatch } from '../nominations/advance-nomination.use-case';
import { CampaignReportsService } from './campaign-reports.service';
import { CampaignsService } from './campaigns.service';
import { ListCampaignsQueryDto, objectBody, ReportsQueryDto } from './dto';
import { PlanImportService } from './plan-import.service';

const campaignId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy phong trào thi đua') });
const draftId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy bản nháp phong trào thi đua') });
const reportId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy báo cáo này của phong trào') });

const DEFINITION_SCHEMA = {
  type: 'object',
  description: 'CampaignDefinition (workflows/campaigns/campaign-types.ts)',
  properties: {
    issuingOrganizationId: { type: 'string', format: 'uuid' },
    issuingOrganizationName: { type: 'string', example: 'UBND xã Bình Lư' },
    planNumber: { type: 'string', nullable: true, example: '82/KH-UBND' },
    planDate: { type: 'string', nullable: true, example: '2026-05-20' },
    title: { type: 'string' },
    legalBasis: { type: 'array', items: { type: 'object' } },
    period: { type: 'object', example: { from: '2026-01-01', to: '2030-12-31', text: 'từ năm 2026 đến năm 2030' } },
    phases: { type: 'array', items: { type: 'object' } },
    reviews: { type: 'array', items: { type: 'object' }, example: [{ kind: 'midterm', period: { from: '2027-01-01', to: '2027-12-31', text: 'Sơ kết trong năm 2027' }, allowedFormCodes: ['giay-khen-chu-tich-xa'] }] },
    criteria: { type: 'array', items: { type: 'object' } },
    responsibleOffices: { type: 'array', items: { type: 'object' } },
    reportDuties: { type: 'array', items: { type: 'object' }, example: [{ reporters: 'các bản, HTX, doanh nghiệp', recipient: 'UBND xã (qua Phòng Văn hóa – Xã hội)', dueMonthDay: '11-10', description: 'trước ngày 10/11 hằng năm' }] },
  },
};

@ApiTags('Phong trào thi đua')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reports: CampaignReportsService,
    private readonly plans: PlanImportService,
  ) {}

  @Post('import')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({ summary: 'Đọc một kế hoạch (văn bản thuần hoặc DOCX) thành bản nháp phong trào, mỗi trường kèm câu trích từ kế hoạch' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { text: { type: 'string' }, file: { type: 'string', format: 'binary' }, organizationId: { type: 'string', format: 'uuid' } } } })
  importPlan(@CurrentUser() principal: Principal, @UploadedFile() file: UploadedDocumentFile | undefined, @Body() body: Record<string, unknown> | undefined) {
    const fields = body ?? {};
    return this.plans.import(principal, { text: fields.text, organizationId: fields.organizationId, file });
  }

  @Get('drafts/:draftId')
  @ApiOperation({ summary: 'Một bản nháp phong trào đọc từ kế hoạch' })
  draft(@CurrentUser() principal: Principal, @Param('draftId', draftId) id: string) {
    return this.plans.get(principal, id);
  }

  @Post('drafts/:draftId/confirm')
  @ApiOperation({ summary: 'Xác nhận bản nháp (đủ mọi trường, đã sửa hoặc chấp nhận) thành phong trào thi đua' })
  @ApiBody({ schema: DEFINITION_SCHEMA })
  confirm(@CurrentUser() principal: Principal, @Param('draftId', draftId) id: string, @Body() body: unknown) {
    return this.plans.confirm(principal, id, objectBody(body));
  }

  @Post()
  @ApiOperation({ summary: 'Lập phong trào thi đua của một tổ chức (cơ quan thẩm định của tổ chức đó hoặc quản trị hệ thống)' })
  @ApiBody({ schema: DEFINITION_SCHEMA })
  async create(@CurrentUser() principal: Principal, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const view = await this.campaigns.create(principal, objectBody(body));
    response.setHeader('ETag', `"${view.version}"`);
    response.setHeader('Location', `/api/campaigns/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Các phong trào của tổ chức người gọi, của cấp trên và cấp dưới' })
  list(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>) {
    const parsed = validateBody(ListCampaignsQueryDto, query);
    return this.campaigns.list(principal, {
      issuingOrganizationId: parsed.issuingOrganizationId,
      status: parsed.status,
      page: Number(parsed.page ?? 1),
      pageSize: Number(parsed.pageSize ?? 20),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một phong trào: kế hoạch, các giai đoạn, đợt sơ kết, tổng kết và nhiệm vụ báo cáo' })
  async get(@CurrentUser() principal: Principal, @Param('id', campaignId) id: string, @Res({ passthrough: true }) response: Response) {
    const view = await this.campaigns.get(principal, id);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa các trường của phong trào (khóa lạc quan theo If-Match)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Phiên bản phong trào mà người sửa đang xem' })
  @ApiBody({ schema: DEFINITION_SCHEMA })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', campaignId) id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.campaigns.update(principal, id, objectBody(body), parseIfMatch(ifMatch));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc phong trào: không nhận thêm hồ sơ trong phong trào' })
  @ApiHeader({ name: 'If-Match', required: false })
  async close(@CurrentUser() principal: Principal, @Param('id', campaignId) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) response: Response) {
    const view = await this.campaigns.close(principal, id, parseIfMatch(ifMatch));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/reports')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({ summary: 'Đơn vị gửi báo cáo định kỳ hằng năm của phong trào (PDF, DOCX, XLSX)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'year'],
      properties: {
        file: { type: 'string', format: 'binary' },
        year: { type: 'string', example: '2026' },
        duty: { type: 'string', example: '0', description: 'số thứ tự nhiệm vụ báo cáo trong kế hoạch (không cần khi kế hoạch chỉ có một)' },
        organizationId: { type: 'string', format: 'uuid', description: 'đơn vị báo cáo, khi người gửi có vai trò ở nhiều đơn vị' },
      },
    },
  })
  async submitReport(
    @CurrentUser() principal: Principal,
    @Param('id', campaignId) id: string,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const report = await this.reports.submit(principal, id, { file, year: body?.year, duty: body?.duty, organizationId: body?.organizationId });
    response.setHeader('Location', report.contentUrl);
    return report;
  }

  @Get(':id/reports')
  @ApiOperation({ summary: 'Tình hình báo cáo của các đơn vị trong năm: đã gửi, gửi muộn, chưa gửi khi đã quá hạn, chưa đến hạn' })
  reportStatus(@CurrentUser() principal: Principal, @Param('id', campaignId) id: string, @Query() query: Record<string, unknown>) {
    return this.reports.status(principal, id, validateBody(ReportsQueryDto, query).year);
  }

  @Get(':id/reports/:reportId/content')
  @ApiOperation({ summary: 'Tải về tệp báo cáo của một đơn vị' })
  async reportContent(
    @CurrentUser() principal: Principal,
    @Param('id', campaignId) id: string,
    @Param('reportId', reportId) report: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const found = await this.reports.content(principal, id, report);
    response.setHeader('Content-Type', found.report.contentType);
    response.setHeader('Content-Length', String(found.size));
    response.setHeader('Content-Disposition', attachmentDisposition(found.report.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('ETag', `"sha256-${found.report.sha256}"`);
    return new StreamableFile(found.stream);
  }
}
