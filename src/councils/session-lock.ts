import { QueryFailedError, type EntityManager } from 'typeorm';
import type { SessionStatus } from '../../workflows/council';
import { conflict, notFound } from '../common/app-error';
import { CouncilSessionEntity } from './council-session.entity';

const STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'đã lên lịch, chưa khai mạc',
  open: 'đang họp',
  closed: 'đã kết thúc',
  inquorate: 'đã kết thúc, không đủ số thành viên tham dự nên không có kết quả',
  cancelled: 'đã hủy',
};

export function sessionStatusLabel(status: SessionStatus): string {
  return STATUS_LABELS[status];
}

/**
 * Takes the session's row lock, in the caller's transaction, if the session is in `status`: a no-op
 * `UPDATE … SET status = status WHERE id = ? AND status = ?`. On PostgreSQL a ballot and the close both take it, so
 * a close waits for a ballot being cast (and then counts it) and a ballot that comes after the close finds it
 * closed (409); on sqlite write transactions are queued anyway. Answers the locked row, 404 or 409.
 */
export async function lockSession(manager: EntityManager, sessionId: string, status: SessionStatus): Promise<CouncilSessionEntity> {
  const result = await manager
    .createQueryBuilder()
    .update(CouncilSessionEntity)
    .set({ status: () => 'status' })
    .where('id = :id AND status = :status', { id: sessionId, status })
    .execute();
  const session = await manager.findOneBy(CouncilSessionEntity, { id: sessionId });
  if (!session) throw notFound('Không tìm thấy phiên họp');
  if (!result.affected || session.status !== status) {
    throw conflict(
      status === 'open' ? 'SESSION_NOT_OPEN' : 'SESSION_NOT_SCHEDULED',
      `Phiên họp ${STATUS_LABELS[session.status]}: không thể thực hiện thao tác này`,
      { sessionId, status: session.status },
    );
  }
  return session;
}

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}
