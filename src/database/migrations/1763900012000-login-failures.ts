import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Failed logins per username and per client address, shared by every instance (src/identity/login-throttle.ts). */
export class LoginFailures1763900012000 implements MigrationInterface {
  name = 'LoginFailures1763900012000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'login_failures',
        columns: [
          { name: 'scope', type: 'varchar', length: '10', isPrimary: true },
          { name: 'subject', type: 'varchar', length: '255', isPrimary: true },
          { name: 'failures', type: 'integer' },
          { name: 'first_failure_at', type: 'varchar', length: '32' },
          { name: 'last_failure_at', type: 'varchar', length: '32' },
          { name: 'locked_until', type: 'varchar', length: '32', isNullable: true },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('login_failures');
  }
}
