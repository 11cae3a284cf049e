import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../common/app-error';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { BlockMemberDto, CreateEmulationBlockDto, ScheduleBlockElectionDto } from './dto';
import { EmulationBlocksService } from './emulation-blocks.service';

const blockId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy cụm, khối thi đua') });

@ApiTags('Cụm, khối thi đua')
@ApiBearerAuth()
@Controller('emulation-blocks')
export class EmulationBlocksController {
  constructor(private readonly blocks: EmulationBlocksService) {}

  @Post()
  @ApiOperation({ summary: 'Lập cụm, khối thi đua với các tập thể thành viên và người đại diện bỏ phiếu' })
  create(@CurrentUser() principal: Principal, @Body() dto: CreateEmulationBlockDto) {
    return this.blocks.create(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Các cụm, khối do tổ chức của người gọi tổ chức hoặc tham gia' })
  list(@CurrentUser() principal: Principal) {
    return this.blocks.list(principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một cụm, khối: thành viên và tập thể dẫn đầu đã suy tôn theo năm' })
  get(@CurrentUser() principal: Principal, @Param('id', blockId) id: string) {
    return this.blocks.get(principal, id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Thêm tập thể thành viên' })
  addMember(@CurrentUser() principal: Principal, @Param('id', blockId) id: string, @Body() dto: BlockMemberDto) {
    return this.blocks.addMember(principal, id, dto);
  }

  @Post(':id/elections')
  @ApiOperation({ summary: 'Lên lịch bỏ phiếu suy tôn tập thể dẫn đầu của năm (khai mạc, bỏ phiếu, kết thúc qua /api/council-sessions/:id)' })
  scheduleElection(@CurrentUser() principal: Principal, @Param('id', blockId) id: string, @Body() dto: ScheduleBlockElectionDto) {
    return this.blocks.scheduleElection(principal, id, dto);
  }
}
