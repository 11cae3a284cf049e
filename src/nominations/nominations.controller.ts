import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { notFound } from '../common/app-error';
import { validateBody } from '../common/validation';
import { CurrentUser, RequireRoles } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { AdvanceNominationUseCase, parseIfMatch } from './advance-nomination.use-case';
import { CreateNominationDto, ListNominationsQuery, UpdateNominationDto } from './dto/create-nomination.dto';
import { NominationEventRequest, parseEventCommand } from './dto/nomination-event.dto';
import { NominationsService } from './nominations.service';

const nominationId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy hồ sơ đề nghị khen thưởng') });

@ApiTags('Hồ sơ đề nghị khen thưởng')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(
    private readonly nominations: NominationsService,
    private readonly advance: AdvanceNominationUseCase,
  ) {}

  @Post()
  @RequireRoles('submitter')
  @ApiOperation({ summary: 'Lập hồ sơ đề nghị (trạng thái nháp) của đơn vị người gọi' })
  async create(@CurrentUser() principal: Principal, @Body() dto: CreateNominationDto, @Res({ passthrough: true }) response: Response) {
    const view = await this.nominations.create(principal, dto);
    response.setHeader('ETag', `"${view.version}"`);
    response.setHeader('Location', `/api/nominations/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách hồ sơ trong phạm vi tổ chức của người gọi' })
  list(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>) {
    return this.nominations.list(principal, validateBody(ListNominationsQuery, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một hồ sơ: trạng thái, bước hiện tại, thao tác được phép, thời hạn' })
  async get(@CurrentUser() principal: Principal, @Param('id', nominationId) id: string, @Res({ passthrough: true }) response: Response) {
    const view = await this.nominations.get(principal, id);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa hồ sơ (đối tượng, thành tích) khi đang soạn hoặc đang bổ sung' })
  @ApiHeader({ name: 'If-Match', required: false })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', nominationId) id: string,
    @Body() dto: UpdateNominationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.nominations.update(principal, id, dto, parseIfMatch(ifMatch));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/events')
  @ApiOperation({ summary: 'Gửi một bước của quy trình (SUBMIT, ACCEPT, REQUEST_SUPPLEMENT, …)' })
  @ApiBody({ type: NominationEventRequest })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Phiên bản hồ sơ mà người gửi đang xem' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Gửi lại cùng khóa trả về kết quả lần đầu' })
  async send(
    @CurrentUser() principal: Principal,
    @Param('id', nominationId) id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.advance.execute(principal, id, parseEventCommand(body), { ifMatch, idempotencyKey });
    response.status(200);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Nhật ký mọi bước đã thực hiện' })
  history(@CurrentUser() principal: Principal, @Param('id', nominationId) id: string) {
    return this.nominations.history(principal, id);
  }
}
