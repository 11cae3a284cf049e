import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequireRoles } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { requireAdmin } from '../identity/require-admin';
import { CreateOrganizationDto } from './dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('Quản trị')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Tạo tổ chức: đơn vị, xã, cơ quan, tỉnh (quản trị)' })
  create(@CurrentUser() principal: Principal, @Body() dto: CreateOrganizationDto) {
    requireAdmin(principal);
    return this.organizations.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách tổ chức' })
  list() {
    return this.organizations.list();
  }
}
