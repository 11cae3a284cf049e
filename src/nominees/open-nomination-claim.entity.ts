import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one open nomination of a nominee for a form (and campaign): taken when a nomination is submitted, released
 * when it ends. Its primary key settles two submissions racing for the same slot on PostgreSQL.
 */
@Entity('open_nomination_claims')
export class OpenNominationClaimEntity {
  @PrimaryColumn({ name: 'nominee_id', type: 'varchar', length: 36 })
  nomineeId: string;

  @PrimaryColumn({ name: 'form_code', type: 'varchar', length: 64 })
  formCode: string;

  /** The campaign, or '' for an annual nomination. */
  @PrimaryColumn({ name: 'campaign_key', type: 'varchar', length: 36 })
  campaignKey: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @Column({ name: 'claimed_at', type: 'varchar', length: 32 })
  claimedAt: string;
}
