import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ExchangeDirection = 'out' | 'in';
export type ExchangePackageKind = 'dossier' | 'decision';

/**
 * Every package this deployment built (`out`) or accepted (`in`), by the SHA-256 of its manifest: an accepted
 * manifest is accepted once (unique with its direction), and a decision names the dossier package it answers.
 */
@Entity('exchange_packages')
export class ExchangePackageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @Column({ type: 'varchar', length: 3 })
  direction: ExchangeDirection;

  @Column({ type: 'varchar', length: 10 })
  kind: ExchangePackageKind;

  @Column({ name: 'manifest_sha256', type: 'varchar', length: 64 })
  manifestSha256: string;

  /** For a decision: the dossier package's manifest it answers. */
  @Column({ name: 'answers_manifest_sha256', type: 'varchar', length: 64, nullable: true })
  answersManifestSha256: string | null;

  /** The other deployment: the receiver of an `out` dossier is not known when it is built. */
  @Column({ name: 'counterpart_deployment_id', type: 'varchar', length: 64, nullable: true })
  counterpartDeploymentId: string | null;

  @Column({ name: 'counterpart_deployment_name', type: 'varchar', length: 255, nullable: true })
  counterpartDeploymentName: string | null;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_by_username', type: 'varchar', length: 64 })
  createdByUsername: string;
}
