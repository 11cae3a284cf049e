/**
 * A campaign (phong trào thi đua) as its plan (Kế hoạch) fixes it, and the draft a plan import extracts from the
 * plan's text. Dates are `YYYY-MM-DD` (Vietnam time); a date the plan gives only as a month, a quarter or a year is
 * widened to the range it names (e.g. "quý II/2028" → 2028-04-01 … 2028-06-30) and keeps the plan's own words.
 */

export type NomineeCategory = 'individual' | 'collective' | 'household' | 'enterprise' | 'entrepreneur' | 'other';

export type ReviewKind = 'midterm' | 'final';

/** A span the plan names, as precise as the plan is: `from`/`to` are the widest reading of its words. */
export interface PlanPeriod {
  from: string;
  to: string;
  /** The plan's own words, e.g. "từ năm 2026 đến năm 2030". */
  text: string;
}

export interface CampaignPhase {
  name: string;
  period: PlanPeriod;
}

/** Sơ kết or tổng kết: when it is held, and the award forms (catalog codes) it allows. */
export interface CampaignReview {
  kind: ReviewKind;
  /** When nominations for this review may be submitted. */
  period: PlanPeriod;
  allowedFormCodes: string[];
}

export interface CampaignCriterion {
  nomineeCategory: NomineeCategory;
  text: string;
}

/** "Định kỳ hằng năm … báo cáo … về UBND xã (qua Phòng Văn hóa – Xã hội) trước ngày 10/11 hằng năm". */
export interface ReportDuty {
  /** Who reports, in the plan's words ("các cơ quan, ban, ngành đoàn thể, các bản, HTX, doanh nghiệp"). */
  reporters: string;
  /** To whom ("UBND xã (qua Phòng Văn hóa – Xã hội)"). */
  recipient: string;
  /** Yearly due date as `MM-DD` ("10/11" → "11-10"): the report is due before that day each year. */
  dueMonthDay: string;
  description: string;
}

export interface ResponsibleOffice {
  name: string;
  duties: string;
}

export interface LegalBasisEntry {
  /** "Chỉ thị số 02/CT-UBND ngày 13/01/2026 của Ủy ban nhân dân tỉnh Lai Châu". */
  text: string;
  documentNumber?: string;
  date?: string;
}

/** Everything a campaign holds, as confirmed by a person (from a draft or typed in). */
export interface CampaignDefinition {
  issuingOrganizationName: string;
  /** "82/KH-UBND"; null when the plan leaves the number blank (an unsigned draft plan). */
  planNumber: string | null;
  /** The plan's date; null when it is not stated in full. */
  planDate: string | null;
  title: string;
  legalBasis: LegalBasisEntry[];
  period: PlanPeriod;
  phases: CampaignPhase[];
  reviews: CampaignReview[];
  criteria: CampaignCriterion[];
  responsibleOffices: ResponsibleOffice[];
  reportDuties: ReportDuty[];
}

/**
 * How sure the import is of one field: `found` (stated and read), `uncertain` (read, but a person must check it:
 * a partial date, a form name that maps to several catalog codes), `not-found` (the plan does not state it, or the
 * parser could not read it: the value is null or empty, never guessed).
 */
export type ExtractionStatus = 'found' | 'uncertain' | 'not-found';

export interface ExtractedField<T> {
  value: T | null;
  status: ExtractionStatus;
  /** The sentences of the plan the value was read from, verbatim. */
  sources: string[];
  /** Why the field is uncertain or not found, in Vietnamese, for the person confirming the draft. */
  note?: string;
}

export type CampaignDraftFields = { [K in keyof CampaignDefinition]: ExtractedField<CampaignDefinition[K]> };

export interface CampaignDraft {
  fields: CampaignDraftFields;
  /** Award form names the plan mentions that map to no catalog code, with their sentence. */
  unmappedForms: { text: string; source: string }[];
}
