import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
const text = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
const fk = (column: string, table: string, onDelete = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/** Packages exchanged with other deployments, and the dossiers they brought in. */
export class Exchange1763900010000 implements MigrationInterface {
  name = 'Exchange1763900010000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'exchange_packages',
        columns: [
          { ...id('id'), isPrimary: true },
          id('nomination_id'),
          text('direction', 3),
          text('kind', 10),
          text('manifest_sha256', 64),
          text('answers_manifest_sha256', 64, true),
          text('counterpart_deployment_id', 64, true),
          text('counterpart_deployment_name', 255, true),
          { name: 'size_bytes', type: 'integer' },
          text('created_at', 32),
          id('created_by'),
          text('created_by_username', 64),
        ],
        foreignKeys: [fk('nomination_id', 'nominations', 'CASCADE'), fk('created_by', 'users')],
        indices: [
          // A package accepted here is accepted once, whatever races on PostgreSQL.
          new TableIndex({ name: 'UQ_exchange_packages_manifest', columnNames: ['direction', 'manifest_sha256'], isUnique: true }),
          new TableIndex({ columnNames: ['nomination_id'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'incoming_dossiers',
        columns: [
          { ...id('id'), isPrimary: true },
          id('nomination_id'),
          id('package_id'),
          text('manifest_sha256', 64),
          text('source_deployment_id', 64),
          text('source_deployment_name', 255),
          id('original_nomination_id'),
          id('receiving_organization_id'),
          text('level', 20),
          text('proposer_name', 255, true),
          { name: 'route', type: 'text' },
          { name: 'history', type: 'text' },
          { name: 'documents', type: 'text' },
          text('sent_at', 32),
          text('imported_at', 32),
          id('imported_by'),
        ],
        foreignKeys: [
          fk('nomination_id', 'nominations', 'CASCADE'),
          fk('package_id', 'exchange_packages', 'CASCADE'),
          fk('receiving_organization_id', 'organizations'),
          fk('imported_by', 'users'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_incoming_dossiers_nomination', columnNames: ['nomination_id'], isUnique: true }),
          // One incoming dossier per nomination of a sending deployment: a re-export is not a second dossier.
          new TableIndex({ name: 'UQ_incoming_dossiers_original', columnNames: ['source_deployment_id', 'original_nomination_id'], isUnique: true }),
          new TableIndex({ columnNames: ['receiving_organization_id'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('incoming_dossiers');
    await runner.dropTable('exchange_packages');
  }
}
