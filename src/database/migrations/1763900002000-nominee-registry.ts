import { randomUUID } from 'node:crypto';
import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { cleanName, nomineeMatchKey, type NomineeIdentity } from '../../nominees/nominee-identity';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const timestamp = (name: string, nullable = false) => text(name, 32, nullable);
const date = (name: string, nullable = false) => text(name, 10, nullable);
const longText = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
const integer = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

const FINAL_STATES = ['awarded', 'rejected', 'withdrawn', 'revoked'];

/**
 * The nominee registry: entries owned by an organization, their yearly ratings, titles and awards, block election
 * results and flags; the one-open-nomination claims; and on nominations the registry entry, the claimed criterion
 * and the year judged. Existing nominations get their registry entry by the matching rule. Runs on sqlite and
 * PostgreSQL.
 */
export class NomineeRegistry1763900002000 implements MigrationInterface {
  name = 'NomineeRegistry1763900002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'nominees',
        columns: [
          { ...id(), isPrimary: true },
          id('organization_id'),
          text('kind', 20),
          text('name', 255),
          text('match_key', 320),
          text('category', 40, true),
          date('date_of_birth', true),
          text('position', 255, true),
          text('unit_name', 255, true),
          text('tax_code', 14, true),
          text('household_head', 255, true),
          text('address', 500, true),
          { ...id('created_by'), isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        foreignKeys: [fk('organization_id', 'organizations', 'RESTRICT')],
        indices: [new TableIndex({ columnNames: ['organization_id', 'match_key'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'nominee_ratings',
        columns: [
          { ...id(), isPrimary: true },
          id('nominee_id'),
          integer('year'),
          text('rating', 20),
          longText('note', true),
          { ...id('recorded_by'), isNullable: true },
          timestamp('recorded_at'),
        ],
        foreignKeys: [fk('nominee_id', 'nominees')],
        indices: [new TableIndex({ columnNames: ['nominee_id', 'year'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'nominee_awards',
        columns: [
          { ...id(), isPrimary: true },
          id('nominee_id'),
          text('form_code', 64),
          text('name', 255),
          integer('year'),
          text('decision_number', 64),
          date('decision_date'),
          text('granting_authority', 255),
          text('source', 16),
          { ...id('nomination_id'), isNullable: true },
          date('revoked_on', true),
          text('revocation_number', 64, true),
          longText('revocation_reason', true),
          longText('note', true),
          { ...id('recorded_by'), isNullable: true },
          timestamp('recorded_at'),
        ],
        foreignKeys: [fk('nominee_id', 'nominees')],
        indices: [new TableIndex({ columnNames: ['nominee_id', 'year'] }), new TableIndex({ columnNames: ['nomination_id'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'nominee_flags',
        columns: [
          { ...id(), isPrimary: true },
          id('nominee_id'),
          text('kind', 32),
          date('starts_on'),
          date('ends_on', true),
          longText('note'),
          date('lifted_on', true),
          longText('lift_note', true),
          { ...id('recorded_by'), isNullable: true },
          timestamp('recorded_at'),
          { ...id('lifted_by'), isNullable: true },
          timestamp('lifted_at', true),
        ],
        foreignKeys: [fk('nominee_id', 'nominees')],
        indices: [new TableIndex({ columnNames: ['nominee_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'nominee_block_results',
        columns: [
          { ...id(), isPrimary: true },
          id('nominee_id'),
          integer('year'),
          text('block_name', 255),
          longText('note', true),
          { ...id('recorded_by'), isNullable: true },
          timestamp('recorded_at'),
        ],
        foreignKeys: [fk('nominee_id', 'nominees')],
        indices: [new TableIndex({ columnNames: ['nominee_id', 'year'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'open_nomination_claims',
        columns: [
          { ...id('nominee_id'), isPrimary: true },
          { ...text('form_code', 64), isPrimary: true },
          { ...text('campaign_key', 36), isPrimary: true },
          id('nomination_id'),
          timestamp('claimed_at'),
        ],
        foreignKeys: [fk('nominee_id', 'nominees'), fk('nomination_id', 'nominations')],
        indices: [new TableIndex({ columnNames: ['nomination_id'], isUnique: true })],
      }),
    );
    await runner.addColumns('nominations', [
      new TableColumn({ ...id('nominee_id'), isNullable: true }),
      new TableColumn(text('criterion', 64, true)),
      new TableColumn(integer('award_year', true)),
    ]);
    await this.backfill(runner);
    await runner.createForeignKey('nominations', fk('nominee_id', 'nominees', 'RESTRICT'));
    await runner.createIndex('nominations', new TableIndex({ columnNames: ['nominee_id', 'form_code'] }));
  }

  /** Every existing nomination gets its registry entry (created or reused by the matching rule) and its year. */
  private async backfill(runner: QueryRunner): Promise<void> {
    // Plain SQL with named parameters: the entities of today must not shape a migration's writes.
    const run = async (sql: string, values: Record<string, unknown>) => {
      const [query, parameters] = runner.connection.driver.escapeQueryWithParameters(sql, values, {});
      await runner.query(query, parameters);
    };
    const insert = (table: string, values: Record<string, unknown>) =>
      run(`INSERT INTO "${table}" (${Object.keys(values).map((column) => `"${column}"`).join(', ')}) VALUES (${Object.keys(values).map((column) => `:${column}`).join(', ')})`, values);
    const rows: Array<{ id: string; organization_id: string; nominee: string; created_at: string; created_by: string; state: string; form_code: string; campaign_id: string | null }> =
      await runner.query('SELECT id, organization_id, nominee, created_at, created_by, state, form_code, campaign_id FROM nominations ORDER BY created_at, id');
    const entries = new Map<string, string>();
    const claimed = new Set<string>();
    for (const row of rows) {
      const nominee = JSON.parse(row.nominee) as NomineeIdentity & Record<string, string | undefined>;
      const key = `${row.organization_id}/${nomineeMatchKey(nominee)}`;
      let nomineeId = entries.get(key);
      if (!nomineeId) {
        nomineeId = randomUUID();
        entries.set(key, nomineeId);
        await insert('nominees', {
          id: nomineeId,
          organization_id: row.organization_id,
          kind: nominee.kind,
          name: cleanName((nominee.kind === 'individual' ? nominee.fullName : nominee.name) ?? ''),
          match_key: nomineeMatchKey(nominee),
          category: nominee.category ?? null,
          date_of_birth: nominee.dateOfBirth ?? null,
          position: nominee.position ?? null,
          unit_name: nominee.unitName ?? null,
          tax_code: nominee.taxCode ?? null,
          household_head: nominee.householdHead ?? null,
          address: nominee.address ?? null,
          created_by: row.created_by,
          created_at: row.created_at,
          updated_at: row.created_at,
        });
      }
      // The year judged: the year the nomination was drafted, in Vietnam (UTC+7).
      const awardYear = new Date(Date.parse(row.created_at) + 7 * 3_600_000).getUTCFullYear();
      await run('UPDATE "nominations" SET "nominee_id" = :nomineeId, "award_year" = :awardYear WHERE "id" = :id', { nomineeId, awardYear, id: row.id });
      const slot = `${nomineeId}/${row.form_code}/${row.campaign_id ?? ''}`;
      if (row.state !== 'draft' && !FINAL_STATES.includes(row.state) && !claimed.has(slot)) {
        claimed.add(slot);
        await insert('open_nomination_claims', {
          nominee_id: nomineeId,
          form_code: row.form_code,
          campaign_key: row.campaign_id ?? '',
          nomination_id: row.id,
          claimed_at: row.created_at,
        });
      }
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    const nominations = await runner.getTable('nominations');
    const foreignKey = nominations?.foreignKeys.find((key) => key.columnNames.includes('nominee_id'));
    if (foreignKey) await runner.dropForeignKey('nominations', foreignKey);
    const index = nominations?.indices.find((candidate) => candidate.columnNames.includes('nominee_id'));
    if (index) await runner.dropIndex('nominations', index);
    await runner.dropColumns('nominations', ['award_year', 'criterion', 'nominee_id']);
    for (const table of ['open_nomination_claims', 'nominee_block_results', 'nominee_flags', 'nominee_awards', 'nominee_ratings', 'nominees']) {
      await runner.dropTable(table);
    }
  }
}
