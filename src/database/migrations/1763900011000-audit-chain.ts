import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { chainHashes } from '../../../workflows/integrity/audit-chain';

const hashColumn = (name: string) => new TableColumn({ name, type: 'varchar', length: '64', isNullable: true });

interface StoredEventRow {
  nomination_id: string;
  seq: number | string;
  type: string;
  actor_user_id: string;
  actor_username: string;
  at: string;
  from_state: string;
  to_state: string;
  payload: string;
}

/**
 * The audit chain: each row of `nomination_events` carries the SHA-256 of the row before it in the same
 * nomination's log (`prev_hash`, null for seq 0) and its own (`hash`); rows already there are linked in seq order.
 * And `machine_definitions`: the catalog entry each machine version was built from, kept so a nomination stays on
 * the machine it started with after the catalog changes. Runs on sqlite and PostgreSQL.
 */
export class AuditChain1763900011000 implements MigrationInterface {
  name = 'AuditChain1763900011000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('nomination_events', [hashColumn('prev_hash'), hashColumn('hash')]);
    await this.linkExistingRows(runner);
    await runner.createTable(
      new Table({
        name: 'machine_definitions',
        columns: [
          { name: 'rule_set_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'form_code', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'varchar', length: '64', isPrimary: true },
          { name: 'builder_version', type: 'integer' },
          { name: 'definition', type: 'text' },
          { name: 'recorded_at', type: 'varchar', length: '32' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('machine_definitions');
    await runner.dropColumns('nomination_events', ['hash', 'prev_hash']);
  }

  /**
   * Links every row in seq order per nomination, as commitStep would have. Plain SQL with named parameters, as the
   * rows are stored: the entities of today must not shape it.
   */
  async linkExistingRows(runner: QueryRunner): Promise<void> {
    const rows: StoredEventRow[] = await runner.query(
      'SELECT nomination_id, seq, type, actor_user_id, actor_username, at, from_state, to_state, payload FROM nomination_events ORDER BY nomination_id, seq',
    );
    const byNomination = new Map<string, StoredEventRow[]>();
    for (const row of rows) byNomination.set(row.nomination_id, [...(byNomination.get(row.nomination_id) ?? []), row]);
    for (const [nominationId, log] of byNomination) {
      const links = chainHashes(
        log.map((row) => ({
          nominationId,
          seq: Number(row.seq),
          type: row.type,
          actorUserId: row.actor_user_id,
          actorUsername: row.actor_username,
          at: row.at,
          fromState: row.from_state,
          toState: row.to_state,
          payload: JSON.parse(row.payload),
          prevHash: null,
        })),
      );
      for (const link of links) {
        const [query, parameters] = runner.connection.driver.escapeQueryWithParameters(
          'UPDATE nomination_events SET prev_hash = :prevHash, hash = :hash WHERE nomination_id = :nominationId AND seq = :seq',
          { ...link, nominationId },
          {},
        );
        await runner.query(query, parameters);
      }
    }
  }
}
