import type { CampaignDraft, CampaignDraftFields } from '../campaign-types';
import { issuerLevel } from './award-forms';
import { readCriteria } from './criteria';
import { readPlanDocument } from './document';
import { readIssuer, readPlanDate, readPlanNumber, readTitle } from './header';
import { readLegalBasis } from './legal-basis';
import { readOffices } from './offices';
import { phasesField, readPeriod, readPhases } from './periods';
import { readReportDuties } from './report-duties';
import { readReviews } from './reviews';

export { extractDocxText, DocxFormatError } from './docx-text';

export type PlanCatalog = { forms: { code: string; name: string; category: string }[] };

/**
 * Reads a campaign plan (Kế hoạch phát động / triển khai phong trào thi đua) into a draft campaign: every field with
 * its value, whether it was found, is uncertain or was not found, and the sentences it was read from. The sources
 * are sentences of the plan after normalization (markdown marks and list markers removed, lines broken by a page
 * joined), not byte ranges of the input.
 */
export function parseCampaignPlan(text: string, catalog: PlanCatalog): CampaignDraft {
  const document = readPlanDocument(text);
  const issuingOrganizationName = readIssuer(document);
  const title = readTitle(document);
  const phaseReadings = readPhases(document);
  const period = readPeriod(document, phaseReadings, title.value);
  const offices = readOffices(document);
  const reviews = readReviews(document, catalog.forms, issuerLevel(issuingOrganizationName.value), period.value);
  const fields: CampaignDraftFields = {
    issuingOrganizationName,
    planNumber: readPlanNumber(document),
    planDate: readPlanDate(document),
    title,
    legalBasis: readLegalBasis(document),
    period,
    phases: phasesField(phaseReadings),
    reviews: reviews.field,
    criteria: readCriteria(document),
    responsibleOffices: offices.field,
    reportDuties: readReportDuties(document, offices.items),
  };
  return { fields, unmappedForms: reviews.unmapped };
}
