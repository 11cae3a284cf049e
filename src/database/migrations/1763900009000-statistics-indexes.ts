import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes the statistics and the dashboard group and filter by: the month of submission and the `from`/`to`
 * range (`submitted_at`), the year judged with the proposing unit (the yearly report), the campaign, the due date
 * (overdue and soon due, in due-date order) and the read scope's `nomination_access` lookup by organization,
 * which the composite index answers without reading the table.
 */
const INDEXES: Array<[table: string, index: TableIndex]> = [
  ['nominations', new TableIndex({ name: 'IDX_nominations_submitted_at', columnNames: ['submitted_at'] })],
  ['nominations', new TableIndex({ name: 'IDX_nominations_award_year_organization', columnNames: ['award_year', 'organization_id'] })],
  ['nominations', new TableIndex({ name: 'IDX_nominations_campaign', columnNames: ['campaign_id'] })],
  ['nominations', new TableIndex({ name: 'IDX_nominations_due_date', columnNames: ['due_date'] })],
  ['nomination_access', new TableIndex({ name: 'IDX_nomination_access_organization_nomination', columnNames: ['organization_id', 'nomination_id'] })],
];

export class StatisticsIndexes1763900009000 implements MigrationInterface {
  name = 'StatisticsIndexes1763900009000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await runner.createIndex(table, index);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [table, index] of [...INDEXES].reverse()) await runner.dropIndex(table, index.name!);
  }
}
