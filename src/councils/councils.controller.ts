import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badInput, notFound } from '../common/app-error';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { CouncilsService } from './councils.service';
import { AddCouncilMemberDto, CreateCouncilDto, EndCouncilTermDto, UpdateCouncilDto } from './dto';

const councilId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy Hội đồng') });
const memberId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy nhiệm kỳ thành viên') });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('Hội đồng Thi đua – Khen thưởng')
@ApiBearerAuth()
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Post()
  @ApiOperation({ summary: 'Lập Hội đồng của một tổ chức (quản trị hoặc thư ký Hội đồng của tổ chức)' })
  create(@CurrentUser() principal: Principal, @Body() dto: CreateCouncilDto) {
    return this.councils.create(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Các Hội đồng trong phạm vi tổ chức của người gọi' })
  @ApiQuery({ name: 'organizationId', required: false })
  list(@CurrentUser() principal: Principal, @Query('organizationId') organizationId?: string) {
    if (organizationId !== undefined && !UUID.test(organizationId)) {
      throw badInput('organizationId phải là mã định danh (UUID)', { fields: [{ field: 'organizationId', problems: ['phải là mã định danh (UUID)'] }] });
    }
    return this.councils.list(principal, organizationId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một Hội đồng: thành viên theo nhiệm kỳ, tỷ lệ có mặt tối thiểu' })
  get(@CurrentUser() principal: Principal, @Param('id', councilId) id: string) {
    return this.councils.get(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Đổi tên, đặt tỷ lệ có mặt tối thiểu riêng (null: theo bộ quy định)' })
  update(@CurrentUser() principal: Principal, @Param('id', councilId) id: string, @Body() dto: UpdateCouncilDto) {
    return this.councils.update(principal, id, dto);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Thêm một nhiệm kỳ thành viên (chủ tịch, phó chủ tịch, thư ký, ủy viên)' })
  addMember(@CurrentUser() principal: Principal, @Param('id', councilId) id: string, @Body() dto: AddCouncilMemberDto) {
    return this.councils.addMember(principal, id, dto);
  }

  @Patch(':id/members/:memberId')
  @ApiOperation({ summary: 'Kết thúc nhiệm kỳ của một thành viên (các phiên họp đã mở giữ nguyên thành phần)' })
  endTerm(
    @CurrentUser() principal: Principal,
    @Param('id', councilId) id: string,
    @Param('memberId', memberId) member: string,
    @Body() dto: EndCouncilTermDto,
  ) {
    return this.councils.endTerm(principal, id, member, dto);
  }

  @Get(':id/agenda-candidates')
  @ApiOperation({ summary: 'Hồ sơ đang chờ Hội đồng xét và chưa có trong phiên họp nào' })
  candidates(@CurrentUser() principal: Principal, @Param('id', councilId) id: string) {
    return this.councils.agendaCandidates(principal, id);
  }
}
