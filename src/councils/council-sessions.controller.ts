import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { notFound } from '../common/app-error';
import { validateBody } from '../common/validation';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { CastBallotUseCase } from './cast-ballot.use-case';
import { CloseCouncilSessionUseCase } from './close-council-session.use-case';
import { CouncilMinutesService, type MinutesDocument } from './council-minutes.service';
import { CouncilSessionsService } from './council-sessions.service';
import { AddAgendaItemsDto, AttendanceDto, CastBallotDto, CloseSessionDto, ListSessionsQuery, ScheduleSessionDto } from './dto';

const sessionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy phiên họp') });
const itemId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy nội dung này trong chương trình phiên họp') });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('Phiên họp Hội đồng')
@ApiBearerAuth()
@Controller('council-sessions')
export class CouncilSessionsController {
  constructor(
    private readonly sessions: CouncilSessionsService,
    private readonly ballots: CastBallotUseCase,
    private readonly closing: CloseCouncilSessionUseCase,
    private readonly minutes: CouncilMinutesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Thư ký lên lịch phiên họp, có thể kèm các hồ sơ của chương trình' })
  schedule(@CurrentUser() principal: Principal, @Body() dto: ScheduleSessionDto) {
    return this.sessions.schedule(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Các phiên họp trong phạm vi tổ chức của người gọi' })
  list(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>) {
    return this.sessions.list(principal, validateBody(ListSessionsQuery, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một phiên họp: thành phần, tham dự, chương trình, số người đã bỏ phiếu (không có kết quả trước khi kết thúc)' })
  get(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string) {
    return this.sessions.get(principal, id);
  }

  @Post(':id/items')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thêm hồ sơ đang chờ Hội đồng xét vào chương trình (phiên chưa khai mạc)' })
  addItems(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Body() dto: AddAgendaItemsDto) {
    return this.sessions.addItems(principal, id, dto);
  }

  @Delete(':id/items/:itemId')
  @ApiOperation({ summary: 'Bỏ một nội dung khỏi chương trình (phiên chưa khai mạc)' })
  removeItem(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Param('itemId', itemId) item: string) {
    return this.sessions.removeItem(principal, id, item);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Khai mạc: chốt thành phần Hội đồng, ghi tham dự, kiểm tra tỷ lệ có mặt' })
  open(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Body() dto: AttendanceDto) {
    return this.sessions.open(principal, id, dto);
  }

  @Put(':id/attendance')
  @ApiOperation({ summary: 'Cập nhật tham dự trong phiên họp (người đã bỏ phiếu giữ nguyên)' })
  attendance(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Body() dto: AttendanceDto) {
    return this.sessions.recordAttendance(principal, id, dto);
  }

  @Post(':id/items/:itemId/ballots')
  @ApiOperation({ summary: 'Bỏ phiếu kín cho một nội dung: yes (đồng ý), no (không đồng ý), abstain (phiếu trắng); mỗi người một lần' })
  cast(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Param('itemId', itemId) item: string, @Body() dto: CastBallotDto) {
    return this.ballots.execute(principal, id, item, dto.choice);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc: kiểm tra lại tỷ lệ có mặt, tính kết quả từng nội dung, ghi kết quả vào mọi hồ sơ trong một giao dịch' })
  close(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Body() dto: CloseSessionDto) {
    return this.closing.execute(principal, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hủy phiên họp chưa khai mạc; các hồ sơ trở lại danh sách chờ' })
  cancel(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string) {
    return this.sessions.cancel(principal, id);
  }

  @Get(':id/minutes')
  @ApiOperation({ summary: 'Biên bản họp và kết quả kiểm phiếu dạng JSON (sau khi kết thúc)' })
  minutesJson(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string) {
    return this.minutes.json(principal, id);
  }

  @Get(':id/minutes/meeting.docx')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: 'Biên bản họp Hội đồng (DOCX, thể thức Nghị định 30/2020/NĐ-CP)' })
  meetingDocx(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Res({ passthrough: true }) response: Response) {
    return this.download(principal, id, 'meeting', response);
  }

  @Get(':id/minutes/tally-sheet.docx')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: 'Biên bản kiểm phiếu (DOCX)' })
  tallyDocx(@CurrentUser() principal: Principal, @Param('id', sessionId) id: string, @Res({ passthrough: true }) response: Response) {
    return this.download(principal, id, 'tally-sheet', response);
  }

  private async download(principal: Principal, id: string, document: MinutesDocument, response: Response) {
    const { fileName, content } = await this.minutes.docx(principal, id, document);
    response.setHeader('Content-Type', DOCX);
    response.setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7E]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    return new StreamableFile(content);
  }
}
