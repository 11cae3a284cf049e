import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { notFound } from '../common/app-error';
import { validateBody } from '../common/validation';
import { attachmentDisposition } from '../dossiers/file-names';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { DecisionsService, type DecisionFile } from './decisions.service';
import { ListDecisionsQuery, SignDecisionDto } from './dto';
import { SignDecisionUseCase } from './sign-decision.use-case';

const decisionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy văn bản') });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('Quyết định, Tờ trình')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly signing: SignDecisionUseCase,
  ) {}

  @Get('awaiting-signature')
  @ApiOperation({ summary: 'Các hồ sơ đang chờ người gọi ký (Quyết định hoặc Tờ trình), theo hình thức khen thưởng' })
  awaiting(@CurrentUser() principal: Principal) {
    return this.decisions.awaitingSignature(principal);
  }

  @Post()
  @ApiOperation({ summary: 'Ký một Quyết định (hoặc một Tờ trình lên cấp trên) cho nhiều hồ sơ trong một giao dịch: tất cả hoặc không hồ sơ nào' })
  sign(@CurrentUser() principal: Principal, @Body() dto: SignDecisionDto) {
    return this.signing.execute(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Các Quyết định, Tờ trình của tổ chức người gọi' })
  list(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>) {
    return this.decisions.list(principal, validateBody(ListDecisionsQuery, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một Quyết định hoặc Tờ trình với các hồ sơ trong đó' })
  get(@CurrentUser() principal: Principal, @Param('id', decisionId) id: string) {
    return this.decisions.get(principal, id);
  }

  @Get(':id/certificates')
  @ApiOperation({ summary: 'Nội dung in trên Giấy khen, Bằng khen của từng người, tập thể được khen thưởng' })
  certificates(@CurrentUser() principal: Principal, @Param('id', decisionId) id: string) {
    return this.decisions.certificates(principal, id);
  }

  @Get(':id/document.docx')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: 'Quyết định hoặc Tờ trình kèm danh sách (DOCX, thể thức Nghị định 30/2020/NĐ-CP)' })
  document(@CurrentUser() principal: Principal, @Param('id', decisionId) id: string, @Res({ passthrough: true }) response: Response) {
    return this.download(principal, id, 'document', response);
  }

  @Get(':id/annex.docx')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: 'Danh sách kèm theo (DOCX)' })
  annex(@CurrentUser() principal: Principal, @Param('id', decisionId) id: string, @Res({ passthrough: true }) response: Response) {
    return this.download(principal, id, 'annex', response);
  }

  @Get(':id/certificates.docx')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: 'Giấy khen, Bằng khen để in, mỗi trang một người hoặc tập thể (DOCX)' })
  certificatesDocx(@CurrentUser() principal: Principal, @Param('id', decisionId) id: string, @Res({ passthrough: true }) response: Response) {
    return this.download(principal, id, 'certificates', response);
  }

  private async download(principal: Principal, id: string, which: DecisionFile, response: Response) {
    const { fileName, content } = await this.decisions.file(principal, id, which);
    response.setHeader('Content-Type', DOCX);
    response.setHeader('Content-Disposition', attachmentDisposition(fileName));
    return new StreamableFile(content);
  }
}
