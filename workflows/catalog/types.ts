/** The award catalog as the law and the province's rulebook describe it (see shared/domain/awards.md). */

export const LEVELS = ['commune', 'agency', 'province', 'central'] as const;
export type Level = (typeof LEVELS)[number];

export const NOMINEE_KINDS = ['individual', 'collective', 'household'] as const;
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

export const AWARD_CATEGORIES = ['title', 'form'] as const;
/** `title`: danh hiệu thi đua; `form`: hình thức khen thưởng. */
export type AwardCategory = (typeof AWARD_CATEGORIES)[number];

/**
 * How a level's council decides.
 * - `share-of-all`: mandatory (secret) ballot; yes votes of ALL members, present or written, must reach `minPercent`.
 * - `majority-of-present`: more than half of the members present at a quorate session vote yes.
 * - `standing-body`: no vote; the appraisal office reports straight to the signer.
 */
export type CouncilRule =
  | { kind: 'share-of-all'; minPercent: number }
  | { kind: 'majority-of-present' }
  | { kind: 'standing-body' };
export const COUNCIL_RULE_KINDS = ['share-of-all', 'majority-of-present', 'standing-body'] as const;

export interface LevelRule {
  council: CouncilRule;
  /** Vietnamese title of the person who signs at this level (decision or forwarding submission). */
  signer: string;
  /** Working days the appraisal office has, from a complete dossier, to bring the dossier to the signer. */
  appraisalWorkingDays: number;
  /** Calendar days instead of working days (the province's 15 days before forwarding to the central level). */
  appraisalCalendarDays?: boolean;
}

/**
 * When a required document is checked (see README, "Dossiers"):
 * - `entry`: it belongs to the dossier that enters the level (the proposer's Tờ trình, báo cáo thành tích and proof
 *   of initiative at the first level; the lower level's Tờ trình at an upper one). Checked by the step that brings the
 *   dossier in (`SUBMIT`, or the lower level's forwarding `SIGN`), and at the level's `RESUBMIT` and
 *   `APPRAISAL_PASSED`.
 * - `appraisal`: the level's appraisal office collects it (confirmations of other bodies); checked at the level's
 *   `APPRAISAL_PASSED`.
 * - `council`: the minutes of the level's own council vote; checked when the level's signer signs (`SIGN`).
 */
export const DOCUMENT_CHECKPOINTS = ['entry', 'appraisal', 'council'] as const;
export type DocumentCheckpoint = (typeof DOCUMENT_CHECKPOINTS)[number];

export interface RequiredDocument {
  /** `submission`, `achievement-report`, `council-minutes`, `initiative-proof`, `annex-list`, `confirmation:<body>` */
  code: string;
  nomineeKinds: NomineeKind[];
  /** Narrower categories the document applies to (e.g. `enterprise` among collectives); all when absent. */
  nomineeCategories?: string[];
  /** The levels of the route whose dossier must hold it (for a Tờ trình: the level it is addressed to). */
  levels: Level[];
  checkedAt: DocumentCheckpoint;
}

export interface AwardForm {
  code: string;
  name: string;
  category: AwardCategory;
  nomineeKinds: NomineeKind[];
  /** Levels a nomination may enter at: the proposer's commune or agency. */
  entryLevels: Level[];
  /** Levels above the entry level, in order, up to the granting authority. */
  upperLevels: Level[];
  levels: Partial<Record<Level, LevelRule>>;
  grantingAuthority: string;
  requiredDocuments: RequiredDocument[];
  /** Summary of the criteria, for the screens; the machine-checkable rules are in `eligibility`. */
  criteria: string;
  /** The criteria as data: alternative ways to qualify, each with its requirements (see below). */
  eligibility: FormEligibility;
}

export interface QuorumRule {
  /** Share of all council members who must attend when awards are reviewed. */
  minPresentPercent: number;
}

export interface DocumentKind {
  code: string;
  name: string;
}

/** Mức độ hoàn thành nhiệm vụ of a year, best first. */
export const RATINGS = ['excellent', 'good', 'completed', 'not-completed'] as const;
/** `excellent` hoàn thành xuất sắc, `good` hoàn thành tốt, `completed` hoàn thành, `not-completed` không hoàn thành. */
export type Rating = (typeof RATINGS)[number];

/**
 * What the registry may record against a nominee: under discipline review, under investigation or inspection, a
 * complaint or denunciation being verified, disciplined (until a date).
 */
export const FLAG_KINDS = ['discipline-review', 'investigation', 'complaint-verification', 'disciplined'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/**
 * One requirement of an alternative. Year-based requirements look at the years up to and including the year the
 * nomination is for (Y): `count` qualifying years among the `withinYears` years Y-withinYears+1 … Y (default:
 * exactly `count` years), forming one unbroken run when `consecutive` (the default). Years before the end of a
 * discipline never count.
 * - `rating-years`: a yearly rating at least `minimum` (excellent > good > completed > not-completed);
 * - `title-years`: one of the `titles` (catalog codes) granted for that year and not revoked;
 * - `prior-award`: one of the `forms` granted, not revoked, for a year at least `minYearsBefore` years before Y;
 * - `block-lead`: the collective led its emulation block (a recorded block election) in that year;
 * - `declaration`: stated by the unit and checked by the appraiser; it passes the machine check and is listed.
 */
export type EligibilityRequirement =
  | { kind: 'rating-years'; minimum: Rating; count: number; consecutive?: boolean; withinYears?: number }
  | { kind: 'title-years'; titles: string[]; count: number; consecutive?: boolean; withinYears?: number }
  | { kind: 'prior-award'; forms: string[]; minYearsBefore?: number }
  | { kind: 'block-lead'; count: number; consecutive?: boolean; withinYears?: number }
  | { kind: 'declaration'; text: string };
export const REQUIREMENT_KINDS = ['rating-years', 'title-years', 'prior-award', 'block-lead', 'declaration'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** One way to qualify for a form (e.g. "2 năm liên tục đạt Chiến sĩ thi đua cơ sở"); a nomination claims one. */
export interface EligibilityAlternative {
  /** ASCII kebab-case, unique within the form: what a nomination's `criterion` names. */
  code: string;
  /** Vietnamese, for the screens and the refusals. */
  name: string;
  legalBasis: string;
  /** The nominee kinds it applies to (a subset of the form's). */
  nomineeKinds: NomineeKind[];
  /** Narrower: only nominees of these categories (e.g. `village`, `worker-farmer`); any category when absent. */
  nomineeCategories?: string[];
  requirements: EligibilityRequirement[];
}

export interface FormEligibility {
  alternatives: EligibilityAlternative[];
}

/** A rule every nomination meets whatever its form; the engine knows what each kind means, the data names it. */
export interface CrossCuttingRule {
  code: string;
  name: string;
  legalBasis: string;
}

export interface RuleSetEligibility {
  /** No nomination submitted or signed while one of these flags is in force (awards.md principle 3). */
  blockingFlags: CrossCuttingRule & { flags: FlagKind[] };
  /** After a discipline, achievements count only from its end: refused while it runs, earlier years never count. */
  disciplineCountsFromEnd: CrossCuttingRule & { flags: FlagKind[] };
  /** One open (submitted, not finished) nomination per nominee and form, and campaign when given. */
  oneOpenNomination: CrossCuttingRule;
}

export interface RuleSet {
  id: string;
  name: string;
  /** `national`, or a province's code (e.g. `lai-chau`). */
  jurisdiction: string;
  /** ISO date (YYYY-MM-DD) from which the rule set is in force. */
  effectiveFrom: string;
  legalBasis: string[];
  quorum: QuorumRule;
  supplementDefaultWorkingDays: number;
  documentKinds: DocumentKind[];
  /** Eligibility rules that apply to every form. */
  eligibility: RuleSetEligibility;
  forms: AwardForm[];
}

/** A rule set as written in data/: it may extend another and override forms field by field. */
export interface RuleSetFile extends Omit<RuleSet, 'forms' | 'quorum' | 'supplementDefaultWorkingDays' | 'documentKinds' | 'eligibility'> {
  extends?: string;
  eligibility?: RuleSetEligibility;
  quorum?: QuorumRule;
  supplementDefaultWorkingDays?: number;
  documentKinds?: DocumentKind[];
  forms?: Array<Partial<AwardForm> & { code: string }>;
}
