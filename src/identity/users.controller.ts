import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../common/app-error';
import { CurrentUser, RequireRoles } from './auth.decorators';
import { requireAdmin } from './require-admin';
import { CreateUserDto } from './dto';
import type { Principal } from './principal';
import { UsersService } from './users.service';

const userId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy người dùng') });

@ApiTags('Quản trị')
@ApiBearerAuth()
@RequireRoles('admin')
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

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở khóa đăng nhập của người dùng bị tạm khóa do nhập sai mật khẩu nhiều lần (quản trị)' })
  unlock(@CurrentUser() principal: Principal, @Param('id', userId) id: string) {
    requireAdmin(principal);
    return this.users.unlock(id);
  }
}
