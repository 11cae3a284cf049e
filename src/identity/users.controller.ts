import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from './auth.decorators';
import { requireAdmin } from './require-admin';
import { CreateUserDto } from './dto';
import type { Principal } from './principal';
import { UsersService } from './users.service';

@ApiTags('Quản trị')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Tạo người dùng và vai trò tại tổ chức (quản trị)' })
  create(@CurrentUser() principal: Principal, @Body() dto: CreateUserDto) {
    requireAdmin(principal);
    return this.users.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách người dùng (quản trị)' })
  list(@CurrentUser() principal: Principal) {
    requireAdmin(principal);
    return this.users.list();
  }
}
