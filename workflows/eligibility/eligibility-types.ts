import type { AwardForm, EligibilityRequirement, FlagKind, NomineeKind, Rating, RuleSetEligibility } from '../catalog/types';

/** A nominee's history as plain data: what the registry holds, read by the service, judged here. */
export interface NomineeHistory {
  kind: NomineeKind;
  /** Sub-kind that narrows the alternatives (`civil-servant`, `worker-farmer`, `village`, `enterprise`…). */
  category?: string | null;
  /** Mức độ hoàn thành nhiệm vụ by year. */
  ratings: Array<{ year: number; rating: Rating }>;
  /** Titles and awards, granted in the system or entered: the year whose achievements they recognise. */
  awards: Array<{ formCode: string; year: number; revoked: boolean }>;
  /** Years the collective led its emulation block (a recorded block election). */
  blockLeads: Array<{ year: number }>;
  flags: NomineeFlagData[];
  /** The nominee's other nominations that are submitted and not finished. */
  openNominations: Array<{ nominationId: string; formCode: string; campaignId?: string | null }>;
}

export interface NomineeFlagData {
  kind: FlagKind;
  /** ISO dates (YYYY-MM-DD). `endsOn`: the expected end, or the last day of a discipline. */
  startsOn: string;
  endsOn?: string | null;
  /** The day the flag was lifted: from that day on it is no longer in force. */
  liftedOn?: string | null;
}

/** What the service asks about one nomination (or one form for the eligibility screen). */
export interface EligibilityQuestion {
  form: AwardForm;
  rules: RuleSetEligibility;
  /** Vietnamese names of the catalog's codes, for the messages. */
  formNames: Record<string, string>;
  history: NomineeHistory;
  /** The alternative the nomination claims; may be left out where only one applies to the nominee. */
  criterion?: string | null;
  /** The year whose achievements are judged. */
  year: number;
  /** Today in Vietnam (YYYY-MM-DD): flags are judged on this day. */
  today: string;
  /** Left out of the open nominations (the nomination being submitted itself). */
  nominationId?: string;
  campaignId?: string | null;
}

/** Why a rule refuses: its code, a Vietnamese message, the legal basis. */
export interface EligibilityRefusal {
  rule: string;
  message: string;
  legalBasis: string;
  criterion?: string;
  requirement?: EligibilityRequirement;
}

export interface AlternativeVerdict {
  code: string;
  name: string;
  legalBasis: string;
  /** The alternative is written for this nominee's kind and category. */
  applies: boolean;
  /** Applies and every machine-checkable requirement is met. */
  met: boolean;
  /** It has requirements the records decide (not only declarations the appraiser checks). */
  machineChecked: boolean;
  /** Each failed requirement (or why it does not apply). */
  failures: EligibilityRefusal[];
  /** Requirements the appraiser checks (they pass the machine check). */
  declarations: string[];
}

export interface EligibilityVerdict {
  eligible: boolean;
  /** Cross-cutting refusals first, then the claimed alternative's failures. */
  refusals: EligibilityRefusal[];
  /** The alternative judged (claimed, or the only one that applies). */
  criterion: string | null;
  /** What the appraiser must check by hand for that alternative. */
  declarations: string[];
}

/** Every form for one nominee and year, for the eligibility screen. */
export interface FormEligibilityVerdict {
  formCode: string;
  formName: string;
  eligible: boolean;
  /** Eligible by an alternative the records decide, not only by declarations the appraiser has yet to check. */
  eligibleOnRecord: boolean;
  /** Refusals that hold whatever the alternative (nominee kind, flags, discipline, an open nomination). */
  refusals: EligibilityRefusal[];
  alternatives: AlternativeVerdict[];
}
