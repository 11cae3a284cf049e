import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Level, NomineeKind } from '../../workflows';
import type { NomineeData } from './nominee';

/** The machine's persisted snapshot as stored (JSON). */
export interface StoredSnapshot {
  value: unknown;
  context: unknown;
  status: string;
}

@Entity('nominations')
export class NominationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'form_code', type: 'varchar', length: 64 })
  formCode: string;

  /** The rule set in force when the nomination was submitted (at creation until then). */
  @Column({ name: 'rule_set_id', type: 'varchar', length: 64 })
  ruleSetId: string;

  @Column({ name: 'machine_version', type: 'varchar', length: 64 })
  machineVersion: string;

  @Column({ name: 'campaign_id', type: 'varchar', length: 36, nullable: true })
  campaignId: string | null;

  /** The campaign's review (sơ kết `midterm`, tổng kết `final`) the nomination is made in: chosen, or set at SUBMIT. */
  @Column({ name: 'campaign_review', type: 'varchar', length: 20, nullable: true })
  campaignReview: 'midterm' | 'final' | null;

  @Column({ name: 'nominee_kind', type: 'varchar', length: 20 })
  nomineeKind: NomineeKind;

  @Column({ name: 'nominee_name', type: 'varchar', length: 255 })
  nomineeName: string;

  @Column({ type: 'simple-json' })
  nominee: NomineeData;

  /** The nominee's registry entry (src/nominees): its history decides eligibility. */
  @Column({ name: 'nominee_id', type: 'varchar', length: 36, nullable: true })
  nomineeId: string | null;

  /** The eligibility alternative the nomination claims (a code of the form's `eligibility.alternatives`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  criterion: string | null;

  /** The year whose achievements are judged (năm xét khen thưởng). */
  @Column({ name: 'award_year', type: 'integer', nullable: true })
  awardYear: number | null;

  @Column({ type: 'text', nullable: true })
  achievements: string | null;

  /** The proposing organization (a unit, or a commune or agency in its own name). */
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ name: 'entry_level', type: 'varchar', length: 20 })
  entryLevel: Level;

  /** The organization that runs each level of the route; null for a level outside this deployment. */
  @Column({ name: 'level_organizations', type: 'simple-json' })
  levelOrganizations: Partial<Record<Level, string | null>>;

  @Column({ name: 'current_level', type: 'varchar', length: 20, nullable: true })
  currentLevel: Level | null;

  @Column({ name: 'holder_organization_id', type: 'varchar', length: 36, nullable: true })
  holderOrganizationId: string | null;

  @Column({ type: 'varchar', length: 80 })
  state: string;

  @Column({ type: 'simple-json' })
  snapshot: StoredSnapshot;

  /** Optimistic lock: every accepted event increments it with `UPDATE … WHERE version = ?`. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'due_date', type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  @Column({ name: 'submitted_at', type: 'varchar', length: 32, nullable: true })
  submittedAt: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;
}
