import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of a unit's yearly campaign report for one of the plan's report duties: the file's metadata and
 * SHA-256; the bytes are kept under DOCUMENTS_DIR (`campaign-reports/<campaignId>/<id>.<ext>`).
 */
@Entity('campaign_reports')
export class CampaignReportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'campaign_id', type: 'varchar', length: 36 })
  campaignId: string;

  /** The duty's index in the campaign's `reportDuties`. */
  @Column({ name: 'duty_index', type: 'integer' })
  dutyIndex: number;

  @Column({ type: 'integer' })
  year: number;

  /** The reporting unit. */
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'file_type', type: 'varchar', length: 10 })
  fileType: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 160 })
  storageKey: string;

  @Column({ name: 'submitted_by', type: 'varchar', length: 36 })
  submittedBy: string;

  @Column({ name: 'submitted_by_username', type: 'varchar', length: 64 })
  submittedByUsername: string;

  @Column({ name: 'submitted_at', type: 'varchar', length: 32 })
  submittedAt: string;

  /** The submission day in Vietnam time, what the due date is judged against. */
  @Column({ name: 'submitted_on', type: 'varchar', length: 10 })
  submittedOn: string;
}
