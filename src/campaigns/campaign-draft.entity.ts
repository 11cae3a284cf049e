import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignDraft } from '../../workflows/campaigns/campaign-types';

export type CampaignDraftStatus = 'open' | 'confirmed';

/** What a plan import read from a plan, kept until a person confirms it into a campaign. */
@Entity('campaign_drafts')
export class CampaignDraftEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The organization the plan is imported for (the importer's, unless an administrator names one). */
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  /** `text` (JSON or a .txt file) or `docx`. */
  @Column({ name: 'source_kind', type: 'varchar', length: 10 })
  sourceKind: 'text' | 'docx';

  @Column({ name: 'source_name', type: 'varchar', length: 255, nullable: true })
  sourceName: string | null;

  @Column({ name: 'source_text', type: 'text' })
  sourceText: string;

  @Column({ name: 'rule_set_id', type: 'varchar', length: 64 })
  ruleSetId: string;

  @Column({ type: 'simple-json' })
  draft: CampaignDraft;

  @Column({ type: 'varchar', length: 20 })
  status: CampaignDraftStatus;

  @Column({ name: 'campaign_id', type: 'varchar', length: 36, nullable: true })
  campaignId: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'confirmed_by', type: 'varchar', length: 36, nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'varchar', length: 32, nullable: true })
  confirmedAt: string | null;
}
