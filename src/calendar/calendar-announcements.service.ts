import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, WorkingCalendar } from '../../workflows';
import { conflict, ruleRefused } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import { CalendarAnnouncementEntity } from './calendar-announcement.entity';
import type { CreateCalendarAnnouncementDto } from './dto';

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * The yearly days off and make-up working days the government announces, recorded by an administrator on top of
 * data/calendar. They are loaded into the calendar at start-up and applied at once when recorded; due dates
 * already given are not recomputed.
 */
@Injectable()
export class CalendarAnnouncementsService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly calendar: WorkingCalendar,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const row of await this.list()) this.apply(row);
  }

  list(): Promise<CalendarAnnouncementEntity[]> {
    return this.dataSource.getRepository(CalendarAnnouncementEntity).find({ order: { date: 'ASC' } });
  }

  async create(principal: Principal, dto: CreateCalendarAnnouncementDto): Promise<CalendarAnnouncementEntity> {
    const year = Number(dto.date.slice(0, 4));
    if (!new Date(`${dto.date}T00:00:00Z`).toISOString().startsWith(dto.date) || year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
      throw ruleRefused(`Ngày ${dto.date} không có thật hoặc ngoài phạm vi lịch (${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR})`, { rule: 'calendar-date' });
    }
    if (dto.workingDay && !isWeekend(dto.date)) {
      throw ruleRefused('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật', { rule: 'make-up-day-on-weekend', date: dto.date });
    }
    if (!dto.workingDay && isWeekend(dto.date)) {
      throw ruleRefused('Ngày nghỉ được công bố phải là ngày làm việc thông thường (thứ Hai đến thứ Sáu)', { rule: 'day-off-on-weekday', date: dto.date });
    }
    const row = await this.writes.transaction(async (manager) => {
      if (await manager.existsBy(CalendarAnnouncementEntity, { date: dto.date })) {
        throw conflict('CALENDAR_DAY_EXISTS', `Ngày ${dto.date} đã được ghi nhận trong lịch`, { date: dto.date });
      }
      const entity = manager.create(CalendarAnnouncementEntity, {
        date: dto.date,
        workingDay: dto.workingDay,
        kind: dto.workingDay ? null : (dto.kind ?? 'extra'),
        name: dto.name?.normalize('NFC') ?? null,
        note: dto.note?.normalize('NFC') ?? null,
        source: dto.source.normalize('NFC'),
        createdBy: principal.userId,
        createdAt: new Date().toISOString(),
      });
      await manager.insert(CalendarAnnouncementEntity, entity);
      return entity;
    });
    this.apply(row);
    return row;
  }

  private apply(row: CalendarAnnouncementEntity): void {
    this.calendar.announce({
      date: row.date,
      workingDay: row.workingDay,
      kind: (row.kind ?? undefined) as never,
      name: row.name ?? undefined,
      note: row.note ?? undefined,
      source: row.source,
    });
  }
}
