import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Days off and make-up working days an administrator adds to the working-day calendar. */
export class CalendarAnnouncements1763900004000 implements MigrationInterface {
  name = 'CalendarAnnouncements1763900004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'calendar_announcements',
        columns: [
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'working_day', type: 'boolean' },
          { name: 'kind', type: 'varchar', length: '20', isNullable: true },
          { name: 'name', type: 'varchar', length: '255', isNullable: true },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          { name: 'source', type: 'varchar', length: '500' },
          { name: 'created_by', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('calendar_announcements');
  }
}
