import type { CouncilRule } from '../catalog/types';
import type { CouncilCounts } from '../nomination/nomination-events';

/** Positions in a council (chair, vice-chairs, secretary, members); every one of them votes. */
export const COUNCIL_POSITIONS = ['chair', 'vice-chair', 'secretary', 'member'] as const;
export type CouncilPosition = (typeof COUNCIL_POSITIONS)[number];
/** In a block election the voters are the member collectives' representatives. */
export type SessionPosition = CouncilPosition | 'representative';

export const POSITION_LABELS: Record<SessionPosition, string> = {
  chair: 'Chủ tịch Hội đồng',
  'vice-chair': 'Phó Chủ tịch Hội đồng',
  secretary: 'Ủy viên, Thư ký Hội đồng',
  member: 'Ủy viên',
  representative: 'Đại diện đơn vị thành viên',
};

/** Attendance recorded for a member: present, absent, or absent having sent a written vote (phiếu gửi bằng văn bản). */
export const ATTENDANCE = ['present', 'absent', 'absent-written'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'có mặt',
  absent: 'vắng mặt',
  'absent-written': 'vắng mặt, có phiếu biểu quyết bằng văn bản',
};

/** đồng ý / không đồng ý / phiếu trắng. */
export const BALLOT_CHOICES = ['yes', 'no', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

export const BALLOT_LABELS: Record<BallotChoice, string> = {
  yes: 'đồng ý',
  no: 'không đồng ý',
  abstain: 'phiếu trắng',
};

export type SessionStatus = 'scheduled' | 'open' | 'closed' | 'inquorate' | 'cancelled';

/** A session still holds its agenda's nominations while it is scheduled or open. */
export const ACTIVE_SESSION_STATUSES: readonly SessionStatus[] = ['scheduled', 'open'];

export type RecusalReason = 'nominee' | 'proposing-unit';

export const RECUSAL_LABELS: Record<RecusalReason, string> = {
  nominee: 'là người được đề nghị khen thưởng',
  'proposing-unit': 'thuộc đơn vị đề nghị khen thưởng',
};

/** Names compared as people write them: Unicode NFC, case and spacing ignored, diacritics kept (Hải ≠ Hài). */
export function normalizePersonName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

export function isSameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && normalizePersonName(a) === normalizePersonName(b);
}

export interface RecusalQuestion {
  member: { fullName: string; organizationId: string | null; nomineeRegistryId?: string | null };
  item: {
    /** An individual nominee's full name; a collective's or household's name (never matched to a person). */
    nomineeKind: string;
    nomineeName: string;
    nomineeRegistryId?: string | null;
    /** The proposing organization (the nomination's unit; the candidate collective in a block election). */
    proposingOrganizationId: string | null;
  };
  /**
   * The organization that holds the session. Its own members all belong to it, so a nomination it proposes in its
   * own name recuses nobody by unit (only the nominee himself).
   */
  sessionOrganizationId: string;
}

/**
 * Why a member may not vote on an item: they are the nominee (by the registry link when both have one, else by
 * name), or they belong to the unit that proposes the nominee.
 */
export function recusalReason(question: RecusalQuestion): RecusalReason | null {
  const { member, item } = question;
  if (item.nomineeKind === 'individual') {
    const linked = !!member.nomineeRegistryId && !!item.nomineeRegistryId;
    if (linked ? member.nomineeRegistryId === item.nomineeRegistryId : isSameName(member.fullName, item.nomineeName)) return 'nominee';
  }
  if (
    member.organizationId &&
    item.proposingOrganizationId === member.organizationId &&
    item.proposingOrganizationId !== question.sessionOrganizationId
  ) {
    return 'proposing-unit';
  }
  return null;
}

/**
 * Whether a member's attendance lets them cast a ballot on an item with this rule: those present always; those
 * absent with a written vote only where the rule counts all members (a ballot share); the plainly absent never.
 */
export function mayCastBallot(attendance: Attendance, rule: CouncilRule): boolean {
  if (attendance === 'present') return true;
  return attendance === 'absent-written' && rule.kind === 'share-of-all';
}

export interface SessionMemberState {
  userId: string;
  attendance: Attendance;
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/**
 * One agenda item's counts as the machine and `evaluateCouncilVote` read them: every member of the session, those
 * present, the tally, and the present members recused from the item.
 */
export function itemCounts(members: readonly SessionMemberState[], recusedUserIds: ReadonlySet<string>, tally: Tally): CouncilCounts {
  const present = members.filter((member) => member.attendance === 'present');
  return {
    members: members.length,
    present: present.length,
    yes: tally.yes,
    no: tally.no,
    abstain: tally.abstain,
    recused: present.filter((member) => recusedUserIds.has(member.userId)).length,
  };
}

/** How many may vote on an item: by attendance and rule, less those recused. */
export function eligibleVoters(members: readonly SessionMemberState[], recusedUserIds: ReadonlySet<string>, rule: CouncilRule): number {
  return members.filter((member) => mayCastBallot(member.attendance, rule) && !recusedUserIds.has(member.userId)).length;
}

export function presentCount(members: readonly SessionMemberState[]): number {
  return members.filter((member) => member.attendance === 'present').length;
}
