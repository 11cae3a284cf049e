import { DataSource } from 'typeorm';
import { AdvanceNominationUseCase } from '../src/nominations/advance-nomination.use-case';
import type { EventCommand } from '../src/nominations/dto/nomination-event.dto';
import { eventHash } from '../workflows/integrity/audit-chain';
import { BENCH_DIR, freshDatabase, openContext, POSTGRES_URL, principalOf } from './support/app';
import { round, sideBySide } from './support/measure';
import { insertNominations, NominationFactory } from './support/synthesize';

export interface EngineFigure {
  driver: string;
  databaseUrl: string;
  eventsPerRound: number;
  rounds: number;
  baselineEventsPerSecond: number;
  engineEventsPerSecond: number;
  /** baseline ÷ engine: how many times the raw statements outrun the engine (target ≤ 2). */
  ratio: number;
  baselineRounds: number[];
  engineRounds: number[];
  statementsPerStep: { baseline: number; engine: number };
}

export const ENGINE_DATABASES = (): Array<{ driver: string; url: string }> => [
  { driver: 'sqlite3', url: `sqlite:${BENCH_DIR}/engine-sqlite3.sqlite` },
  { driver: 'better-sqlite3', url: `better-sqlite3:${BENCH_DIR}/engine-better-sqlite3.sqlite` },
  { driver: 'postgres', url: POSTGRES_URL },
];

/**
 * Committed events per second through the real step (AdvanceNominationUseCase.execute: the appraisal office's
 * ACCEPT of a received Giấy khen, one after another, every check and listener on) against the same statements sent
 * through the same TypeORM driver without the engine: in one transaction the row's SELECT, the previous log row's
 * hash, `UPDATE … WHERE id = ? AND version = ?` with the new snapshot, and the INSERT of the chained log row.
 */
export async function engineFigure(driver: string, url: string, eventsPerRound: number, rounds: number): Promise<EngineFigure> {
  await freshDatabase(url);
  const app = await openContext(url);
  try {
    const dataSource = app.get(DataSource);
    const advance = app.get(AdvanceNominationUseCase);
    const appraiser = await principalOf(app, 'vhxh.binhlu');
    const factory = await NominationFactory.create(app);
    const start = new Date('2026-11-02T02:00:00.000Z');
    const path = factory.path(start, 2);
    const pool = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        factory.build(1, { organizationId: factory.unitIds[i % factory.unitIds.length], communeId: factory.communeId, nomineeName: `Cá nhân số ${i + 1}`, createdAt: start, chained: true, path }),
      );
    const enginePool = pool(eventsPerRound * rounds + 2);
    const baselinePool = pool(eventsPerRound * rounds + 2);
    await insertNominations(dataSource, [...enginePool, ...baselinePool]);

    // The baseline writes what the engine writes for this step: the snapshot after ACCEPT and its event.
    const after = factory.workflow.persist(path.snapshots[2]);
    const acceptEvent = path.events[1];
    const pg = dataSource.options.type === 'postgres';
    const mark = (i: number) => (pg ? `$${i}` : '?');
    const selectRow = `SELECT * FROM nominations WHERE id = ${mark(1)}`;
    const selectPrevious = `SELECT hash FROM nomination_events WHERE nomination_id = ${mark(1)} AND seq = ${mark(2)}`;
    const update =
      `UPDATE nominations SET state = ${mark(1)}, snapshot = ${mark(2)}, rule_set_id = ${mark(3)}, machine_version = ${mark(4)}, current_level = ${mark(5)}, ` +
      `holder_organization_id = ${mark(6)}, due_date = ${mark(7)}, submitted_at = ${mark(8)}, updated_at = ${mark(9)}, version = version + 1 WHERE id = ${mark(10)} AND version = ${mark(11)}`;
    const insert =
      `INSERT INTO nomination_events (nomination_id, seq, type, actor_user_id, actor_username, at, from_state, to_state, payload, prev_hash, hash) ` +
      `VALUES (${Array.from({ length: 11 }, (_, i) => mark(i + 1)).join(', ')})`;

    const baselineStep = async (id: string) => {
      await dataSource.transaction(async (manager) => {
        const [row] = await manager.query(selectRow, [id]);
        const version = Number(row.version);
        const [previous] = await manager.query(selectPrevious, [id, version - 1]);
        const at = new Date().toISOString();
        const result = await manager.queryRunner!.query(update, [
          'commune.appraisal', JSON.stringify(after), row.rule_set_id, row.machine_version, 'commune', factory.communeId,
          path.snapshots[2].context.deadline?.dueDate ?? null, row.submitted_at, at, id, version,
        ], true);
        if (!(result as { affected?: number }).affected) throw new Error('lost update in the baseline');
        const fields = {
          nominationId: id, seq: version, type: 'ACCEPT', actorUserId: appraiser.userId, actorUsername: appraiser.username, at,
          fromState: 'commune.received', toState: 'commune.appraisal', payload: { ...acceptEvent, at } as unknown as Record<string, unknown>, prevHash: previous?.hash ?? null,
        };
        await manager.query(insert, [id, version, 'ACCEPT', appraiser.userId, appraiser.username, at, fields.fromState, fields.toState, JSON.stringify(fields.payload), fields.prevHash, eventHash(fields)]);
      });
    };
    const timed = async (work: (index: number) => Promise<unknown>, offset: number) => {
      const begin = process.hrtime.bigint();
      for (let i = 0; i < eventsPerRound; i++) await work(offset + i);
      return (eventsPerRound * 1e9) / Number(process.hrtime.bigint() - begin);
    };
    // One untimed warm-up step on each side (JIT, prepared plans, the catalog's machines).
    await baselineStep(baselinePool[0].row.id as string);
    await advance.execute(appraiser, enginePool[0].row.id as string, { type: 'ACCEPT' } as EventCommand, {});
    // How many statements each side sends per step: the engine's checks, listeners and answer read more than the four.
    const counted = { on: false, statements: 0 };
    const logger = dataSource.logger;
    const counting = Object.create(logger) as typeof logger;
    counting.logQuery = (...args: Parameters<typeof logger.logQuery>) => {
      if (counted.on && !/^(BEGIN|COMMIT|START TRANSACTION|SAVEPOINT|RELEASE)/i.test(args[0].trim())) {
        counted.statements++;
        if (process.env.BENCH_TRACE) console.log(`  ${args[0].slice(0, 160)}`);
      }
      return logger.logQuery(...args);
    };
    (dataSource as unknown as { logger: typeof logger }).logger = counting;
    counted.on = true;
    await baselineStep(baselinePool.at(-1)!.row.id as string);
    const baselineStatements = counted.statements;
    counted.statements = 0;
    await advance.execute(appraiser, enginePool.at(-1)!.row.id as string, { type: 'ACCEPT' } as EventCommand, {});
    const engineStatements = counted.statements;
    counted.on = false;
    const result = await sideBySide(
      rounds,
      (r) => timed((i) => baselineStep(baselinePool[i].row.id as string), r * eventsPerRound + 1),
      (r) => timed((i) => advance.execute(appraiser, enginePool[i].row.id as string, { type: 'ACCEPT' } as EventCommand, {}), r * eventsPerRound + 1),
    );
    return {
      driver,
      databaseUrl: url,
      eventsPerRound,
      rounds,
      baselineEventsPerSecond: result.baseline,
      engineEventsPerSecond: result.subject,
      ratio: round(result.baseline / result.subject, 2),
      statementsPerStep: { baseline: baselineStatements, engine: engineStatements },
      baselineRounds: result.baselineRounds,
      engineRounds: result.subjectRounds,
    };
  } finally {
    await app.close();
  }
}
