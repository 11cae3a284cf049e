import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignDefinition } from '../../workflows/campaigns/campaign-types';

export type CampaignStatus = 'active' | 'closed';

/**
 * A campaign (phong trào thi đua) of an organization of the deployment, as its plan fixes it. The definition is
 * kept whole as JSON; the columns beside it are what lists filter and sort on.
 */
@Entity('campaigns')
export class CampaignEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'issuing_organization_id', type: 'varchar', length: 36 })
  issuingOrganizationId: string;

  @Column({ type: 'varchar', length: 1000 })
  title: string;

  @Column({ name: 'plan_number', type: 'varchar', length: 100, nullable: true })
  planNumber: string | null;

  @Column({ name: 'plan_date', type: 'varchar', length: 10, nullable: true })
  planDate: string | null;

  @Column({ name: 'period_from', type: 'varchar', length: 10 })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'varchar', length: 10 })
  periodTo: string;

  @Column({ type: 'simple-json' })
  definition: CampaignDefinition;

  @Column({ type: 'varchar', length: 20 })
  status: CampaignStatus;

  /** The draft of a plan import it was confirmed from, if any. */
  @Column({ name: 'draft_id', type: 'varchar', length: 36, nullable: true })
  draftId: string | null;

  /** Optimistic lock: every change is `UPDATE … WHERE id = ? AND version = ?`. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;

  @Column({ name: 'closed_at', type: 'varchar', length: 32, nullable: true })
  closedAt: string | null;
}
