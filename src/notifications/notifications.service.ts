import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import type { ListNotificationsQuery } from './notifications.dto';
import { NotificationEntity } from './notification.entity';

export function toNotificationView(row: NotificationEntity) {
  return {
    id: row.id,
    kind: row.kind,
    nominationId: row.nominationId,
    eventType: row.eventType,
    state: row.state,
    message: row.message,
    createdAt: row.createdAt,
    read: row.readAt !== null,
    readAt: row.readAt,
  };
}

export type NotificationView = ReturnType<typeof toNotificationView>;

/** Each user's own notifications: nobody lists or marks another's (theirs answer 404, as if absent). */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
  ) {}

  async list(principal: Principal, query: ListNotificationsQuery) {
    const page = Number(query.page ?? 1);
    const pageSize = Number(query.pageSize ?? 20);
    const repository = this.dataSource.getRepository(NotificationEntity);
    const builder = repository.createQueryBuilder('n').where('n.user_id = :userId', { userId: principal.userId });
    if (query.unread === 'true') builder.andWhere('n.read_at IS NULL');
    if (query.unread === 'false') builder.andWhere('n.read_at IS NOT NULL');
    builder.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').skip((page - 1) * pageSize).take(pageSize);
    const [rows, total] = await builder.getManyAndCount();
    const unread = await repository.createQueryBuilder('n').where('n.user_id = :userId AND n.read_at IS NULL', { userId: principal.userId }).getCount();
    return { items: rows.map(toNotificationView), total, unread, page, pageSize };
  }

  /** Marks one of the caller's notifications read; reading it again keeps the first time. */
  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    return this.writes.transaction(async (manager) => {
      const row = await manager.findOneBy(NotificationEntity, { id, userId: principal.userId });
      if (!row) throw notFound('Không tìm thấy thông báo', { notificationId: id });
      if (row.readAt === null) {
        row.readAt = new Date().toISOString();
        await manager.update(NotificationEntity, { id: row.id, userId: principal.userId }, { readAt: row.readAt });
      }
      return toNotificationView(row);
    });
  }
}
