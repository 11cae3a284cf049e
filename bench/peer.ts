import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deadlineAfter, WorkingCalendar, type NominationEvent, type PersistedNominationSnapshot } from '../workflows';
import { BENCH_DIR, freshDatabase } from './support/app';
import { now, round, sideBySide } from './support/measure';
import { GIAY_KHEN_PATH, NominationFactory } from './support/synthesize';

// bpmn-engine ships CommonJS without types this project's settings read well; its API is small.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Engine } = require('bpmn-engine') as { Engine: new (options?: { name?: string; source?: string }) => BpmnEngine };
interface BpmnExecution {
  signal(message: { id: string }): void;
  getPostponed(): Array<{ id: string }>;
}
interface BpmnEngine {
  execute(): Promise<BpmnExecution>;
  resume(): Promise<BpmnExecution>;
  recover(state: unknown): BpmnEngine;
  getState(): Promise<unknown>;
}

/** The Giấy khen's steps as BPMN user tasks, each signalled by the step that ends it. */
const TASKS = ['draft', 'received', 'appraisal', 'councilReview', 'awaitingSignature'];
export const GIAY_KHEN_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="giayKhenChuTichXa" targetNamespace="urn:tdkt:bench">
  <process id="giayKhen" name="Giấy khen của Chủ tịch UBND xã" isExecutable="true">
    <startEvent id="start" />
${TASKS.map((task) => `    <userTask id="${task}" />`).join('\n')}
    <endEvent id="awarded" />
${['start', ...TASKS].map((task, i, all) => `    <sequenceFlow id="flow${i}" sourceRef="${task}" targetRef="${all[i + 1] ?? 'awarded'}" />`).join('\n')}
  </process>
</definitions>`;

interface Store {
  load(id: number): Promise<string>;
  save(id: number, state: string): Promise<void>;
}

/** A JSON row per workflow instance in one table of a database (better-sqlite3 through TypeORM), or in memory. */
async function databaseStore(): Promise<{ store: Store; insert: (id: number, state: string) => Promise<void>; close: () => Promise<void> }> {
  const url = `${BENCH_DIR}/peer.sqlite`;
  await freshDatabase(`sqlite:${url}`);
  const dataSource = await new DataSource({ type: 'better-sqlite3', database: url, enableWAL: true }).initialize();
  await dataSource.query('CREATE TABLE workflow_state (id INTEGER PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL)');
  return {
    store: {
      async load(id) {
        return (await dataSource.query('SELECT state FROM workflow_state WHERE id = ?', [id]))[0].state as string;
      },
      async save(id, state) {
        await dataSource.query('UPDATE workflow_state SET state = ?, version = version + 1 WHERE id = ?', [state, id]);
      },
    },
    insert: async (id, state) => void (await dataSource.query('INSERT INTO workflow_state (id, state, version) VALUES (?, ?, 1)', [id, state])),
    close: () => dataSource.destroy(),
  };
}

function memoryStore(): { store: Store; insert: (id: number, state: string) => Promise<void> } {
  const rows = new Map<number, string>();
  return {
    store: { load: async (id) => rows.get(id)!, save: async (id, state) => void rows.set(id, state) },
    insert: async (id, state) => void rows.set(id, state),
  };
}

export interface PeerFigure {
  storage: 'database' | 'memory';
  workflowsPerRound: number;
  rounds: number;
  bpmnStepsPerSecond: number;
  xstateStepsPerSecond: number;
  /** ours ÷ bpmn-engine (target ≥ 10). */
  ratio: number;
  bpmnRounds: number[];
  xstateRounds: number[];
}

/**
 * One step of each: read the stored JSON, restore (bpmn-engine `recover` + `resume`; XState `resolveState` through
 * NominationWorkflow.restore), apply the step (a signal to the waiting user task; our machine's step with its rule,
 * the due date of the next step and the second pass, as AdvanceNominationUseCase does), serialize, write back.
 * Five steps per instance, draft → awarded; instances created before the clock starts.
 */
export async function peerFigures(app: INestApplicationContext, workflowsPerRound: number, rounds: number): Promise<PeerFigure[]> {
  const factory = await NominationFactory.create(app);
  const calendar = app.get(WorkingCalendar);
  const workflow = factory.workflow;
  const figures: PeerFigure[] = [];
  for (const storage of ['memory', 'database'] as const) {
    const database = storage === 'database' ? await databaseStore() : null;
    const { store, insert } = database ?? memoryStore();
    const count = workflowsPerRound * rounds;
    // bpmn instances 1..count, XState instances count+1..2count.
    const engine = new Engine({ name: 'giay-khen', source: GIAY_KHEN_BPMN });
    await engine.execute();
    const initialBpmn = JSON.stringify(await engine.getState());
    const initialXState = JSON.stringify(workflow.persist(workflow.start({ formCode: workflow.form.code, entryLevel: 'commune' })));
    for (let id = 1; id <= count; id++) await insert(id, initialBpmn);
    for (let id = count + 1; id <= 2 * count; id++) await insert(id, initialXState);

    const bpmnStep = async (id: number, task: string) => {
      const instance = new Engine({ name: 'giay-khen' }).recover(JSON.parse(await store.load(id)));
      const execution = await instance.resume();
      execution.signal({ id: task });
      await store.save(id, JSON.stringify(await instance.getState()));
    };
    const xstateStep = async (id: number, index: number) => {
      const snapshot = workflow.restore(JSON.parse(await store.load(id)) as PersistedNominationSnapshot);
      const { as, command } = GIAY_KHEN_PATH[index];
      const event = { ...command, actor: factory.actors[as], at: new Date().toISOString() } as unknown as NominationEvent;
      const first = workflow.step(snapshot, event);
      if (first.outcome !== 'accepted') throw new Error(`${event.type}: ${first.outcome}`);
      event.deadline = deadlineAfter(workflow.form, snapshot.context, workflow.statePath(first.snapshot), event, calendar);
      const second = workflow.step(snapshot, event);
      if (second.outcome !== 'accepted') throw new Error(`${event.type}: second pass ${second.outcome}`);
      await store.save(id, JSON.stringify(workflow.persist(second.snapshot)));
    };
    const timed = async (run: (id: number, step: number) => Promise<void>, firstId: number) => {
      const start = now();
      for (let id = firstId; id < firstId + workflowsPerRound; id++) for (let step = 0; step < TASKS.length; step++) await run(id, step);
      return (workflowsPerRound * TASKS.length * 1000) / (now() - start);
    };
    const result = await sideBySide(
      rounds,
      (r) => timed((id, step) => bpmnStep(id, TASKS[step]), 1 + r * workflowsPerRound),
      (r) => timed((id, step) => xstateStep(id, step), count + 1 + r * workflowsPerRound),
    );
    // Every instance of both must have reached its end: a benchmark that skipped steps would measure nothing.
    const lastBpmn = JSON.parse(await store.load(count)) as { state: string };
    const lastOurs = JSON.parse(await store.load(2 * count)) as { value: string };
    if (lastBpmn.state !== 'idle' || lastOurs.value !== 'awarded') throw new Error(`peer workflows did not finish: ${lastBpmn.state}, ${lastOurs.value}`);
    await database?.close();
    figures.push({
      storage,
      workflowsPerRound,
      rounds,
      bpmnStepsPerSecond: result.baseline,
      xstateStepsPerSecond: result.subject,
      ratio: round(result.subject / result.baseline, 1),
      bpmnRounds: result.baselineRounds,
      xstateRounds: result.subjectRounds,
    });
  }
  return figures;
}
