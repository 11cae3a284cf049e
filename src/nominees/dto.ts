import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { FLAG_KINDS, NOMINEE_KINDS, RATINGS, type FlagKind, type NomineeKind, type Rating } from '../../workflows';
import { NomineeDto } from '../nominations/dto/create-nomination.dto';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = { message: 'phải là ngày dạng YYYY-MM-DD' };
const YEAR_MIN = 1945;
const YEAR_MAX = 2100;

/** A registry entry: the nominee's data, owned by `organizationId` (the caller's organization by default). */
export class CreateNomineeDto extends NomineeDto {
  @ApiPropertyOptional({ description: 'Tổ chức quản lý đối tượng (mặc định: tổ chức của người gọi)' })
  @IsOptional()
  @IsUUID('all', { message: 'phải là mã định danh (UUID)' })
  organizationId?: string;
}

export class ListNomineesQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(NOMINEE_KINDS as unknown as string[], { message: `phải là một trong: ${NOMINEE_KINDS.join(', ')}` }) kind?: NomineeKind;
  @IsOptional() @IsString() @MaxLength(36) organizationId?: string;
  @IsOptional() @Matches(/^[1-9]\d{0,5}$/, { message: 'phải là số nguyên dương' }) page?: string;
  @IsOptional() @Matches(/^([1-9]\d?|100)$/, { message: 'phải là số nguyên từ 1 đến 100' }) pageSize?: string;
}

export class EligibilityQuery {
  @IsOptional() @Matches(/^(19[4-9]\d|20\d\d|2100)$/, { message: 'phải là năm dạng YYYY' }) year?: string;
}

export class RecordRatingDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year: number;

  @ApiProperty({ enum: RATINGS, description: 'excellent: hoàn thành xuất sắc; good: hoàn thành tốt; completed: hoàn thành; not-completed: không hoàn thành' })
  @IsIn(RATINGS as unknown as string[], { message: `phải là một trong: ${RATINGS.join(', ')}` })
  rating: Rating;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RevocationDto {
  @ApiProperty({ example: '15/QĐ-UBND' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  number: string;

  @ApiProperty({ example: '2024-03-15' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  date: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** A title or award granted outside the system (before it, or by another authority): the decision as issued. */
export class RecordAwardDto {
  @ApiProperty({ example: 'chien-si-thi-dua-co-so', description: 'Mã trong danh mục, hoặc mã tự đặt cho hình thức ngoài danh mục (khi đó phải có name)' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'phải là mã viết thường, không dấu, nối bằng dấu gạch ngang' })
  @MaxLength(64)
  formCode: string;

  @ApiPropertyOptional({ description: 'Tên hình thức; mặc định: tên trong danh mục' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'Năm thành tích được khen; mặc định: năm của quyết định', example: 2024 })
  @IsOptional()
  @IsInt()
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;

  @ApiProperty({ example: '1856/QĐ-UBND' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  decisionNumber: string;

  @ApiProperty({ example: '2024-12-20' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  decisionDate: string;

  @ApiProperty({ example: 'Chủ tịch UBND tỉnh Lai Châu' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  grantingAuthority: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ type: RevocationDto, description: 'Đã bị hủy bỏ: quyết định hủy bỏ' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RevocationDto)
  revocation?: RevocationDto;
}

/** One row of an import: an award of a registry entry (by id) or of a nominee given by its data and owner. */
export class ImportAwardRowDto extends RecordAwardDto {
  @ApiPropertyOptional()
  @ValidateIf((row: ImportAwardRowDto) => row.nominee === undefined)
  @IsUUID('all', { message: 'phải có nomineeId hoặc nominee' })
  nomineeId?: string;

  @ApiPropertyOptional({ type: NomineeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee?: NomineeDto;

  @ApiPropertyOptional({ description: 'Tổ chức quản lý đối tượng (cùng với nominee); mặc định: tổ chức của người gọi' })
  @IsOptional()
  @IsUUID('all', { message: 'phải là mã định danh (UUID)' })
  organizationId?: string;
}

export class RecordFlagDto {
  @ApiProperty({
    enum: FLAG_KINDS,
    description:
      'discipline-review: đang xem xét kỷ luật; investigation: đang điều tra, thanh tra, kiểm tra; complaint-verification: đơn thư khiếu nại, tố cáo đang xác minh; disciplined: bị kỷ luật (đến endsOn)',
  })
  @IsIn(FLAG_KINDS as unknown as string[], { message: `phải là một trong: ${FLAG_KINDS.join(', ')}` })
  kind: FlagKind;

  @ApiProperty({ example: '2026-09-01' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  startsOn: string;

  @ApiPropertyOptional({ description: 'Ngày kết thúc dự kiến; với kỷ luật: ngày cuối cùng của thời hạn kỷ luật (bắt buộc)' })
  @ValidateIf((flag: RecordFlagDto) => flag.kind === 'disciplined' || flag.endsOn !== undefined)
  @Matches(ISO_DATE, DATE_MESSAGE)
  endsOn?: string;

  @ApiProperty({ example: 'Theo Thông báo số 12/TB-UBKT ngày 01/9/2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class LiftFlagDto {
  @ApiPropertyOptional({ description: 'Từ ngày này không còn hiệu lực (mặc định: hôm nay)' })
  @IsOptional()
  @Matches(ISO_DATE, DATE_MESSAGE)
  liftedOn?: string;

  @ApiProperty({ example: 'Kết luận số 20/KL-UBKT: không có vi phạm' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class RecordBlockResultDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year: number;

  @ApiProperty({ example: 'Khối thi đua các xã vùng cao' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  blockName: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
