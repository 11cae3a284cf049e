import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Level } from '../../workflows';
import type { ManifestDocument, ManifestHistoryEntry, ManifestRouteLevel } from '../../workflows';

/**
 * A dossier another deployment sent here: the nomination it became at this deployment's level, and what came with it
 * that this deployment never ran — the sender, the original nomination and proposer, the route as the sender named
 * it, its full history and its documents' original metadata — kept read-only.
 */
@Entity('incoming_dossiers')
export class IncomingDossierEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @Column({ name: 'package_id', type: 'varchar', length: 36 })
  packageId: string;

  @Column({ name: 'manifest_sha256', type: 'varchar', length: 64 })
  manifestSha256: string;

  @Column({ name: 'source_deployment_id', type: 'varchar', length: 64 })
  sourceDeploymentId: string;

  @Column({ name: 'source_deployment_name', type: 'varchar', length: 255 })
  sourceDeploymentName: string;

  @Column({ name: 'original_nomination_id', type: 'varchar', length: 36 })
  originalNominationId: string;

  @Column({ name: 'receiving_organization_id', type: 'varchar', length: 36 })
  receivingOrganizationId: string;

  @Column({ type: 'varchar', length: 20 })
  level: Level;

  @Column({ name: 'proposer_name', type: 'varchar', length: 255, nullable: true })
  proposerName: string | null;

  @Column({ type: 'simple-json' })
  route: ManifestRouteLevel[];

  @Column({ type: 'simple-json' })
  history: ManifestHistoryEntry[];

  /** Each document as the sender described it, with the id it has here. */
  @Column({ type: 'simple-json' })
  documents: Array<ManifestDocument & { localDocumentId: string }>;

  @Column({ name: 'sent_at', type: 'varchar', length: 32 })
  sentAt: string;

  @Column({ name: 'imported_at', type: 'varchar', length: 32 })
  importedAt: string;

  @Column({ name: 'imported_by', type: 'varchar', length: 36 })
  importedBy: string;
}
