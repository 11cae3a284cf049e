import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { notFound } from '../common/app-error';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { parseIfMatch } from '../nominations/advance-nomination.use-case';
import { DocumentUploadInterceptor } from './document-upload.interceptor';
import { DossierDocumentsService, type UploadedDocumentFile } from './dossier-documents.service';
import { attachmentDisposition } from './file-names';

const nominationId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy hồ sơ đề nghị khen thưởng') });
const documentId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy tài liệu này trong hồ sơ') });

@ApiTags('Tài liệu của hồ sơ')
@ApiBearerAuth()
@Controller('nominations')
export class DossierDocumentsController {
  constructor(private readonly documents: DossierDocumentsService) {}

  @Post(':id/documents')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({ summary: 'Nộp một tài liệu của hồ sơ (PDF, DOCX, XLSX, JPEG, PNG); cùng loại, cùng cấp thì thành phiên bản mới' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'code'],
      properties: {
        file: { type: 'string', format: 'binary' },
        code: { type: 'string', example: 'achievement-report', description: 'mã loại tài liệu của bộ quy định' },
        level: { type: 'string', example: 'commune', description: 'cấp của hồ sơ mà tài liệu thuộc về, khi người nộp cung cấp cùng loại cho nhiều cấp' },
      },
    },
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Phiên bản hồ sơ mà người nộp đang xem' })
  async upload(
    @CurrentUser() principal: Principal,
    @Param('id', nominationId) id: string,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const document = await this.documents.upload(principal, id, { code: body?.code, level: body?.level, file }, parseIfMatch(ifMatch));
    response.setHeader('Location', document.contentUrl);
    return document;
  }

  @Get(':id/documents')
  @ApiOperation({ summary: 'Các tài liệu của hồ sơ: phiên bản hiện hành của mỗi tài liệu và các phiên bản trước' })
  list(@CurrentUser() principal: Principal, @Param('id', nominationId) id: string) {
    return this.documents.list(principal, id);
  }

  @Get(':id/documents/checklist')
  @ApiOperation({ summary: 'Danh mục tài liệu hồ sơ phải có: đã có hay còn thiếu, được kiểm tra ở bước nào' })
  checklist(@CurrentUser() principal: Principal, @Param('id', nominationId) id: string) {
    return this.documents.checklist(principal, id);
  }

  @Get(':id/documents/:documentId/content')
  @ApiOperation({ summary: 'Tải về một phiên bản của tài liệu' })
  async content(
    @CurrentUser() principal: Principal,
    @Param('id', nominationId) id: string,
    @Param('documentId', documentId) document: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const found = await this.documents.content(principal, id, document);
    response.setHeader('Content-Type', found.document.contentType);
    response.setHeader('Content-Length', String(found.size));
    response.setHeader('Content-Disposition', attachmentDisposition(found.document.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('ETag', `"sha256-${found.document.sha256}"`);
    return new StreamableFile(found.stream);
  }
}
