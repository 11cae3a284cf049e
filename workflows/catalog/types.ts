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

export interface RequiredDocument {
  /** `submission`, `achievement-report`, `council-minutes`, `initiative-proof`, `annex-list`, `confirmation:<body>` */
  code: string;
  nomineeKinds: NomineeKind[];
  /** Narrower categories the document applies to (e.g. `enterprise` among collectives); all when absent. */
  nomineeCategories?: string[];
  levels: Level[];
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
  /** Summary of the criteria, for the screens; the rules themselves come with the eligibility issue. */
  criteria: string;
}

export interface QuorumRule {
  /** Share of all council members who must attend when awards are reviewed. */
  minPresentPercent: number;
}

export interface DocumentKind {
  code: string;
  name: string;
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
  forms: AwardForm[];
}

/** A rule set as written in data/: it may extend another and override forms field by field. */
export interface RuleSetFile extends Omit<RuleSet, 'forms' | 'quorum' | 'supplementDefaultWorkingDays' | 'documentKinds'> {
  extends?: string;
  quorum?: QuorumRule;
  supplementDefaultWorkingDays?: number;
  documentKinds?: DocumentKind[];
  forms?: Array<Partial<AwardForm> & { code: string }>;
}
