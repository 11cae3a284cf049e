import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ATTENDANCE, BALLOT_CHOICES, COUNCIL_POSITIONS, type Attendance, type BallotChoice, type CouncilPosition } from '../../workflows/council';
import { EMULATION_BLOCK_KINDS, type EmulationBlockKind } from './emulation-block.entity';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = { message: 'phải là ngày dạng YYYY-MM-DD' };
const UUID_MESSAGE = { message: 'phải là mã định danh (UUID)' };
const PERCENT_MESSAGE = { message: 'phải là số nguyên từ 1 đến 100' };

export class CreateCouncilDto {
  @ApiProperty({ description: 'Tổ chức có Hội đồng (xã, cơ quan, tỉnh)' })
  @IsUUID('all', UUID_MESSAGE)
  organizationId: string;

  @ApiPropertyOptional({ example: 'Hội đồng Thi đua – Khen thưởng xã Bình Lư' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'Tỷ lệ tối thiểu thành viên có mặt (%) riêng của tổ chức; mặc định theo bộ quy định' })
  @IsOptional()
  @IsInt(PERCENT_MESSAGE)
  @Min(1, PERCENT_MESSAGE)
  @Max(100, PERCENT_MESSAGE)
  quorumMinPresentPercent?: number;
}

export class UpdateCouncilDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null: trở lại tỷ lệ của bộ quy định' })
  @ValidateIf((dto: UpdateCouncilDto) => dto.quorumMinPresentPercent !== null && dto.quorumMinPresentPercent !== undefined)
  @IsInt(PERCENT_MESSAGE)
  @Min(1, PERCENT_MESSAGE)
  @Max(100, PERCENT_MESSAGE)
  quorumMinPresentPercent?: number | null;
}

export class AddCouncilMemberDto {
  @ApiProperty({ description: 'Người dùng có vai trò council-member tại tổ chức của Hội đồng' })
  @IsUUID('all', UUID_MESSAGE)
  userId: string;

  @ApiProperty({ enum: COUNCIL_POSITIONS })
  @IsIn(COUNCIL_POSITIONS as unknown as string[], { message: `phải là một trong: ${COUNCIL_POSITIONS.join(', ')}` })
  position: CouncilPosition;

  @ApiProperty({ example: '2026-01-01', description: 'Ngày bắt đầu nhiệm kỳ' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  from: string;

  @ApiPropertyOptional({ example: '2030-12-31', description: 'Ngày kết thúc nhiệm kỳ' })
  @IsOptional()
  @Matches(ISO_DATE, DATE_MESSAGE)
  to?: string;
}

export class EndCouncilTermDto {
  @ApiProperty({ example: '2026-06-30', description: 'Ngày cuối cùng của nhiệm kỳ' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  to: string;
}

export class ScheduleSessionDto {
  @ApiProperty()
  @IsUUID('all', UUID_MESSAGE)
  councilId: string;

  @ApiProperty({ example: '2026-11-20' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  meetingDate: string;

  @ApiPropertyOptional({ example: 'Phiên họp xét danh hiệu thi đua năm 2026' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'Bình Lư', description: 'Địa danh ghi ở dòng ngày tháng của biên bản' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  place?: string;

  @ApiPropertyOptional({ type: [String], description: 'Hồ sơ đang chờ Hội đồng xét, đưa vào chương trình phiên họp' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'có hồ sơ bị trùng' })
  @IsUUID('all', { each: true, message: 'mỗi phần tử phải là mã định danh (UUID)' })
  nominationIds?: string[];
}

export class AddAgendaItemsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'có hồ sơ bị trùng' })
  @IsUUID('all', { each: true, message: 'mỗi phần tử phải là mã định danh (UUID)' })
  nominationIds: string[];
}

export class AttendanceEntryDto {
  @ApiProperty()
  @IsUUID('all', UUID_MESSAGE)
  userId: string;

  @ApiProperty({ enum: ATTENDANCE, description: 'present: có mặt; absent: vắng; absent-written: vắng, có phiếu bằng văn bản' })
  @IsIn(ATTENDANCE as unknown as string[], { message: `phải là một trong: ${ATTENDANCE.join(', ')}` })
  status: Attendance;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto], description: 'Thành viên không có tên trong danh sách được ghi là vắng mặt' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  attendance: AttendanceEntryDto[];
}

export class CastBallotDto {
  @ApiProperty({ enum: BALLOT_CHOICES, description: 'yes: đồng ý; no: không đồng ý; abstain: phiếu trắng' })
  @IsIn(BALLOT_CHOICES as unknown as string[], { message: `phải là một trong: ${BALLOT_CHOICES.join(', ')}` })
  choice: BallotChoice;
}

export class CloseSessionDto {
  @ApiPropertyOptional({ example: '05/BB-HĐTĐKT', description: 'Số, ký hiệu biên bản; mặc định số tiếp theo trong năm' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  minutesNumber?: string;
}

export class ListSessionsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  councilId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  emulationBlockId?: string;

  @ApiPropertyOptional({ enum: ['scheduled', 'open', 'closed', 'inquorate', 'cancelled'] })
  @IsOptional()
  @IsIn(['scheduled', 'open', 'closed', 'inquorate', 'cancelled'])
  status?: string;
}

export class BlockMemberDto {
  @ApiProperty({ description: 'Tập thể thành viên của cụm, khối' })
  @IsUUID('all', UUID_MESSAGE)
  organizationId: string;

  @ApiPropertyOptional({ description: 'Người đại diện bỏ phiếu cho tập thể (người dùng của tập thể đó)' })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  representativeUserId?: string;
}

export class CreateEmulationBlockDto {
  @ApiProperty({ example: 'Cụm thi đua các xã vùng cao' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiProperty({ enum: EMULATION_BLOCK_KINDS, description: 'cluster: cụm thi đua; block: khối thi đua' })
  @IsIn(EMULATION_BLOCK_KINDS as unknown as string[], { message: `phải là một trong: ${EMULATION_BLOCK_KINDS.join(', ')}` })
  kind: EmulationBlockKind;

  @ApiProperty({ description: 'Tổ chức tổ chức cụm, khối (thư ký Hội đồng của tổ chức này điều hành bỏ phiếu suy tôn)' })
  @IsUUID('all', UUID_MESSAGE)
  organizerOrganizationId: string;

  @ApiPropertyOptional({ description: 'Tỷ lệ phiếu đồng ý tối thiểu trên tổng số thành viên (%), mặc định 50' })
  @IsOptional()
  @IsInt(PERCENT_MESSAGE)
  @Min(1, PERCENT_MESSAGE)
  @Max(100, PERCENT_MESSAGE)
  electionMinPercent?: number;

  @ApiPropertyOptional({ description: 'Tỷ lệ có mặt tối thiểu (%); mặc định theo bộ quy định' })
  @IsOptional()
  @IsInt(PERCENT_MESSAGE)
  @Min(1, PERCENT_MESSAGE)
  @Max(100, PERCENT_MESSAGE)
  quorumMinPresentPercent?: number;

  @ApiPropertyOptional({ type: [BlockMemberDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BlockMemberDto)
  members?: BlockMemberDto[];
}

export class ScheduleBlockElectionDto {
  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'phải là số nguyên' })
  @Min(2000)
  @Max(2200)
  year: number;

  @ApiProperty({ example: '2026-12-05' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  meetingDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'Lai Châu' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  place?: string;

  @ApiProperty({ type: [String], description: 'Các tập thể thành viên được đề cử suy tôn' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'có tập thể bị trùng' })
  @IsUUID('all', { each: true, message: 'mỗi phần tử phải là mã định danh (UUID)' })
  candidateOrganizationIds: string[];
}
