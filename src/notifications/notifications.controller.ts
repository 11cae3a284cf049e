import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../common/app-error';
import { validateBody } from '../common/validation';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { ListNotificationsQuery } from './notifications.dto';
import { NotificationsService } from './notifications.service';

const notificationId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Không tìm thấy thông báo') });

@ApiTags('Thông báo')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Thông báo của người gọi, mới nhất trước (?unread=true: chỉ thông báo chưa đọc)' })
  list(@CurrentUser() principal: Principal, @Query() query: Record<string, unknown>) {
    return this.notifications.list(principal, validateBody(ListNotificationsQuery, query));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc một thông báo của người gọi' })
  markRead(@CurrentUser() principal: Principal, @Param('id', notificationId) id: string) {
    return this.notifications.markRead(principal, id);
  }
}
