import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { DecisionKind } from '../../workflows/decisions';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = { message: 'phải là ngày dạng YYYY-MM-DD' };
const UUID_MESSAGE = { message: 'phải là mã định danh (UUID)' };
export const DECISION_KINDS: DecisionKind[] = ['decision', 'submission'];
/** The most nominations one document may cover. */
export const MAX_BATCH = 500;

export class SignDecisionDto {
  @ApiPropertyOptional({ enum: DECISION_KINDS, description: 'decision (Quyết định khen thưởng) hoặc submission (Tờ trình lên cấp trên); mặc định theo lộ trình của hồ sơ' })
  @IsOptional()
  @IsIn(DECISION_KINDS)
  kind?: DecisionKind;

  @ApiProperty({ example: '12/QĐ-UBND', description: 'Số, ký hiệu; chỉ ghi số ("12") thì ký hiệu được thêm theo loại văn bản và cơ quan (12/QĐ-UBND)' })
  @IsString()
  @Matches(/\S/, { message: 'không được để trống' })
  @MaxLength(100)
  number: string;

  @ApiPropertyOptional({ description: 'Ngày ký; mặc định hôm nay' })
  @IsOptional()
  @Matches(ISO_DATE, DATE_MESSAGE)
  date?: string;

  @ApiPropertyOptional({ description: 'Trích yếu (sau "Về việc"); mặc định theo hình thức khen thưởng' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'không được để trống' })
  @MaxLength(400)
  title?: string;

  @ApiPropertyOptional({ description: 'Cấp phó ký thay (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)' })
  @IsOptional()
  @IsBoolean()
  deputy?: boolean;

  @ApiProperty({ type: [String], description: 'Các hồ sơ đang chờ ký của tổ chức, cùng một hình thức khen thưởng' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BATCH)
  @ArrayUnique({ message: 'không được lặp lại một hồ sơ' })
  @IsUUID('all', { each: true, ...UUID_MESSAGE })
  nominationIds: string[];
}

export class ListDecisionsQuery {
  @ApiPropertyOptional({ enum: DECISION_KINDS })
  @IsOptional()
  @IsIn(DECISION_KINDS)
  kind?: DecisionKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  organizationId?: string;
}
