import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const timestamp = (name: string, nullable = false) => text(name, 32, nullable);
const json = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
const integer = (name: string) => ({ name, type: 'integer' });

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/** Organizations, users and roles, nominations with their snapshot and event log. Runs on sqlite and PostgreSQL. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          { ...id(), isPrimary: true },
          text('name', 255),
          text('kind', 20),
          text('code', 64, true),
          { ...id('parent_id'), isNullable: true },
          text('appraisal_office_name', 255, true),
          timestamp('created_at'),
        ],
        foreignKeys: [fk('parent_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['parent_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          { ...id(), isPrimary: true },
          { ...text('username', 64), isUnique: true },
          text('password_hash', 100),
          text('full_name', 255),
          { ...id('organization_id'), isNullable: true },
          { name: 'is_admin', type: 'boolean', default: false },
          { name: 'active', type: 'boolean', default: true },
          timestamp('created_at'),
        ],
        foreignKeys: [fk('organization_id', 'organizations')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'user_roles',
        columns: [
          { ...id('user_id'), isPrimary: true },
          { ...id('organization_id'), isPrimary: true },
          { ...text('role', 32), isPrimary: true },
        ],
        foreignKeys: [fk('user_id', 'users', 'CASCADE'), fk('organization_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['organization_id', 'role'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'nominations',
        columns: [
          { ...id(), isPrimary: true },
          text('form_code', 64),
          text('rule_set_id', 64),
          text('machine_version', 64),
          text('campaign_id', 36, true),
          text('nominee_kind', 20),
          text('nominee_name', 255),
          json('nominee'),
          json('achievements', true),
          id('organization_id'),
          text('entry_level', 20),
          json('level_organizations'),
          text('current_level', 20, true),
          { ...id('holder_organization_id'), isNullable: true },
          text('state', 80),
          json('snapshot'),
          integer('version'),
          text('due_date', 10, true),
          timestamp('submitted_at', true),
          id('created_by'),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        foreignKeys: [fk('organization_id', 'organizations'), fk('created_by', 'users')],
        indices: [
          new TableIndex({ columnNames: ['organization_id'] }),
          new TableIndex({ columnNames: ['holder_organization_id', 'state'] }),
          new TableIndex({ columnNames: ['form_code'] }),
          new TableIndex({ columnNames: ['state'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'nomination_events',
        columns: [
          { ...id('nomination_id'), isPrimary: true },
          { ...integer('seq'), isPrimary: true },
          text('type', 40),
          id('actor_user_id'),
          text('actor_username', 64),
          timestamp('at'),
          text('from_state', 80),
          text('to_state', 80),
          json('payload'),
        ],
        foreignKeys: [fk('nomination_id', 'nominations', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'nomination_access',
        columns: [
          { ...id('nomination_id'), isPrimary: true },
          { ...id('organization_id'), isPrimary: true },
        ],
        foreignKeys: [fk('nomination_id', 'nominations', 'CASCADE'), fk('organization_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['organization_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          { ...id('user_id'), isPrimary: true },
          { ...text('key', 200), isPrimary: true },
          id('nomination_id'),
          text('request_hash', 64),
          json('response'),
          timestamp('created_at'),
        ],
        foreignKeys: [fk('user_id', 'users', 'CASCADE'), fk('nomination_id', 'nominations', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'document_numbers',
        columns: [
          { ...id('organization_id'), isPrimary: true },
          { ...integer('year'), isPrimary: true },
          { ...text('number', 100), isPrimary: true },
          id('nomination_id'),
          text('kind', 40),
        ],
        foreignKeys: [fk('organization_id', 'organizations'), fk('nomination_id', 'nominations', 'CASCADE')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'document_numbers',
      'idempotency_records',
      'nomination_access',
      'nomination_events',
      'nominations',
      'user_roles',
      'users',
      'organizations',
    ]) {
      // sqlite empties a table row by row when dropping it: detach the self-references first.
      if (table === 'organizations') await runner.query('UPDATE organizations SET parent_id = NULL');
      await runner.dropTable(table);
    }
  }
}
