import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, vietnamDate, WorkingCalendar } from '../../workflows';
import { badInput } from '../common/app-error';
import { CurrentUser, RequireRoles } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { requireAdmin } from '../identity/require-admin';
import { CalendarAnnouncementsService } from './calendar-announcements.service';
import { CreateCalendarAnnouncementDto } from './dto';

@ApiTags('Lịch ngày làm việc')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly announcements: CalendarAnnouncementsService,
  ) {}

  @Get('announcements')
  @ApiOperation({ summary: 'Ngày nghỉ, ngày làm bù do quản trị ghi nhận thêm vào lịch' })
  listAnnouncements() {
    return this.announcements.list();
  }

  @Post('announcements')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Ghi nhận ngày nghỉ hoặc ngày làm bù theo thông báo của Chính phủ (quản trị)' })
  announce(@CurrentUser() principal: Principal, @Body() dto: CreateCalendarAnnouncementDto) {
    requireAdmin(principal);
    return this.announcements.create(principal, dto);
  }

  @Get('days-off')
  @ApiOperation({
    summary: 'Ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi và ngày làm bù của một năm, dùng để tính thời hạn theo ngày làm việc',
  })
  @ApiQuery({ name: 'year', required: false, description: 'Năm dương lịch, ví dụ 2026; mặc định năm nay (giờ Việt Nam)' })
  daysOff(@Query('year') year?: string) {
    const value = year === undefined ? Number(vietnamDate(new Date()).slice(0, 4)) : parseYear(year);
    const calendar = this.calendar.year(value);
    return {
      year: calendar.year,
      announced: calendar.compensatoryDays === 'as-announced',
      compensatoryDays: calendar.compensatoryDays,
      ...(calendar.note ? { note: calendar.note } : {}),
      workingDays: this.calendar.workingDaysIn(value),
      daysOff: calendar.daysOff,
      makeUpWorkingDays: calendar.makeUpWorkingDays,
    };
  }
}

function parseYear(text: unknown): number {
  // Anything but a four-digit year string (an array, an object from a bracketed key) is refused like a bad value.
  const year = typeof text === 'string' && /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR)) {
    throw badInput(`year phải là năm từ ${FIRST_CALENDAR_YEAR} đến ${LAST_CALENDAR_YEAR}`, {
      fields: [{ field: 'year', problems: ['không hợp lệ'] }],
    });
  }
  return year;
}
