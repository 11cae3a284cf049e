import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { NOMINEE_KINDS, type NomineeKind } from '../../../workflows';

export class NomineeDto {
  @ApiProperty({ enum: NOMINEE_KINDS })
  @IsIn(NOMINEE_KINDS as unknown as string[], { message: `phải là một trong: ${NOMINEE_KINDS.join(', ')}` })
  kind: NomineeKind;

  @ApiPropertyOptional({ description: 'Họ và tên (cá nhân)', example: 'Lò Thị Hương' })
  @ValidateIf((nominee: NomineeDto) => nominee.kind === 'individual' || nominee.fullName !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'bắt buộc với cá nhân' })
  @MaxLength(255)
  fullName?: string;

  @ApiPropertyOptional({ description: 'Tên tập thể hoặc hộ gia đình', example: 'Hợp tác xã Nông nghiệp Bình Lư' })
  @ValidateIf((nominee: NomineeDto) => nominee.kind !== 'individual' || nominee.name !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'bắt buộc với tập thể và hộ gia đình' })
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'civil-servant, worker-farmer, entrepreneur, scientist; village, cooperative, enterprise, agency…' })
  @IsOptional()
  @Matches(/^[a-z]+(-[a-z]+)*$/, { message: 'phải là mã viết thường không dấu (ví dụ enterprise)' })
  @MaxLength(40)
  category?: string;

  @ApiPropertyOptional({ example: '1985-04-12' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'Giáo viên' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  position?: string;

  @ApiPropertyOptional({ example: 'Trường Tiểu học Bình Lư' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  unitName?: string;

  @ApiPropertyOptional({ description: 'Mã số thuế (doanh nghiệp)' })
  @IsOptional()
  @Matches(/^\d{10}(-\d{3})?$/, { message: 'mã số thuế gồm 10 chữ số (hoặc 10 chữ số-3 chữ số)' })
  taxCode?: string;

  @ApiPropertyOptional({ description: 'Chủ hộ (hộ gia đình)', example: 'Tòng Văn Piềng' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  householdHead?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

const CRITERION = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateNominationDto {
  @ApiProperty({ example: 'giay-khen-chu-tich-xa' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  formCode: string;

  @ApiPropertyOptional({ description: 'Phong trào thi đua (không cần với khen thưởng hằng năm)' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  campaignId?: string;

  @ApiPropertyOptional({ enum: ['midterm', 'final'], description: 'Đợt khen thưởng của phong trào: sơ kết (midterm) hoặc tổng kết (final); mặc định: đợt đang mở khi gửi hồ sơ' })
  @IsOptional()
  @IsIn(['midterm', 'final'], { message: 'phải là midterm (sơ kết) hoặc final (tổng kết)' })
  campaignReview?: 'midterm' | 'final';

  @ApiPropertyOptional({ description: 'Đối tượng trong sổ theo dõi (ưu tiên); không gửi cùng nominee' })
  @IsOptional()
  @IsUUID('all', { message: 'phải là mã định danh (UUID)' })
  nomineeId?: string;

  @ApiPropertyOptional({ type: NomineeDto, description: 'Thông tin đối tượng khi không có nomineeId: tạo mới hoặc dùng lại mục trong sổ theo dõi' })
  @ValidateIf((dto: CreateNominationDto) => dto.nomineeId === undefined || dto.nominee !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee?: NomineeDto;

  @ApiPropertyOptional({ description: 'Tiêu chuẩn đề nghị (mã trong eligibility.alternatives của hình thức); bắt buộc khi có nhiều tiêu chuẩn áp dụng' })
  @IsOptional()
  @Matches(CRITERION, { message: 'phải là mã tiêu chuẩn viết thường, không dấu' })
  @MaxLength(64)
  criterion?: string;

  @ApiPropertyOptional({ description: 'Năm xét thành tích (mặc định: năm hiện tại)', example: 2026 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  awardYear?: number;

  @ApiPropertyOptional({ description: 'Tóm tắt thành tích' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  achievements?: string;
}

export class UpdateNominationDto {
  @ApiPropertyOptional({ type: NomineeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee?: NomineeDto;

  @ApiPropertyOptional({ description: 'Tóm tắt thành tích' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  achievements?: string;

  @ApiPropertyOptional({ description: 'Phong trào thi đua; null: khen thưởng hằng năm, không thuộc phong trào' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  campaignId?: string | null;

  @ApiPropertyOptional({ enum: ['midterm', 'final'], description: 'Đợt sơ kết (midterm) hoặc tổng kết (final); null: đợt đang mở khi gửi hồ sơ' })
  @IsOptional()
  @IsIn(['midterm', 'final'], { message: 'phải là midterm (sơ kết) hoặc final (tổng kết)' })
  campaignReview?: 'midterm' | 'final' | null;

  @ApiPropertyOptional({ description: 'Tiêu chuẩn đề nghị' })
  @IsOptional()
  @Matches(CRITERION, { message: 'phải là mã tiêu chuẩn viết thường, không dấu' })
  @MaxLength(64)
  criterion?: string;

  @ApiPropertyOptional({ description: 'Năm xét thành tích' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  awardYear?: number;
}

export class ListNominationsQuery {
  @IsOptional() @IsString() @MaxLength(80) state?: string;
  @IsOptional() @IsString() @MaxLength(64) formCode?: string;
  @IsOptional() @IsString() @MaxLength(36) organizationId?: string;
  @IsOptional() @IsString() @MaxLength(36) campaignId?: string;
  @IsOptional() @IsIn(['midterm', 'final'], { message: 'phải là midterm (sơ kết) hoặc final (tổng kết)' }) campaignReview?: string;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  /** `true`: the current step's due date (Vietnam time) has passed; `false`: it has not, or there is none. */
  @IsOptional() @Matches(/^(true|false)$/, { message: 'phải là true hoặc false' }) overdue?: string;
  /** The current step is due between today and N days from today (Vietnam time), both included. */
  @IsOptional() @Matches(/^(0|[1-9]\d{0,2})$/, { message: 'phải là số ngày từ 0 đến 999' }) dueWithinDays?: string;
  @IsOptional() @Matches(/^[1-9]\d{0,5}$/, { message: 'phải là số nguyên dương' }) page?: string;
  @IsOptional() @Matches(/^([1-9]\d?|100)$/, { message: 'phải là số nguyên từ 1 đến 100' }) pageSize?: string;
}
