import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/**
 * Decisions and submissions signed for many nominations at once: `decisions` (one number per organization and year,
 * also held by the unique index here), `decision_items` (the nominations it covers), and `document_numbers.decision_id`,
 * which lets every signature of one batch share the number its first signature reserved. Runs on sqlite and PostgreSQL.
 */
export class Decisions1763900007000 implements MigrationInterface {
  name = 'Decisions1763900007000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'decisions',
        columns: [
          { ...id(), isPrimary: true },
          id('organization_id'),
          text('kind', 20),
          text('form_code', 64),
          text('rule_set_id', 64),
          text('level', 20),
          text('number', 100),
          { name: 'year', type: 'integer' },
          text('date', 10),
          text('title', 500),
          text('granting_authority', 255),
          { ...id('addressed_organization_id'), isNullable: true },
          id('signer_user_id'),
          text('signer_name', 255),
          { name: 'signed_as_deputy', type: 'boolean', default: false },
          { name: 'document', type: 'text' },
          text('created_at', 32),
        ],
        foreignKeys: [fk('organization_id', 'organizations'), fk('addressed_organization_id', 'organizations'), fk('signer_user_id', 'users')],
        indices: [
          new TableIndex({ name: 'UQ_decisions_number', columnNames: ['organization_id', 'year', 'number'], isUnique: true }),
          new TableIndex({ columnNames: ['organization_id', 'date'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'decision_items',
        columns: [
          { ...id('decision_id'), isPrimary: true },
          { ...id('nomination_id'), isPrimary: true },
          { name: 'seq', type: 'integer' },
          text('nominee_kind', 20),
          text('nominee_name', 255),
          id('proposing_organization_id'),
          { ...id('document_id'), isNullable: true },
        ],
        foreignKeys: [fk('decision_id', 'decisions', 'CASCADE'), fk('nomination_id', 'nominations', 'CASCADE'), fk('proposing_organization_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['nomination_id'] })],
      }),
    );
    await runner.addColumn('document_numbers', new TableColumn({ ...id('decision_id'), isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('document_numbers', 'decision_id');
    await runner.dropTable('decision_items');
    await runner.dropTable('decisions');
  }
}
