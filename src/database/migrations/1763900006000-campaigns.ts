import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const timestamp = (name: string, nullable = false) => text(name, 32, nullable);
const json = (name: string) => ({ name, type: 'text' });
const integer = (name: string) => ({ name, type: 'integer' });

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/**
 * Campaigns (phong trào thi đua) with their plan as JSON, the drafts a plan import produces, the units' yearly
 * campaign reports, and the review (sơ kết / tổng kết) a nomination was submitted under. Runs on sqlite and
 * PostgreSQL.
 */
export class Campaigns1763900006000 implements MigrationInterface {
  name = 'Campaigns1763900006000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'campaign_drafts',
        columns: [
          { ...id(), isPrimary: true },
          id('organization_id'),
          text('source_kind', 10),
          text('source_name', 255, true),
          json('source_text'),
          text('rule_set_id', 64),
          json('draft'),
          text('status', 20),
          { ...id('campaign_id'), isNullable: true },
          id('created_by'),
          timestamp('created_at'),
          { ...id('confirmed_by'), isNullable: true },
          timestamp('confirmed_at', true),
        ],
        foreignKeys: [fk('organization_id', 'organizations'), fk('created_by', 'users')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          { ...id(), isPrimary: true },
          id('issuing_organization_id'),
          text('title', 1000),
          text('plan_number', 100, true),
          text('plan_date', 10, true),
          text('period_from', 10),
          text('period_to', 10),
          json('definition'),
          text('status', 20),
          { ...id('draft_id'), isNullable: true },
          integer('version'),
          id('created_by'),
          timestamp('created_at'),
          timestamp('updated_at'),
          timestamp('closed_at', true),
        ],
        foreignKeys: [fk('issuing_organization_id', 'organizations'), fk('created_by', 'users'), fk('draft_id', 'campaign_drafts')],
        indices: [new TableIndex({ columnNames: ['issuing_organization_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'campaign_reports',
        columns: [
          { ...id(), isPrimary: true },
          id('campaign_id'),
          integer('duty_index'),
          integer('year'),
          id('organization_id'),
          integer('version'),
          text('file_name', 255),
          text('file_type', 10),
          text('content_type', 100),
          integer('size_bytes'),
          text('sha256', 64),
          text('storage_key', 160),
          id('submitted_by'),
          text('submitted_by_username', 64),
          timestamp('submitted_at'),
          text('submitted_on', 10),
        ],
        foreignKeys: [fk('campaign_id', 'campaigns', 'CASCADE'), fk('organization_id', 'organizations'), fk('submitted_by', 'users')],
        indices: [
          // One version number per report, whatever races on PostgreSQL.
          new TableIndex({ name: 'UQ_campaign_reports_version', columnNames: ['campaign_id', 'duty_index', 'year', 'organization_id', 'version'], isUnique: true }),
        ],
      }),
    );
    await runner.addColumn('nominations', new TableColumn({ name: 'campaign_review', type: 'varchar', length: '20', isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('nominations', 'campaign_review');
    await runner.dropTable('campaign_reports');
    await runner.dropTable('campaigns');
    await runner.dropTable('campaign_drafts');
  }
}
