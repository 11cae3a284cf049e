import { __unsafe_getAllOwnEventDescriptors, initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { AwardForm, Level } from '../catalog/types';
import { buildNominationMachine, type MachineOptions, type NominationMachine } from './build-nomination-machine';
import { refusalFor } from './event-rules';
import type { NominationContext, NominationInput } from './nomination-context';
import { NOMINATION_EVENT_TYPES, type NominationEvent, type NominationEventType } from './nomination-events';
import type { Refusal } from './refusal';

export type NominationSnapshot = Omit<AnyMachineSnapshot, 'context'> & { context: NominationContext };

/** What is stored with a nomination: the machine's own persisted snapshot. */
export interface PersistedNominationSnapshot {
  value: unknown;
  context: NominationContext;
  status: string;
  [key: string]: unknown;
}

export class SnapshotRestoreError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The stored snapshot names a state its machine does not have: reported as such, never reset to another state. */
export class SnapshotUnknownStateError extends SnapshotRestoreError {
  constructor(readonly state: string) {
    super(`Trạng thái đã lưu "${state}" không có trong quy trình của hồ sơ`);
  }
}

export type StepResult =
  | { outcome: 'not-allowed'; state: string }
  | { outcome: 'refused'; refusal: Refusal }
  | { outcome: 'accepted'; snapshot: NominationSnapshot };

/** `{ commune: 'appraisal' }` → `commune.appraisal`. */
export function toStatePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value as Record<string, unknown>)[0];
  return `${key}.${toStatePath(inner)}`;
}

/** One award form's machine with the pure operations the service needs: start, restore, step. */
export class NominationWorkflow {
  readonly machine: NominationMachine;
  readonly version: string;

  constructor(
    readonly form: AwardForm,
    readonly options: MachineOptions,
  ) {
    const built = buildNominationMachine(form, options);
    this.machine = built.machine;
    this.version = built.version;
  }

  start(input: NominationInput): NominationSnapshot {
    return initialTransition(this.machine, input)[0] as NominationSnapshot;
  }

  persist(snapshot: NominationSnapshot): PersistedNominationSnapshot {
    return this.machine.getPersistedSnapshot(snapshot as AnyMachineSnapshot) as unknown as PersistedNominationSnapshot;
  }

  /** Every state a snapshot may stand in (the leaves of the machine), as `level.step` paths. */
  get statePaths(): ReadonlySet<string> {
    if (!this.leafPaths) {
      const leaves = new Set<string>();
      const visit = (node: { path: string[]; states: Record<string, unknown> }) => {
        const children = Object.values(node.states) as Array<typeof node>;
        if (!children.length) leaves.add(node.path.join('.'));
        children.forEach(visit);
      };
      visit(this.machine.root as never);
      this.leafPaths = leaves;
    }
    return this.leafPaths;
  }

  private leafPaths?: Set<string>;

  restore(persisted: PersistedNominationSnapshot): NominationSnapshot {
    let path: string | null = null;
    try {
      path = toStatePath(persisted.value);
    } catch {
      // Not a state value at all: reported below as unrestorable.
    }
    if (path !== null && !this.statePaths.has(path)) throw new SnapshotUnknownStateError(path);
    try {
      const snapshot = this.machine.resolveState({ value: persisted.value as never, context: persisted.context }) as NominationSnapshot;
      if (toStatePath(snapshot.value) !== toStatePath(persisted.value)) throw new Error('trạng thái không còn trong quy trình');
      return snapshot;
    } catch (error) {
      throw new SnapshotRestoreError(
        `Không khôi phục được trạng thái đã lưu "${JSON.stringify(persisted?.value)}": ${(error as Error).message}`,
      );
    }
  }

  statePath(snapshot: NominationSnapshot): string {
    return toStatePath(snapshot.value);
  }

  level(snapshot: NominationSnapshot): Level | null {
    const head = this.statePath(snapshot).split('.')[0];
    return snapshot.context.route.includes(head as Level) ? (head as Level) : null;
  }

  /** Event types the current state has a transition for, before any rule looks at the payload. */
  acceptedEventTypes(snapshot: NominationSnapshot): NominationEventType[] {
    const own = new Set(__unsafe_getAllOwnEventDescriptors(snapshot as AnyMachineSnapshot));
    const types = NOMINATION_EVENT_TYPES.filter((type) => own.has(type));
    // SUBMIT is routed by the entry level: it is accepted only when a branch for this route exists.
    return types.filter((type) => type !== 'SUBMIT' || this.form.entryLevels.includes(snapshot.context.route[0]));
  }

  step(snapshot: NominationSnapshot, event: NominationEvent): StepResult {
    if (!this.acceptedEventTypes(snapshot).includes(event.type)) {
      return { outcome: 'not-allowed', state: this.statePath(snapshot) };
    }
    const refusal = refusalFor({ form: this.form, quorum: this.options.quorum }, snapshot.context, event);
    if (refusal) return { outcome: 'refused', refusal };
    const next = transition(this.machine, snapshot as AnyMachineSnapshot, event)[0] as NominationSnapshot;
    if (next === snapshot || (this.statePath(next) === this.statePath(snapshot) && next.context === snapshot.context)) {
      return { outcome: 'refused', refusal: { rule: 'guard', message: 'Quy tắc của quy trình không cho phép bước này' } };
    }
    return { outcome: 'accepted', snapshot: next };
  }

  /** Rebuilds the state from the event log alone; it must equal the stored snapshot. */
  replay(input: NominationInput, events: NominationEvent[]): NominationSnapshot {
    return events.reduce((snapshot, event, index) => {
      const result = this.step(snapshot, event);
      if (result.outcome !== 'accepted') {
        throw new SnapshotRestoreError(`Sự kiện thứ ${index + 1} (${event.type}) không áp dụng lại được: ${result.outcome}`);
      }
      return result.snapshot;
    }, this.start(input));
  }
}
