import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ORGANIZATION_KINDS, type OrganizationKind } from './organization.entity';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'UBND xã Bình Lư' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS as unknown as string[], { message: `phải là một trong: ${ORGANIZATION_KINDS.join(', ')}` })
  kind: OrganizationKind;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ required: false, example: 'Phòng Văn hóa – Xã hội' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  appraisalOfficeName?: string;

  @ApiProperty({ required: false, description: 'Mã tỉnh cho bộ quy định của tỉnh, ví dụ lai-chau', example: 'lai-chau' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang' })
  @MaxLength(64)
  code?: string;
}
