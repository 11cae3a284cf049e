import type { CouncilCounts, CouncilRule } from '../../../workflows';
import type { Attendance, SessionPosition } from '../../../workflows/council';

/** The minutes of a session as data: what the JSON answer gives and what both DOCX documents print. */
export interface CouncilMinutes {
  sessionId: string;
  kind: 'council' | 'block-election';
  status: 'closed' | 'inquorate';
  /** Quốc hiệu and tiêu ngữ. */
  nationalTitle: string;
  motto: string;
  /** Tên cơ quan chủ quản (upper case, first line) and the issuing body (upper case, bold). */
  parentAuthority: string;
  issuer: string;
  organizationName: string;
  /** Số, ký hiệu of the Biên bản họp and of the Biên bản kiểm phiếu. */
  number: string | null;
  tallySheetNumber: string | null;
  place: string;
  meetingDate: string;
  /** "Bình Lư, ngày 10 tháng 11 năm 2026". */
  placeAndDate: string;
  title: string;
  subtitle: string;
  sessionTitle: string;
  openedAt: string | null;
  closedAt: string | null;
  quorum: { minPresentPercent: number; members: number; present: number; met: boolean };
  members: {
    total: number;
    present: MinutesPerson[];
    absentWithWrittenVote: MinutesPerson[];
    absent: MinutesPerson[];
  };
  agenda: Array<{ seq: number; title: string; formName: string | null; ruleText: string }>;
  /** Empty when the session had no quorum: no results. */
  results: MinutesItemResult[];
  election: { elected: { organizationId: string; name: string; yesVotes: number } | null } | null;
  conclusion: string;
  signatures: { left: MinutesSignature; right: MinutesSignature };
}

export interface MinutesPerson {
  fullName: string;
  position: SessionPosition;
  positionLabel: string;
  attendance: Attendance;
}

export interface MinutesSignature {
  title: string;
  fullName: string;
}

export interface MinutesItemResult {
  seq: number;
  title: string;
  formName: string | null;
  councilRule: CouncilRule;
  ruleText: string;
  counts: CouncilCounts;
  recused: Array<{ fullName: string; reasonLabel: string }>;
  /** Phiếu phát ra: members who could vote on the item. */
  eligibleVoters: number;
  /** Phiếu thu vào: yes + no + abstain. */
  ballotsReturned: number;
  yesShareOfAllMembers: string;
  outcome: string;
  outcomeLabel: string;
}

export const OUTCOME_LABELS: Record<string, string> = {
  approved: 'Đạt',
  rejected: 'Không đạt',
  elected: 'Được suy tôn',
  'not-elected': 'Không được suy tôn',
};
