import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Level } from '../../workflows';

/**
 * One version of one document of a dossier: its metadata, never its bytes (those are a file under DOCUMENTS_DIR,
 * named by `storageKey`). A document is a kind (`code`) at a level of the route; uploading the same code for the same
 * nomination and level adds the next version, and the highest version is the current one.
 */
@Entity('dossier_documents')
export class DossierDocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  /** A document kind of the nomination's rule set (`submission`, `council-minutes`, `confirmation:tax`, …). */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  /** The level whose dossier holds it (for a Tờ trình, the level it is addressed to). */
  @Column({ type: 'varchar', length: 20 })
  level: Level;

  /** 1, 2, … for the same nomination, code and level. */
  @Column({ type: 'integer' })
  version: number;

  /** The name the uploader gave it (NFC, without any path): shown and used for downloads, never on disk. */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Detected from the content: `pdf`, `docx`, `xlsx`, `jpeg` or `png`. */
  @Column({ name: 'file_type', type: 'varchar', length: 10 })
  fileType: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** SHA-256 of the content, lower-case hex. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Path of the file relative to DOCUMENTS_DIR: `<nominationId>/<id>`. */
  @Column({ name: 'storage_key', type: 'varchar', length: 120 })
  storageKey: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy: string;

  @Column({ name: 'uploaded_by_username', type: 'varchar', length: 64 })
  uploadedByUsername: string;

  /** The organization the uploader acted for: the proposing unit or the office of a level. */
  @Column({ name: 'uploaded_for_organization_id', type: 'varchar', length: 36 })
  uploadedForOrganizationId: string;

  @Column({ name: 'uploaded_at', type: 'varchar', length: 32 })
  uploadedAt: string;

  /** The nomination's state when it was uploaded. */
  @Column({ name: 'nomination_state', type: 'varchar', length: 80 })
  nominationState: string;

  /** The nomination's version the upload produced; the history entry of the upload has seq = this − 1. */
  @Column({ name: 'nomination_version', type: 'integer' })
  nominationVersion: number;
}
