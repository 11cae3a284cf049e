import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../workflows';

export class LoginDto {
  @ApiProperty({ example: 'vhxh.binhlu' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'BinhLu@2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'canbo.vhxh' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang; 3–64 ký tự' })
  username: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8, { message: 'phải có ít nhất 8 ký tự' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Hoàng Thị Mai' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName: string;

  @ApiProperty({ required: false, description: 'Bắt buộc, trừ tài khoản chỉ có vai trò admin' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES as unknown as string[], { each: true, message: `mỗi vai trò phải là một trong: ${ROLES.join(', ')}` })
  roles: Role[];
}
