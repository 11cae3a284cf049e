import { Column, Entity, PrimaryColumn } from 'typeorm';

export const EMULATION_BLOCK_KINDS = ['cluster', 'block'] as const;
/** `cluster`: cụm thi đua (units of one area); `block`: khối thi đua (units of one sector). */
export type EmulationBlockKind = (typeof EMULATION_BLOCK_KINDS)[number];

/** A cụm or khối thi đua: peer collectives that elect their leading collective each year (suy tôn). */
@Entity('emulation_blocks')
export class EmulationBlockEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: EmulationBlockKind;

  /** The organization that organizes the block (its council secretary runs the election). */
  @Column({ name: 'organizer_organization_id', type: 'varchar', length: 36 })
  organizerOrganizationId: string;

  /** A candidate needs at least this share of all the block's voting members (configurable). */
  @Column({ name: 'election_min_percent', type: 'integer' })
  electionMinPercent: number;

  /** Null: the organizer's rule set quorum. */
  @Column({ name: 'quorum_min_present_percent', type: 'integer', nullable: true })
  quorumMinPresentPercent: number | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}

/** A member collective of a block and the user who votes for it. */
@Entity('emulation_block_members')
export class EmulationBlockMemberEntity {
  @PrimaryColumn({ name: 'block_id', type: 'varchar', length: 36 })
  blockId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ name: 'representative_user_id', type: 'varchar', length: 36, nullable: true })
  representativeUserId: string | null;

  @Column({ name: 'added_at', type: 'varchar', length: 32 })
  addedAt: string;
}

/** The collective a block elected to lead it for a year: what "led its block in year Y" reads. */
@Entity('emulation_block_leads')
export class EmulationBlockLeadEntity {
  @PrimaryColumn({ name: 'block_id', type: 'varchar', length: 36 })
  blockId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ name: 'yes_votes', type: 'integer' })
  yesVotes: number;

  @Column({ type: 'integer' })
  members: number;

  @Column({ name: 'decided_at', type: 'varchar', length: 32 })
  decidedAt: string;
}
