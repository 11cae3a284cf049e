import { Table, TableForeignKey, TableIndex, TableUnique, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const timestamp = (name: string, nullable = false) => text(name, 32, nullable);
const date = (name: string, nullable = false) => text(name, 10, nullable);
const json = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
const integer = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const counter = (name: string) => ({ name, type: 'integer', default: 0 });

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/**
 * Councils and their members' terms; emulation blocks and their member collectives; council sessions (also block
 * elections) with the membership snapshot taken when they open, the agenda, recusals; the secret ballot as two
 * unrelated tables — who has voted (no choice) and per-item counters (no member, no time) — and the leading
 * collective each block elected. Runs on sqlite and PostgreSQL.
 */
export class CouncilSessions1763900005000 implements MigrationInterface {
  name = 'CouncilSessions1763900005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'councils',
        columns: [
          { ...id(), isPrimary: true },
          { ...id('organization_id'), isUnique: true },
          text('name', 255),
          integer('quorum_min_present_percent', true),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        foreignKeys: [fk('organization_id', 'organizations')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'council_members',
        columns: [
          { ...id(), isPrimary: true },
          id('council_id'),
          id('user_id'),
          text('position', 20),
          date('from_date'),
          date('to_date', true),
          timestamp('created_at'),
        ],
        foreignKeys: [fk('council_id', 'councils', 'CASCADE'), fk('user_id', 'users')],
        indices: [new TableIndex({ columnNames: ['council_id'] }), new TableIndex({ columnNames: ['user_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'emulation_blocks',
        columns: [
          { ...id(), isPrimary: true },
          text('name', 255),
          text('kind', 20),
          id('organizer_organization_id'),
          integer('election_min_percent'),
          integer('quorum_min_present_percent', true),
          timestamp('created_at'),
        ],
        foreignKeys: [fk('organizer_organization_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['organizer_organization_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'emulation_block_members',
        columns: [
          { ...id('block_id'), isPrimary: true },
          { ...id('organization_id'), isPrimary: true },
          { ...id('representative_user_id'), isNullable: true },
          timestamp('added_at'),
        ],
        foreignKeys: [fk('block_id', 'emulation_blocks', 'CASCADE'), fk('organization_id', 'organizations'), fk('representative_user_id', 'users')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'council_sessions',
        columns: [
          { ...id(), isPrimary: true },
          text('kind', 20),
          id('organization_id'),
          { ...id('council_id'), isNullable: true },
          { ...id('emulation_block_id'), isNullable: true },
          integer('year', true),
          text('title', 500),
          date('meeting_date'),
          text('place', 100),
          text('status', 20),
          integer('quorum_min_present_percent', true),
          text('minutes_number', 100, true),
          timestamp('opened_at', true),
          timestamp('closed_at', true),
          { ...id('closed_by'), isNullable: true },
          id('created_by'),
          timestamp('created_at'),
        ],
        foreignKeys: [fk('organization_id', 'organizations'), fk('council_id', 'councils'), fk('emulation_block_id', 'emulation_blocks')],
        indices: [new TableIndex({ columnNames: ['organization_id', 'status'] }), new TableIndex({ columnNames: ['council_id'] })],
      }),
    );
    // The membership as it stood when the session opened: later changes to the council never rewrite it.
    await runner.createTable(
      new Table({
        name: 'council_session_members',
        columns: [
          { ...id('session_id'), isPrimary: true },
          { ...id('user_id'), isPrimary: true },
          text('full_name', 255),
          text('position', 20),
          { ...id('organization_id'), isNullable: true },
          text('attendance', 20),
        ],
        foreignKeys: [fk('session_id', 'council_sessions', 'CASCADE'), fk('user_id', 'users')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'council_session_items',
        columns: [
          { ...id(), isPrimary: true },
          id('session_id'),
          integer('seq'),
          { ...id('nomination_id'), isNullable: true },
          { ...id('candidate_organization_id'), isNullable: true },
          // The nomination's id while the session is scheduled or open, else null: one active session per nomination.
          { ...id('active_claim'), isNullable: true, isUnique: true },
          text('title', 255),
          text('form_code', 64, true),
          text('level', 20, true),
          json('council_rule'),
          text('outcome', 20, true),
          json('result', true),
        ],
        foreignKeys: [
          fk('session_id', 'council_sessions', 'CASCADE'),
          fk('nomination_id', 'nominations'),
          fk('candidate_organization_id', 'organizations'),
        ],
        uniques: [new TableUnique({ columnNames: ['session_id', 'seq'] })],
        indices: [new TableIndex({ columnNames: ['nomination_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'council_recusals',
        columns: [
          { ...id('item_id'), isPrimary: true },
          { ...id('user_id'), isPrimary: true },
          id('session_id'),
          text('reason', 20),
        ],
        foreignKeys: [fk('item_id', 'council_session_items', 'CASCADE'), fk('session_id', 'council_sessions', 'CASCADE')],
      }),
    );
    // Secret ballot, part 1: only that a member has voted on an item. No choice, no time.
    await runner.createTable(
      new Table({
        name: 'council_votes_cast',
        columns: [
          { ...id('item_id'), isPrimary: true },
          { ...id('user_id'), isPrimary: true },
          id('session_id'),
        ],
        foreignKeys: [fk('item_id', 'council_session_items', 'CASCADE'), fk('user_id', 'users'), fk('session_id', 'council_sessions', 'CASCADE')],
      }),
    );
    // Secret ballot, part 2: one row of counters per item, incremented in place. No member, no time, no ballot rows.
    await runner.createTable(
      new Table({
        name: 'council_ballot_tallies',
        columns: [
          { ...id('item_id'), isPrimary: true },
          id('session_id'),
          counter('yes_count'),
          counter('no_count'),
          counter('abstain_count'),
        ],
        foreignKeys: [fk('item_id', 'council_session_items', 'CASCADE'), fk('session_id', 'council_sessions', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'emulation_block_leads',
        columns: [
          { ...id('block_id'), isPrimary: true },
          { ...integer('year'), isPrimary: true },
          id('organization_id'),
          id('session_id'),
          integer('yes_votes'),
          integer('members'),
          timestamp('decided_at'),
        ],
        foreignKeys: [fk('block_id', 'emulation_blocks', 'CASCADE'), fk('organization_id', 'organizations'), fk('session_id', 'council_sessions')],
        indices: [new TableIndex({ columnNames: ['organization_id', 'year'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'emulation_block_leads',
      'council_ballot_tallies',
      'council_votes_cast',
      'council_recusals',
      'council_session_items',
      'council_session_members',
      'council_sessions',
      'emulation_block_members',
      'emulation_blocks',
      'council_members',
      'councils',
    ]) {
      await runner.dropTable(table);
    }
  }
}
