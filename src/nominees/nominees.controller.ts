import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { notFound } from '../common/app-error';
import { validateBody } from '../common/validation';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import {
  CreateNomineeDto,
  EligibilityQuery,
  ImportAwardRowDto,
  LiftFlagDto,
  ListNomineesQuery,
  RecordAwardDto,
  RecordBlockResultDto,
  RecordFlagDto,
  RecordRatingDto,
} from './dto';
import { NomineesService } from './nominees.service';

const nomineeId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy đối tượng trong sổ theo dõi') });
const flagId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy thông tin cần theo dõi này của đối tượng') });

@ApiTags('Sổ theo dõi đối tượng khen thưởng')
@ApiBearerAuth()
@ApiExtraModels(ImportAwardRowDto)
@Controller('nominees')
export class NomineesController {
  constructor(private readonly nominees: NomineesService) {}

  @Post()
  @ApiOperation({ summary: 'Thêm cá nhân, tập thể, hộ gia đình vào sổ theo dõi (cơ quan thẩm định xã, cơ quan, tỉnh)' })
  create(@CurrentUser() principal: Principal, @Body() dto: CreateNomineeDto) {
    return this.nominees.create(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách đối tượng trong phạm vi tổ chức của người gọi (?q=&kind=&organizationId=&page=&pageSize=)' })
  list(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>) {
    return this.nominees.list(principal, validateBody(ListNomineesQuery, query));
  }

  @Post('import')
  @ApiOperation({ summary: 'Nhập danh sách khen thưởng đã có (tất cả hoặc không dòng nào; báo cáo từng dòng)' })
  @ApiBody({ schema: { type: 'object', properties: { rows: { type: 'array', items: { $ref: getSchemaPath(ImportAwardRowDto) } } } } })
  importAwards(@CurrentUser() principal: Principal, @Body() body: unknown) {
    return this.nominees.importAwards(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một đối tượng với lịch sử: kết quả đánh giá, danh hiệu và khen thưởng, thông tin cần theo dõi, hồ sơ đề nghị' })
  get(@CurrentUser() principal: Principal, @Param('id', nomineeId) id: string) {
    return this.nominees.get(principal, id);
  }

  @Get(':id/eligibility')
  @ApiOperation({ summary: 'Điều kiện xét từng hình thức của bộ quy định đang áp dụng trong năm (?year=): đạt, hoặc lý do chưa đạt' })
  eligibility(@CurrentUser() principal: Principal, @Param('id', nomineeId) id: string, @Query() query: Record<string, unknown>) {
    const { year } = validateBody(EligibilityQuery, query);
    return this.nominees.eligibility(principal, id, year === undefined ? undefined : Number(year));
  }

  @Post(':id/ratings')
  @ApiOperation({ summary: 'Ghi kết quả đánh giá mức độ hoàn thành nhiệm vụ của một năm' })
  recordRating(@CurrentUser() principal: Principal, @Param('id', nomineeId) id: string, @Body() dto: RecordRatingDto) {
    return this.nominees.recordRating(principal, id, dto);
  }

  @Post(':id/awards')
  @ApiOperation({ summary: 'Ghi một danh hiệu hoặc hình thức khen thưởng đã có (số, ngày quyết định, cơ quan quyết định)' })
  recordAward(@CurrentUser() principal: Principal, @Param('id', nomineeId) id: string, @Body() dto: RecordAwardDto) {
    return this.nominees.recordAward(principal, id, dto);
  }

  @Post(':id/block-results')
  @ApiOperation({ summary: 'Ghi kết quả suy tôn dẫn đầu cụm, khối thi đua của một năm (tập thể)' })
  recordBlockResult(@CurrentUser() principal: Principal, @Param('id', nomineeId) id: string, @Body() dto: RecordBlockResultDto) {
    return this.nominees.recordBlockResult(principal, id, dto);
  }

  @Post(':id/flags')
  @ApiOperation({ summary: 'Ghi thông tin cần theo dõi: đang xem xét kỷ luật, điều tra, thanh tra, kiểm tra, xác minh đơn thư; bị kỷ luật' })
  recordFlag(@CurrentUser() principal: Principal, @Param('id', nomineeId) id: string, @Body() dto: RecordFlagDto) {
    return this.nominees.recordFlag(principal, id, dto);
  }

  @Post(':id/flags/:flagId/lift')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chấm dứt một thông tin cần theo dõi (kể từ ngày liftedOn)' })
  liftFlag(@CurrentUser() principal: Principal, @Param('id', nomineeId) id: string, @Param('flagId', flagId) flag: string, @Body() dto: LiftFlagDto) {
    return this.nominees.liftFlag(principal, id, flag, dto);
  }
}
