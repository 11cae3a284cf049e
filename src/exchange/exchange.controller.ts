import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { notFound } from '../common/app-error';
import { attachmentDisposition } from '../dossiers/file-names';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { DecisionExchangeService } from './decision-exchange.service';
import { DossierExportService, type BuiltPackage } from './dossier-export.service';
import { DossierImportService } from './dossier-import.service';
import type { UploadedPackage } from './exchange-support';
import { PackageUploadInterceptor } from './package-upload.interceptor';

const nominationId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy hồ sơ đề nghị khen thưởng') });
const incomingId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy hồ sơ tiếp nhận từ hệ thống khác') });

const PACKAGE_BODY = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };

function sendPackage(response: Response, built: BuiltPackage): StreamableFile {
  response.setHeader('Content-Type', 'application/zip');
  response.setHeader('Content-Length', String(built.zip.length));
  response.setHeader('Content-Disposition', attachmentDisposition(built.fileName));
  response.setHeader('X-Manifest-SHA256', built.manifestSha256);
  response.setHeader('X-Exchange-Package-Id', built.packageId);
  return new StreamableFile(built.zip);
}

@ApiTags('Trao đổi hồ sơ giữa các hệ thống')
@ApiBearerAuth()
@Controller()
export class ExchangeController {
  constructor(
    private readonly exports: DossierExportService,
    private readonly imports: DossierImportService,
    private readonly decisions: DecisionExchangeService,
  ) {}

  @Get('nominations/:id/export-package')
  @ApiOperation({ summary: 'Gói hồ sơ (ZIP: manifest.json, manifest.sha256, documents/…) gửi cấp ngoài hệ thống, khi hồ sơ chờ quyết định của cấp trên' })
  async exportDossier(@CurrentUser() principal: Principal, @Param('id', nominationId) id: string, @Res({ passthrough: true }) response: Response) {
    return sendPackage(response, await this.exports.export(principal, id));
  }

  @Post('incoming-dossiers')
  @UseInterceptors(PackageUploadInterceptor)
  @ApiOperation({ summary: 'Tiếp nhận gói hồ sơ của hệ thống khác: kiểm tra toàn vẹn, lập hồ sơ ở cấp của hệ thống này' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(PACKAGE_BODY)
  importDossier(@CurrentUser() principal: Principal, @UploadedFile() file: UploadedPackage | undefined) {
    return this.imports.import(principal, file);
  }

  @Get('incoming-dossiers')
  @ApiOperation({ summary: 'Các hồ sơ tiếp nhận từ hệ thống khác, của tổ chức người gọi' })
  listIncoming(@CurrentUser() principal: Principal) {
    return this.imports.list(principal);
  }

  @Get('incoming-dossiers/:id')
  @ApiOperation({ summary: 'Một hồ sơ tiếp nhận: hệ thống gửi, lộ trình, lịch sử và tài liệu gốc (chỉ đọc)' })
  getIncoming(@CurrentUser() principal: Principal, @Param('id', incomingId) id: string) {
    return this.imports.get(principal, id);
  }

  @Get('incoming-dossiers/:id/decision-package')
  @ApiOperation({ summary: 'Gói quyết định trả về hệ thống gửi, khi hồ sơ đã được khen thưởng hoặc không' })
  @ApiQuery({ name: 'number', required: false, description: 'số văn bản trả lời, bắt buộc khi hồ sơ không được khen thưởng' })
  @ApiQuery({ name: 'date', required: false, description: 'ngày văn bản trả lời (YYYY-MM-DD); mặc định ngày không chấp thuận' })
  async exportDecision(
    @CurrentUser() principal: Principal,
    @Param('id', incomingId) id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return sendPackage(response, await this.decisions.export(principal, id, { number: query.number, date: query.date }));
  }

  @Post('exchange/decisions')
  @UseInterceptors(PackageUploadInterceptor)
  @ApiOperation({ summary: 'Ghi nhận gói quyết định của cấp ngoài hệ thống vào hồ sơ gốc' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(PACKAGE_BODY)
  async importDecision(@CurrentUser() principal: Principal, @UploadedFile() file: UploadedPackage | undefined, @Res({ passthrough: true }) response: Response) {
    const result = await this.decisions.import(principal, file);
    response.status(200);
    response.setHeader('ETag', `"${result.nomination.version}"`);
    return result;
  }
}
