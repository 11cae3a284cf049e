/** The API's answers as the pages read them (only the fields used here). */

export interface RoleAssignment {
  organizationId: string;
  role: string;
}

export interface User {
  id?: string;
  userId?: string;
  username: string;
  fullName: string;
  organizationId: string | null;
  roles: string[];
  roleAssignments: RoleAssignment[];
}

export interface Nominee {
  kind: 'individual' | 'collective' | 'household';
  fullName?: string;
  name?: string;
  position?: string;
  unitName?: string;
  category?: string;
  dateOfBirth?: string;
  taxCode?: string;
  address?: string;
  householdHead?: string;
}

export interface CurrentDeadline {
  level: string;
  step: string;
  dueDate: string;
  startedAt: string;
  overdue: boolean;
}

export interface NominationView {
  id: string;
  formCode: string;
  formName: string;
  campaignId: string | null;
  nominee: Nominee;
  nomineeId: string | null;
  criterion: string | null;
  awardYear: number;
  achievements: string | null;
  organizationId: string;
  organizationName: string | null;
  state: string;
  level: string | null;
  statusLabel: string;
  route: Array<{ level: string; organizationId: string | null; organizationName: string | null; signer: string | null }>;
  holder: { organizationId: string; organizationName: string; office: string | null } | null;
  allowedEvents: string[];
  version: number;
  deadlines: { current: CurrentDeadline | null };
  supplementRounds: Array<{ level: string; reason: string; items: string[]; dueDate: string; requestedAt?: string }>;
  councilResults: Array<Record<string, unknown>>;
  signatures: Array<{ level: string; number: string; date: string }>;
  rejection: { level: string; step: string; reason: string } | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HistoryEntry {
  seq: number;
  type: string;
  actor: { userId: string; username: string };
  at: string;
  fromState: string | null;
  toState: string;
  payload: Record<string, unknown>;
}

export interface NotificationItem {
  id: string;
  kind: 'action-required' | 'outcome' | 'overdue';
  nominationId: string | null;
  eventType: string | null;
  state: string | null;
  message: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage extends Page<NotificationItem> {
  unread: number;
}

export interface DocumentVersion {
  id: string;
  code: string;
  name: string;
  level: string;
  version: number;
  fileName: string;
  sizeBytes: number;
  uploadedAt: string;
  uploadedBy: { username: string };
  contentUrl: string;
}

export interface DocumentEntry {
  code: string;
  name: string;
  level: string;
  levelLabel: string;
  current: DocumentVersion;
  earlierVersions: DocumentVersion[];
}

export interface ChecklistItem {
  code: string;
  name: string;
  label: string;
  level: string;
  levelLabel: string;
  checkedAt: 'entry' | 'appraisal' | 'council';
  checks: Array<{ event: string; eventLabel: string; state: string; stateLabel: string }>;
  providedBy: { at: 'owner' | 'level'; level?: string; organizationId: string | null; organizationName: string | null };
  state: 'present' | 'missing';
  checkedFromCurrentState: boolean;
  document: { id: string; version: number; fileName: string; uploadedAt: string; contentUrl: string } | null;
}

export interface Checklist {
  nominationId: string;
  nominationState: string;
  missing: number;
  items: ChecklistItem[];
}

export interface RegistryEntry {
  id: string;
  organizationId: string;
  organizationName: string | null;
  kind: Nominee['kind'];
  fullName: string | null;
  name: string;
  category: string | null;
  dateOfBirth: string | null;
  position: string | null;
  unitName: string | null;
  taxCode: string | null;
  address: string | null;
}

export interface EligibilityFailure {
  rule: string;
  message: string;
  legalBasis?: string;
}

export interface EligibilityAlternative {
  code: string;
  name: string;
  legalBasis: string;
  declarations: string[];
  applies: boolean;
  met: boolean;
  failures: EligibilityFailure[];
}

export interface FormEligibility {
  formCode: string;
  formName: string;
  eligible: boolean;
  eligibleOnRecord?: boolean;
  refusals: EligibilityFailure[];
  alternatives: EligibilityAlternative[];
}

export interface Eligibility {
  nomineeId: string;
  year: number;
  today: string;
  ruleSetId: string;
  forms: FormEligibility[];
}

export interface AwardForm {
  code: string;
  name: string;
  nomineeKinds: string[];
  criteria: string;
}

export interface SessionMember {
  userId: string;
  fullName: string;
  position: string;
  positionLabel: string;
  attendance: string;
  attendanceLabel: string;
}

export interface SessionItem {
  id: string;
  seq: number;
  nominationId: string | null;
  title: string;
  formCode: string | null;
  formName: string | null;
  level: string | null;
  councilRule: { kind: string; minPercent?: number } | null;
  councilRuleText: string;
  recusals: Array<{ userId: string; fullName: string; reasonLabel: string }>;
  ballotsCast: number;
  eligibleVoters: number | null;
  youHaveVoted: boolean;
  youAreRecused: boolean;
  outcome: string | null;
  result: { members: number; present: number; yes: number; no: number; abstain: number; eligibleVoters: number; yesShareOfAllMembers: string } | null;
}

export interface CouncilSession {
  id: string;
  kind: string;
  organizationId: string;
  organizationName: string | null;
  councilId: string | null;
  title: string;
  meetingDate: string;
  place: string | null;
  status: 'scheduled' | 'open' | 'closed' | 'inquorate' | 'cancelled';
  statusLabel: string;
  minutesNumber: string | null;
  quorum: { minPresentPercent: number; members: number; present: number; met: boolean } | null;
  members: SessionMember[];
  you: { member: boolean; attendance: string | null };
  items: SessionItem[];
}

export interface SessionSummary {
  id: string;
  kind: string;
  title: string;
  meetingDate: string;
  status: CouncilSession['status'];
  statusLabel: string;
  items: number;
  councilId: string | null;
  minutesNumber: string | null;
}

export interface CouncilMemberTerm {
  id: string;
  userId: string;
  username: string;
  fullName: string;
  position: string;
  positionLabel: string;
  from: string;
  to: string | null;
}

export interface Council {
  id: string;
  organizationId: string;
  organizationName: string | null;
  name: string;
  quorum: { minPresentPercent: number };
  members: CouncilMemberTerm[];
}

export interface AgendaCandidate {
  nominationId: string;
  formCode: string;
  formName: string;
  nomineeName: string;
  nomineeKind: string;
  organizationId: string;
  state: string;
}
