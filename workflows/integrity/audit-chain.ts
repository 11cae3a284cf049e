import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The stored fields of one row of a nomination's log that its hash covers (everything but the hash itself). */
export interface AuditedEvent {
  nominationId: string;
  seq: number;
  type: string;
  actorUserId: string;
  actorUsername: string;
  at: string;
  fromState: string;
  toState: string;
  payload: unknown;
  /** The hash of the row before it in the same nomination's log; null for the first row (seq 0). */
  prevHash: string | null;
}

export interface ChainedEvent extends AuditedEvent {
  hash: string | null;
}

/** Names the canonical form, so a later form can be told apart from this one. */
export const AUDIT_HASH_FORMAT = 'tdkt-nomination-event/1';

/** The canonical serialization a row's hash is taken over: a JSON array of its fields in a fixed order. */
export function canonicalEventText(event: AuditedEvent): string {
  return canonicalJson([
    AUDIT_HASH_FORMAT,
    event.nominationId,
    event.seq,
    event.type,
    event.actorUserId,
    event.actorUsername,
    event.at,
    event.fromState,
    event.toState,
    event.payload,
    event.prevHash,
  ]);
}

/** SHA-256 (hex) of the row's canonical serialization. */
export function eventHash(event: AuditedEvent): string {
  return createHash('sha256').update(canonicalEventText(event), 'utf8').digest('hex');
}

export type ChainProblemKind = 'hash-missing' | 'hash-mismatch' | 'prev-hash-mismatch' | 'seq-gap' | 'log-length';

export interface ChainProblem {
  nominationId: string;
  /** The row the problem shows at (for a missing row, the first row after the gap, or the missing seq at the end). */
  seq: number;
  kind: ChainProblemKind;
  message: string;
}

/**
 * Checks one nomination's log, rows in `seq` order: seq runs 0, 1, 2… without a gap; each row's hash is the hash
 * of its own fields; each row's `prevHash` is the hash of the row before it (null for the first). An edited row
 * fails its own hash; a deleted row breaks the link of the row after it (and the seq run); `expectedLength` (the
 * nomination's version: one row per accepted step, the last one numbered version − 1) also catches rows cut off
 * the end.
 */
export function checkAuditChain(nominationId: string, events: ChainedEvent[], expectedLength?: number): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const problem = (seq: number, kind: ChainProblemKind, message: string) => problems.push({ nominationId, seq, kind, message });
  let previous: ChainedEvent | null = null;
  for (const [index, event] of events.entries()) {
    const expectedSeq = previous ? previous.seq + 1 : 0;
    if (event.seq !== expectedSeq) {
      problem(event.seq, 'seq-gap', `thiếu dòng nhật ký số ${expectedSeq}${event.seq - 1 > expectedSeq ? `–${event.seq - 1}` : ''} trước dòng số ${event.seq}`);
    }
    if (!event.hash) {
      problem(event.seq, 'hash-missing', 'dòng nhật ký không có mã băm');
    } else if (eventHash(event) !== event.hash) {
      problem(event.seq, 'hash-mismatch', 'nội dung dòng nhật ký không khớp với mã băm của nó (đã bị sửa)');
    }
    const expectedPrev = index === 0 ? null : previous!.hash;
    if (event.seq === 0 ? event.prevHash !== null : event.prevHash !== expectedPrev) {
      problem(
        event.seq,
        'prev-hash-mismatch',
        index === 0 && event.seq !== 0
          ? 'dòng nhật ký đầu tiên còn lại không phải dòng số 0 (các dòng trước đã bị xoá)'
          : `mã băm của dòng trước ghi trong dòng này không khớp với dòng số ${previous?.seq ?? 0} (dòng trước đã bị sửa hoặc xoá)`,
      );
    }
    previous = event;
  }
  const lastSeq = previous ? previous.seq : -1;
  if (expectedLength !== undefined && lastSeq !== expectedLength - 1) {
    // A gap inside the log is reported above; here the end is off: rows cut off it, or rows beyond the version.
    problem(
      lastSeq < expectedLength - 1 ? lastSeq + 1 : expectedLength,
      'log-length',
      lastSeq < expectedLength - 1
        ? `hồ sơ ở phiên bản ${expectedLength}, nhật ký dừng ở dòng số ${lastSeq}: thiếu từ dòng số ${lastSeq + 1} (đã bị xoá)`
        : `hồ sơ ở phiên bản ${expectedLength}, nhật ký có dòng đến số ${lastSeq}`,
    );
  }
  return problems;
}

/** Links rows written before the chain existed, in seq order (the migration's backfill). */
export function chainHashes(events: AuditedEvent[]): Array<{ seq: number; prevHash: string | null; hash: string }> {
  let prevHash: string | null = null;
  return events.map((event) => {
    const linked = { ...event, prevHash };
    const hash = eventHash(linked);
    const result = { seq: event.seq, prevHash, hash };
    prevHash = hash;
    return result;
  });
}
