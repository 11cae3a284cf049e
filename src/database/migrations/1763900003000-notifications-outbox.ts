import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const timestamp = (name: string, nullable = false) => text(name, 32, nullable);
const longText = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });

const fk = (column: string, table: string) =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });

/**
 * Notifications for the people a step concerns, the overdue reminders already sent (one per nomination, state and
 * due date), the leases of the background jobs, and the webhook outbox. Runs on sqlite and PostgreSQL.
 */
export class NotificationsOutbox1763900003000 implements MigrationInterface {
  name = 'NotificationsOutbox1763900003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { ...id(), isPrimary: true },
          id('user_id'),
          { ...id('nomination_id'), isNullable: true },
          text('kind', 32),
          text('event_type', 40),
          text('state', 80, true),
          longText('message'),
          timestamp('created_at'),
          timestamp('read_at', true),
        ],
        foreignKeys: [fk('user_id', 'users'), fk('nomination_id', 'nominations')],
        indices: [new TableIndex({ columnNames: ['user_id', 'created_at'] }), new TableIndex({ columnNames: ['nomination_id'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'reminders_sent',
        columns: [
          { ...id('nomination_id'), isPrimary: true },
          { ...text('state', 80), isPrimary: true },
          { ...text('due_date', 10), isPrimary: true },
          timestamp('sent_at'),
        ],
        foreignKeys: [fk('nomination_id', 'nominations')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'scheduled_jobs',
        columns: [
          { ...text('name', 64), isPrimary: true },
          timestamp('locked_until', true),
          text('locked_by', 120, true),
          timestamp('last_run_at', true),
          timestamp('last_finished_at', true),
          longText('last_error', true),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'webhook_outbox',
        columns: [
          { ...id(), isPrimary: true },
          text('event_type', 40),
          id('nomination_id'),
          { name: 'version', type: 'integer' },
          longText('body'),
          text('status', 16),
          { name: 'attempts', type: 'integer', default: 0 },
          timestamp('next_attempt_at'),
          timestamp('last_attempt_at', true),
          longText('last_error', true),
          timestamp('delivered_at', true),
          timestamp('created_at'),
        ],
        indices: [new TableIndex({ columnNames: ['status', 'next_attempt_at'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['webhook_outbox', 'scheduled_jobs', 'reminders_sent', 'notifications']) await runner.dropTable(table);
  }
}
