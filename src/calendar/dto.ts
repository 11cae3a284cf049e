import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateCalendarAnnouncementDto {
  @ApiProperty({ example: '2027-02-12' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  date: string;

  @ApiProperty({ description: 'true: ngày làm bù (thứ Bảy đi làm); false: ngày nghỉ' })
  @IsBoolean()
  workingDay: boolean;

  @ApiPropertyOptional({ enum: ['compensatory', 'swapped', 'extra'], description: 'Loại ngày nghỉ: nghỉ bù, hoán đổi, nghỉ thêm' })
  @IsOptional()
  @IsIn(['compensatory', 'swapped', 'extra'])
  kind?: 'compensatory' | 'swapped' | 'extra';

  @ApiPropertyOptional({ example: 'Nghỉ Tết Nguyên đán (hoán đổi)' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiProperty({ example: 'Thông báo của Bộ Nội vụ về lịch nghỉ Tết Âm lịch 2027' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source: string;
}
