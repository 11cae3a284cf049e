import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CouncilPosition } from '../../workflows/council';

/** An organization's Hội đồng Thi đua – Khen thưởng: one per organization, with its own quorum when it sets one. */
@Entity('councils')
export class CouncilEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36, unique: true })
  organizationId: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** The organization's own quorum (configurable); null: the rule set's `quorum.minPresentPercent`. */
  @Column({ name: 'quorum_min_present_percent', type: 'integer', nullable: true })
  quorumMinPresentPercent: number | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;
}

/**
 * One term of one user in a council, in one position. A change (a new chair, a member leaving) ends a term and
 * starts another; past sessions keep the membership they snapshotted when they opened.
 */
@Entity('council_members')
export class CouncilMemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'council_id', type: 'varchar', length: 36 })
  councilId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 20 })
  position: CouncilPosition;

  /** First day of the term (YYYY-MM-DD). */
  @Column({ name: 'from_date', type: 'varchar', length: 10 })
  fromDate: string;

  /** Last day of the term; null while it runs. */
  @Column({ name: 'to_date', type: 'varchar', length: 10, nullable: true })
  toDate: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}
