import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { eventHash } from '../../workflows/integrity/audit-chain';
import { conflict } from '../common/app-error';
import type { Principal } from '../identity/principal';
import { NominationEventEntity } from './nomination-event.entity';
import { NominationEntity } from './nomination.entity';

export interface LoggedStep {
  type: string;
  actor: Pick<Principal, 'userId' | 'username'>;
  at: string;
  fromState: string;
  toState: string;
  payload: Record<string, unknown>;
}

export const staleVersion = (nominationId: string) =>
  conflict('VERSION_STALE', 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thực hiện lại', { nominationId });

/** `If-Match` said which version the caller saw; any other version means they decided on stale data. */
export function assertExpectedVersion(row: Pick<NominationEntity, 'version'>, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw conflict('VERSION_STALE', `Hồ sơ đã thay đổi (phiên bản hiện tại ${row.version}, yêu cầu gửi theo phiên bản ${expected}); vui lòng tải lại`, {
      currentVersion: row.version,
      expectedVersion: expected,
    });
  }
}

/**
 * Appends one row to the nomination's log; its sequence number is the version the step was applied to. The row is
 * chained to the one before it (its hash as `prev_hash`, the row's own hash over its stored fields): the caller
 * holds the nomination's version lock (`commitStep`) or has just created it (seq 0), so no other row can come
 * between them.
 */
export async function appendToLog(manager: EntityManager, nominationId: string, seq: number, step: LoggedStep): Promise<void> {
  const previous = seq > 0 ? await manager.findOne(NominationEventEntity, { select: { hash: true }, where: { nominationId, seq: seq - 1 } }) : null;
  const fields = {
    nominationId,
    seq,
    type: step.type,
    actorUserId: step.actor.userId,
    actorUsername: step.actor.username,
    at: step.at,
    fromState: step.fromState,
    toState: step.toState,
    // Hashed as it is stored and read back (simple-json), so `verify` recomputes the same text from the row.
    payload: JSON.parse(JSON.stringify(step.payload)) as Record<string, unknown>,
    prevHash: previous?.hash ?? null,
  };
  await manager.insert(NominationEventEntity, { ...fields, hash: eventHash(fields) } as QueryDeepPartialEntity<NominationEventEntity>);
}

/**
 * Writes an accepted step under the optimistic lock: `UPDATE … WHERE id = ? AND version = ?` (no row updated means
 * someone else got there first: 409, and the caller's transaction rolls back), then the step's log row.
 */
export async function commitStep(
  manager: EntityManager,
  row: Pick<NominationEntity, 'id' | 'version'>,
  changes: Partial<NominationEntity>,
  step: LoggedStep,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(NominationEntity)
    .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<NominationEntity>)
    .where('id = :id AND version = :version', { id: row.id, version: row.version })
    .execute();
  if (!result.affected) throw staleVersion(row.id);
  await appendToLog(manager, row.id, row.version, step);
}
