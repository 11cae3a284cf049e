import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const text = (name: string, length: number) => ({ name, type: 'varchar', length: String(length) });
const integer = (name: string) => ({ name, type: 'integer' });

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/**
 * The documents of a dossier: one row per version of each document, with the metadata and the SHA-256 of a file
 * kept under DOCUMENTS_DIR (never the bytes). Runs on sqlite and PostgreSQL.
 */
export class DossierDocuments1763900001000 implements MigrationInterface {
  name = 'DossierDocuments1763900001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'dossier_documents',
        columns: [
          { ...id(), isPrimary: true },
          id('nomination_id'),
          text('code', 64),
          text('level', 20),
          integer('version'),
          text('file_name', 255),
          text('file_type', 10),
          text('content_type', 100),
          integer('size_bytes'),
          text('sha256', 64),
          text('storage_key', 120),
          id('uploaded_by'),
          text('uploaded_by_username', 64),
          id('uploaded_for_organization_id'),
          text('uploaded_at', 32),
          text('nomination_state', 80),
          integer('nomination_version'),
        ],
        foreignKeys: [
          fk('nomination_id', 'nominations', 'CASCADE'),
          fk('uploaded_by', 'users', 'RESTRICT'),
          fk('uploaded_for_organization_id', 'organizations', 'RESTRICT'),
        ],
        indices: [
          // Versions of one document are numbered once each, whatever races on PostgreSQL.
          new TableIndex({ name: 'UQ_dossier_documents_version', columnNames: ['nomination_id', 'code', 'level', 'version'], isUnique: true }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('dossier_documents');
  }
}
