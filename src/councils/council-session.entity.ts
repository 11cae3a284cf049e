import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Attendance, RecusalReason, SessionPosition, SessionStatus } from '../../workflows/council';
import type { CouncilCounts, CouncilRule, Level } from '../../workflows';

export type SessionKind = 'council' | 'block-election';

/** A phiên họp of a council, or a block's election (suy tôn) run by the same mechanism. */
@Entity('council_sessions')
export class CouncilSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: SessionKind;

  /** The council's organization, or the block's organizer: its council secretary runs the session. */
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ name: 'council_id', type: 'varchar', length: 36, nullable: true })
  councilId: string | null;

  @Column({ name: 'emulation_block_id', type: 'varchar', length: 36, nullable: true })
  emulationBlockId: string | null;

  /** The year a block election is for. */
  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'meeting_date', type: 'varchar', length: 10 })
  meetingDate: string;

  /** Địa danh of the minutes' date line (e.g. "Bình Lư"). */
  @Column({ type: 'varchar', length: 100 })
  place: string;

  @Column({ type: 'varchar', length: 20 })
  status: SessionStatus;

  /** The quorum applied, fixed when the session opens. */
  @Column({ name: 'quorum_min_present_percent', type: 'integer', nullable: true })
  quorumMinPresentPercent: number | null;

  @Column({ name: 'minutes_number', type: 'varchar', length: 100, nullable: true })
  minutesNumber: string | null;

  @Column({ name: 'opened_at', type: 'varchar', length: 32, nullable: true })
  openedAt: string | null;

  @Column({ name: 'closed_at', type: 'varchar', length: 32, nullable: true })
  closedAt: string | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 36, nullable: true })
  closedBy: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}

/** A member of the session as the council stood when it opened, with their attendance. */
@Entity('council_session_members')
export class CouncilSessionMemberEntity {
  @PrimaryColumn({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName: string;

  @Column({ type: 'varchar', length: 20 })
  position: SessionPosition;

  /** The member's own organization (for recusal: the nominee's proposing unit). */
  @Column({ name: 'organization_id', type: 'varchar', length: 36, nullable: true })
  organizationId: string | null;

  @Column({ type: 'varchar', length: 20 })
  attendance: Attendance;
}

export interface ItemResult {
  counts: CouncilCounts;
  /** Ballots that could have been cast on the item (attendance and rule, less recusals). */
  eligibleVoters: number;
}

/** One agenda item: a nomination (council) or a candidate collective (block election). */
@Entity('council_session_items')
export class CouncilSessionItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36, nullable: true })
  nominationId: string | null;

  @Column({ name: 'candidate_organization_id', type: 'varchar', length: 36, nullable: true })
  candidateOrganizationId: string | null;

  /** The nomination's id while its session is scheduled or open (unique): one active session per nomination. */
  @Column({ name: 'active_claim', type: 'varchar', length: 36, nullable: true, unique: true })
  activeClaim: string | null;

  /** The nominee's or the candidate's name as the minutes print it. */
  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ name: 'form_code', type: 'varchar', length: 64, nullable: true })
  formCode: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  level: Level | null;

  @Column({ name: 'council_rule', type: 'simple-json' })
  councilRule: CouncilRule;

  /** `approved` / `rejected` (council), `elected` / `not-elected` (block); null until the session closes. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: string | null;

  /** The published counts, written when the session closes (never before). */
  @Column({ type: 'simple-json', nullable: true })
  result: ItemResult | null;
}

@Entity('council_recusals')
export class CouncilRecusalEntity {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 36 })
  itemId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ type: 'varchar', length: 20 })
  reason: RecusalReason;
}

/** Secret ballot, part 1: that a member has voted on an item — and nothing about how. */
@Entity('council_votes_cast')
export class CouncilVoteCastEntity {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 36 })
  itemId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;
}

/** Secret ballot, part 2: the item's counters, incremented in place; no member, no time, no per-ballot row. */
@Entity('council_ballot_tallies')
export class CouncilBallotTallyEntity {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 36 })
  itemId: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ name: 'yes_count', type: 'integer', default: 0 })
  yesCount: number;

  @Column({ name: 'no_count', type: 'integer', default: 0 })
  noCount: number;

  @Column({ name: 'abstain_count', type: 'integer', default: 0 })
  abstainCount: number;
}
