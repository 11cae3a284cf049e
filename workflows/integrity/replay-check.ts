import type { Level } from '../catalog/types';
import { NOMINATION_EVENT_TYPES, type NominationEvent } from '../nomination/nomination-events';
import { SnapshotRestoreError, SnapshotUnknownStateError, type NominationSnapshot, type NominationWorkflow } from '../nomination/nomination-workflow';
import { canonicalJson } from './canonical-json';

/** What replay needs of a stored nomination. */
export interface StoredNomination {
  id: string;
  formCode: string;
  entryLevel: Level;
  state: string;
  version: number;
  snapshot: unknown;
}

/** One row of its log, as stored. */
export interface StoredLogEntry {
  seq: number;
  type: string;
  fromState: string;
  toState: string;
  payload: unknown;
}

export type ReplayProblemKind = 'unknown-state' | 'replay-refused' | 'snapshot-mismatch' | 'state-mismatch' | 'log-state-mismatch';

export interface ReplayProblem {
  nominationId: string;
  seq: number;
  kind: ReplayProblemKind;
  message: string;
}

/** The log's rows the machine takes (creation, draft edits and uploads are logged too, but are not machine events). */
export function isMachineEvent(entry: Pick<StoredLogEntry, 'type'>): boolean {
  return (NOMINATION_EVENT_TYPES as readonly string[]).includes(entry.type);
}

/** Rebuilds the state from the log alone, in seq order; a step the machine does not take throws at its row. */
export function replayLog(workflow: NominationWorkflow, nomination: Pick<StoredNomination, 'formCode' | 'entryLevel'>, log: StoredLogEntry[]): NominationSnapshot {
  const events = [...log].sort((a, b) => a.seq - b.seq).filter(isMachineEvent);
  return workflow.replay({ formCode: nomination.formCode, entryLevel: nomination.entryLevel }, events.map((entry) => entry.payload as NominationEvent));
}

/**
 * Replays a nomination's log through its machine and compares with what is stored: the snapshot (exactly, in
 * canonical JSON), the state column, and each row's from/to states against the replayed path. Each problem names the
 * row (seq) it shows at.
 */
export function checkReplay(workflow: NominationWorkflow, nomination: StoredNomination, log: StoredLogEntry[]): ReplayProblem[] {
  const problems: ReplayProblem[] = [];
  const problem = (seq: number, kind: ReplayProblemKind, message: string) => problems.push({ nominationId: nomination.id, seq, kind, message });
  const lastSeq = Math.max(nomination.version - 1, 0);
  const storedValue = (nomination.snapshot as { value?: unknown } | null)?.value;
  try {
    workflow.restore(nomination.snapshot as never);
  } catch (error) {
    if (error instanceof SnapshotUnknownStateError) problem(lastSeq, 'unknown-state', `ảnh chụp trạng thái đã lưu ghi bước "${error.state}", không có trong quy trình của hồ sơ`);
    else if (!(error instanceof SnapshotRestoreError)) throw error;
  }

  let snapshot = workflow.start({ formCode: nomination.formCode, entryLevel: nomination.entryLevel });
  const ordered = [...log].sort((a, b) => a.seq - b.seq);
  for (const entry of ordered) {
    const path = workflow.statePath(snapshot);
    if (!isMachineEvent(entry)) {
      // Creation, draft edits and uploads leave the state where it is (creation has no state before it).
      if (entry.toState !== path) problem(entry.seq, 'log-state-mismatch', `dòng ${entry.type} ghi bước "${entry.toState}", khi phát lại hồ sơ đang ở "${path}"`);
      continue;
    }
    if (entry.fromState !== path) problem(entry.seq, 'log-state-mismatch', `dòng ${entry.type} ghi xuất phát từ "${entry.fromState}", khi phát lại hồ sơ đang ở "${path}"`);
    const result = workflow.step(snapshot, entry.payload as NominationEvent);
    if (result.outcome !== 'accepted') {
      const why = result.outcome === 'refused' ? result.refusal.message : `bước "${result.state}" không nhận sự kiện này`;
      problem(entry.seq, 'replay-refused', `sự kiện ${entry.type} không áp dụng lại được: ${why}`);
      return problems;
    }
    snapshot = result.snapshot;
    const to = workflow.statePath(snapshot);
    if (entry.toState !== to) problem(entry.seq, 'log-state-mismatch', `dòng ${entry.type} ghi dẫn tới "${entry.toState}", phát lại dẫn tới "${to}"`);
  }
  const replayedPath = workflow.statePath(snapshot);
  if (replayedPath !== nomination.state) {
    problem(lastSeq, 'state-mismatch', `cột trạng thái ghi "${nomination.state}", phát lại nhật ký dẫn tới "${replayedPath}"`);
  }
  if (canonicalJson(workflow.persist(snapshot)) !== canonicalJson(nomination.snapshot)) {
    const storedPath = safePath(storedValue);
    problem(
      lastSeq,
      'snapshot-mismatch',
      storedPath !== replayedPath
        ? `ảnh chụp trạng thái đã lưu ở bước "${storedPath}", phát lại nhật ký dẫn tới "${replayedPath}"`
        : 'ảnh chụp trạng thái đã lưu khác với kết quả phát lại nhật ký',
    );
  }
  return problems;
}

function safePath(value: unknown): string {
  try {
    return typeof value === 'string' ? value : Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${key}.${safePath(inner)}`)[0] ?? '?';
  } catch {
    return JSON.stringify(value) ?? '?';
  }
}
