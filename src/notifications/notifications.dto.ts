import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: chỉ thông báo chưa đọc; false: chỉ thông báo đã đọc' })
  @IsOptional()
  @Matches(/^(true|false)$/, { message: 'phải là true hoặc false' })
  unread?: string;

  @IsOptional() @Matches(/^[1-9]\d{0,5}$/, { message: 'phải là số nguyên dương' }) page?: string;
  @IsOptional() @Matches(/^([1-9]\d?|100)$/, { message: 'phải là số nguyên từ 1 đến 100' }) pageSize?: string;
}
