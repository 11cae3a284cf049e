import {
  applicableAlternatives,
  loadRuleSets,
  type AwardForm,
  type EligibilityAlternative,
  type NomineeKind,
  type RuleSet,
} from '../../../workflows';
import type { TestApp } from '../../support/test-app';
import { AGENCY, COMMUNE, UNITS, vietnamToday } from './binh-lu-fixtures';

/**
 * The nominee registry as the e2e tests use it: which eligibility alternative a fixture nominee claims by default,
 * and the history it needs, recorded through the registry API by the office that keeps it, like an office entering
 * its records. Tests about eligibility itself build their histories by hand instead.
 */

/** The rule set the demo province's nominations are judged by today. */
export function ruleSetInForce(): RuleSet {
  return loadRuleSets().inForce('lai-chau', vietnamToday());
}

export function formOf(code: string): AwardForm {
  const form = ruleSetInForce().forms.find((candidate) => candidate.code === code);
  if (!form) throw new Error(`No form ${code} in the rule set in force`);
  return form;
}

/** The first alternative written for the nominee where the form has several for it; none where one applies. */
export function defaultCriterion(formCode: string, nominee: { kind?: unknown; category?: unknown }): string | undefined {
  const form = ruleSetInForce().forms.find((candidate) => candidate.code === formCode);
  if (!form || typeof nominee.kind !== 'string' || !form.nomineeKinds.includes(nominee.kind as NomineeKind)) return undefined;
  const choices = applicableAlternatives(form, nominee.kind as NomineeKind, typeof nominee.category === 'string' ? nominee.category : null);
  return choices.length > 1 ? choices[0].code : undefined;
}

/** The appraisal office that keeps a unit's registry: the agency's for the agency's own staff, the commune's otherwise. */
export function officeKeeping(submitter: string): string {
  return submitter === UNITS.vanPhongUbndTinh.submitter ? AGENCY.appraiser : COMMUNE.appraiser;
}

interface RegistryEntry {
  id: string;
  ratings: Array<{ year: number; rating: string }>;
  awards: Array<{ formCode: string; year: number; revoked: unknown }>;
  blockResults: Array<{ year: number }>;
}

let decisionCounter = 300;

/**
 * Records, as `office`, whatever the nomination's claimed alternative needs for its year and the registry lacks:
 * yearly ratings of `excellent`, the titles and prior awards (each with a decision of the authority that grants
 * it, dated no later than today), the block election results. Answers what it recorded.
 */
export async function recordEligibleHistory(
  t: TestApp,
  office: string,
  nomination: { nomineeId: string; formCode: string; criterion: string; awardYear: number },
): Promise<string[]> {
  const authorization = `Bearer ${await t.tokenOf(office)}`;
  const read = async (): Promise<RegistryEntry> => {
    const response = await t.http().get(`/api/nominees/${nomination.nomineeId}`).set('Authorization', authorization);
    if (response.status !== 200) throw new Error(`GET /api/nominees/${nomination.nomineeId} as ${office}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as RegistryEntry;
  };
  const post = async (path: string, body: object) => {
    const response = await t.http().post(`/api/nominees/${nomination.nomineeId}/${path}`).set('Authorization', authorization).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} ${JSON.stringify(body)}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const ruleSet = ruleSetInForce();
  const form = ruleSet.forms.find((candidate) => candidate.code === nomination.formCode)!;
  const alternative: EligibilityAlternative | undefined = form.eligibility.alternatives.find((candidate) => candidate.code === nomination.criterion);
  if (!alternative) return [];
  const today = vietnamToday();
  const decided = (year: number) => (`${year}-12-20` < today ? `${year}-12-20` : today);
  const recorded: string[] = [];
  const entry = await read();
  const Y = nomination.awardYear;
  const lastYears = (count: number) => Array.from({ length: count }, (_, i) => Y - count + 1 + i);
  const grant = async (formCode: string, year: number) => {
    if (entry.awards.some((award) => award.formCode === formCode && award.year === year && !award.revoked)) return;
    const granted = ruleSet.forms.find((candidate) => candidate.code === formCode)!;
    await post('awards', {
      formCode,
      year,
      decisionNumber: `${decisionCounter++}/QĐ-UBND`,
      decisionDate: decided(year),
      grantingAuthority: granted.grantingAuthority.split(';')[0],
    });
    entry.awards.push({ formCode, year, revoked: null });
    recorded.push(`${formCode} ${year}`);
  };
  for (const requirement of alternative.requirements) {
    switch (requirement.kind) {
      case 'rating-years':
        for (const year of lastYears(requirement.count)) {
          const existing = entry.ratings.find((rating) => rating.year === year);
          if (existing) continue;
          await post('ratings', { year, rating: 'excellent', note: `Kết quả đánh giá, xếp loại năm ${year}` });
          entry.ratings.push({ year, rating: 'excellent' });
          recorded.push(`rating ${year}`);
        }
        break;
      case 'title-years':
        for (const year of lastYears(requirement.count)) await grant(requirement.titles[0], year);
        break;
      case 'prior-award':
        if (!entry.awards.some((award) => requirement.forms.includes(award.formCode) && !award.revoked && award.year <= Y - (requirement.minYearsBefore ?? 1))) {
          await grant(requirement.forms[0], Y - (requirement.minYearsBefore ?? 1));
        }
        break;
      case 'block-lead':
        for (const year of lastYears(requirement.count)) {
          if (entry.blockResults.some((result) => result.year === year)) continue;
          await post('block-results', { year, blockName: 'Khối thi đua các xã, thị trấn vùng cao' });
          entry.blockResults.push({ year });
          recorded.push(`block ${year}`);
        }
        break;
      case 'declaration':
        break;
    }
  }
  return recorded;
}
