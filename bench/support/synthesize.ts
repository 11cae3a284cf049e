import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityMetadata } from 'typeorm';
import { deadlineAfter, WorkingCalendar, type NominationEvent, type NominationSnapshot, type NominationWorkflow } from '../../workflows';
import { eventHash } from '../../workflows/integrity/audit-chain';
import { WorkflowCatalog } from '../../src/catalog/workflow-catalog.service';
import { UserEntity } from '../../src/identity/user.entity';
import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { holderOrganization } from '../../src/nominations/nomination-scope';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { OrganizationEntity } from '../../src/organizations/organization.entity';

export const FORM_CODE = 'giay-khen-chu-tich-xa';

type Actor = 'submitter' | 'appraiser' | 'secretary' | 'signer';

/** The Giấy khen of the commune chair, start to end, as the people of the procedure send it. */
export const GIAY_KHEN_PATH: Array<{ as: Actor; command: Record<string, unknown> & { type: string } }> = [
  { as: 'submitter', command: { type: 'SUBMIT' } },
  { as: 'appraiser', command: { type: 'ACCEPT' } },
  { as: 'appraiser', command: { type: 'APPRAISAL_PASSED', note: 'Hồ sơ đủ thành phần, đúng tiêu chuẩn' } },
  { as: 'secretary', command: { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 9, no: 0, abstain: 0 }, meetingDate: '2026-11-20' } },
  { as: 'signer', command: { type: 'SIGN', number: '1/QĐ-UBND', date: '2026-11-25' } },
];

export const STATE_AFTER = ['draft', 'commune.received', 'commune.appraisal', 'commune.councilReview', 'commune.awaitingSignature', 'awarded'];

const USERNAMES: Record<Actor, string> = { submitter: 'ban.binhlu', appraiser: 'vhxh.binhlu', secretary: 'thuky.binhlu', signer: 'chutich.binhlu' };

export interface SynthesizedNomination {
  row: Record<string, unknown>;
  events: Array<Record<string, unknown>>;
  access: Array<{ nomination_id: string; organization_id: string }>;
}

/** Database rows (column names, JSON as text) of an entity, as TypeORM would write them. */
export function toColumns(metadata: EntityMetadata, entity: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    const value = entity[column.propertyName];
    if (value === undefined) continue;
    out[column.databaseName] = column.type === 'simple-json' && value !== null ? JSON.stringify(value) : value;
  }
  return out;
}

/**
 * Nominations made the way the service makes them (the machine of the form in force, the due dates of the working
 * calendar), stopped after any number of steps of the path, written straight as rows: the figures need many, fast.
 */
export class NominationFactory {
  readonly workflow: NominationWorkflow;
  readonly ruleSetId: string;
  private readonly calendar: WorkingCalendar;
  private readonly nominationMeta: EntityMetadata;
  private readonly eventMeta: EntityMetadata;

  private constructor(
    app: INestApplicationContext,
    readonly communeId: string,
    readonly unitIds: string[],
    readonly actors: Record<Actor, { userId: string; username: string }>,
  ) {
    const catalog = app.get(WorkflowCatalog);
    const ruleSet = catalog.ruleSetInForce('lai-chau', new Date().toISOString());
    this.ruleSetId = ruleSet.id;
    this.workflow = catalog.workflow(ruleSet.id, FORM_CODE);
    this.calendar = app.get(WorkingCalendar);
    const dataSource = app.get(DataSource);
    this.nominationMeta = dataSource.getMetadata(NominationEntity);
    this.eventMeta = dataSource.getMetadata(NominationEventEntity);
  }

  static async create(app: INestApplicationContext): Promise<NominationFactory> {
    const dataSource = app.get(DataSource);
    const commune = await dataSource.getRepository(OrganizationEntity).findOneByOrFail({ kind: 'commune', name: 'UBND xã Bình Lư' });
    const units = await dataSource.getRepository(OrganizationEntity).findBy({ parentId: commune.id, kind: 'unit' });
    const actors = {} as Record<Actor, { userId: string; username: string }>;
    for (const [actor, username] of Object.entries(USERNAMES) as Array<[Actor, string]>) {
      const user = await dataSource.getRepository(UserEntity).findOneByOrFail({ username });
      actors[actor] = { userId: user.id, username };
    }
    return new NominationFactory(app, commune.id, units.map((unit) => unit.id), actors);
  }

  /** The snapshots after each step of the path from `start`, one day apart (pure machine work). */
  path(start: Date, steps: number): { snapshots: NominationSnapshot[]; events: NominationEvent[] } {
    let snapshot = this.workflow.start({ formCode: FORM_CODE, entryLevel: 'commune' });
    const snapshots = [snapshot];
    const events: NominationEvent[] = [];
    for (let index = 0; index < steps; index++) {
      const { as, command } = GIAY_KHEN_PATH[index];
      const at = new Date(start.getTime() + (index + 1) * 86_400_000).toISOString();
      const event = { ...command, actor: this.actors[as], at } as unknown as NominationEvent;
      const first = this.workflow.step(snapshot, event);
      if (first.outcome !== 'accepted') throw new Error(`${command.type} not accepted: ${JSON.stringify(first)}`);
      event.deadline = deadlineAfter(this.workflow.form, snapshot.context, this.workflow.statePath(first.snapshot), event, this.calendar);
      const second = this.workflow.step(snapshot, event);
      if (second.outcome !== 'accepted') throw new Error(`${command.type} not accepted twice`);
      snapshot = second.snapshot;
      snapshots.push(snapshot);
      events.push(event);
    }
    return { snapshots, events };
  }

  /**
   * One nomination `steps` steps along the path, created at `createdAt` by a unit of `organizationId` under
   * `communeId`, with its CREATED row and one log row per step, and its read access. `chained` computes the audit
   * chain's hashes (the engine's later steps link to them); without it the columns stay null.
   */
  build(
    steps: number,
    options: { organizationId: string; communeId: string; nomineeName: string; createdAt: Date; chained?: boolean; path?: ReturnType<NominationFactory['path']> },
  ): SynthesizedNomination {
    const path = options.path ?? this.path(options.createdAt, steps);
    const snapshot = path.snapshots[steps];
    const id = randomUUID();
    const state = this.workflow.statePath(snapshot);
    const levelOrganizations = { commune: options.communeId };
    const at = (index: number) => new Date(options.createdAt.getTime() + index * 86_400_000).toISOString();
    const entity: Partial<NominationEntity> = {
      id,
      formCode: FORM_CODE,
      ruleSetId: this.ruleSetId,
      machineVersion: this.workflow.version,
      campaignId: null,
      campaignReview: null,
      nomineeKind: 'individual',
      nomineeName: options.nomineeName,
      nominee: { kind: 'individual', fullName: options.nomineeName, category: 'worker-farmer', position: 'Nông dân' },
      nomineeId: null,
      criterion: null,
      awardYear: 2026,
      achievements: 'Có thành tích trong phong trào thi đua "Chung sức xây dựng nông thôn mới" năm 2026.',
      organizationId: options.organizationId,
      entryLevel: 'commune',
      levelOrganizations,
      currentLevel: this.workflow.level(snapshot),
      holderOrganizationId: holderOrganization({ organizationId: options.organizationId, levelOrganizations }, state, snapshot.context),
      state,
      snapshot: this.workflow.persist(snapshot) as never,
      version: steps + 1,
      dueDate: snapshot.context.deadline?.dueDate ?? null,
      submittedAt: snapshot.context.submittedAt ?? null,
      createdBy: this.actors.submitter.userId,
      createdAt: at(0),
      updatedAt: at(steps),
    };
    const logged = [
      { type: 'CREATED', actor: this.actors.submitter, at: at(0), fromState: '', toState: 'draft', payload: {} as Record<string, unknown> },
      ...path.events.slice(0, steps).map((event, index) => ({
        type: event.type,
        actor: event.actor,
        at: at(index + 1),
        fromState: this.workflow.statePath(path.snapshots[index]),
        toState: this.workflow.statePath(path.snapshots[index + 1]),
        payload: { ...event, at: at(index + 1) } as unknown as Record<string, unknown>,
      })),
    ];
    let prevHash: string | null = null;
    const events = logged.map((step, seq) => {
      const fields = {
        nominationId: id,
        seq,
        type: step.type,
        actorUserId: step.actor.userId,
        actorUsername: step.actor.username,
        at: step.at,
        fromState: step.fromState,
        toState: step.toState,
        payload: JSON.parse(JSON.stringify(step.payload)) as Record<string, unknown>,
        prevHash,
      };
      const hash = options.chained ? eventHash(fields) : null;
      prevHash = hash;
      return toColumns(this.eventMeta, { ...fields, hash });
    });
    const access = [{ nomination_id: id, organization_id: options.organizationId }];
    if (steps > 0) access.push({ nomination_id: id, organization_id: options.communeId });
    return { row: toColumns(this.nominationMeta, entity as Record<string, unknown>), events, access };
  }
}

/** Multi-row INSERTs in batches, inside the caller's transaction or one of their own per batch. */
export async function insertRows(dataSource: DataSource, table: string, rows: Array<Record<string, unknown>>, runner = dataSource.manager): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  if (dataSource.options.type === 'better-sqlite3') {
    // One prepared statement row by row on the driver's own handle (inside the transaction TypeORM opened on it):
    // several times faster than big multi-row statements for the million-row seed.
    const database = (dataSource.driver as unknown as { databaseConnection: { prepare(sql: string): { run(...values: unknown[]): unknown } } }).databaseConnection;
    const statement = database.prepare(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    for (const row of rows) statement.run(...columns.map((column) => (typeof row[column] === 'boolean' ? Number(row[column]) : (row[column] ?? null))));
    return;
  }
  const postgres = dataSource.options.type === 'postgres';
  const perBatch = Math.max(1, Math.floor((postgres ? 60_000 : 30_000) / columns.length));
  const quoted = columns.map((column) => `"${column}"`).join(', ');
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const marks = columns.map((column) => {
        const value = row[column];
        values.push(typeof value === 'boolean' && !postgres ? Number(value) : (value ?? null));
        return postgres ? `$${values.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    await runner.query(`INSERT INTO "${table}" (${quoted}) VALUES ${tuples.join(', ')}`, values);
  }
}

/** Writes synthesized nominations (rows, log, access) in transactions of `perTransaction` nominations. */
export async function insertNominations(dataSource: DataSource, nominations: SynthesizedNomination[], perTransaction = 2000): Promise<void> {
  for (let start = 0; start < nominations.length; start += perTransaction) {
    const chunk = nominations.slice(start, start + perTransaction);
    await dataSource.transaction(async (manager) => {
      await insertRows(dataSource, 'nominations', chunk.map((n) => n.row), manager);
      await insertRows(dataSource, 'nomination_events', chunk.flatMap((n) => n.events), manager);
      await insertRows(dataSource, 'nomination_access', chunk.flatMap((n) => n.access), manager);
    });
  }
}

export const newId = randomUUID;
