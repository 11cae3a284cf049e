import {
  RATINGS,
  type AwardForm,
  type EligibilityAlternative,
  type EligibilityRequirement,
  type FlagKind,
  type NomineeKind,
  type Rating,
  type RuleSet,
  type RuleSetEligibility,
} from '../catalog/types';
import type {
  AlternativeVerdict,
  EligibilityQuestion,
  EligibilityRefusal,
  EligibilityVerdict,
  FormEligibilityVerdict,
  NomineeFlagData,
  NomineeHistory,
} from './eligibility-types';

export const RATING_LABELS: Record<Rating, string> = {
  excellent: 'hoàn thành xuất sắc nhiệm vụ',
  good: 'hoàn thành tốt nhiệm vụ',
  completed: 'hoàn thành nhiệm vụ',
  'not-completed': 'không hoàn thành nhiệm vụ',
};

export const FLAG_LABELS: Record<FlagKind, string> = {
  'discipline-review': 'đang bị xem xét xử lý kỷ luật',
  investigation: 'đang bị điều tra, thanh tra, kiểm tra do có dấu hiệu vi phạm',
  'complaint-verification': 'có đơn thư khiếu nại, tố cáo đang được xác minh, làm rõ',
  disciplined: 'đang trong thời gian thi hành kỷ luật',
};

const KIND_LABELS: Record<NomineeKind, string> = { individual: 'cá nhân', collective: 'tập thể', household: 'hộ gia đình' };

/** 2026-03-31 → 31/03/2026. */
export function vietnameseDate(isoDate: string): string {
  return isoDate.slice(0, 10).split('-').reverse().join('/');
}

/** At least `minimum`: excellent ≥ good ≥ completed ≥ not-completed. */
export function ratingMeets(rating: Rating, minimum: Rating): boolean {
  return RATINGS.indexOf(rating) <= RATINGS.indexOf(minimum);
}

/** The last day a flag counts: a lifted flag stops the day before it was lifted. */
function lastDayOf(flag: NomineeFlagData): string | null {
  const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const lifted = flag.liftedOn ? dayBefore(flag.liftedOn) : null;
  if (lifted && flag.endsOn) return lifted < flag.endsOn ? lifted : flag.endsOn;
  return lifted ?? flag.endsOn ?? null;
}

/** In force on `today`: started, not lifted, not past its end. */
export function isFlagInForce(flag: NomineeFlagData, today: string): boolean {
  if (flag.startsOn > today) return false;
  const last = lastDayOf(flag);
  return last === null || last >= today;
}

/**
 * After a discipline, achievements count only from its end: the first year that counts is the one after the year
 * the latest discipline (started by today) ends. A discipline without an end leaves no year counting.
 */
export function firstCountedYear(rules: RuleSetEligibility, flags: NomineeFlagData[], today: string): number {
  let first = Number.NEGATIVE_INFINITY;
  for (const flag of flags) {
    if (!rules.disciplineCountsFromEnd.flags.includes(flag.kind) || flag.startsOn > today) continue;
    const last = lastDayOf(flag);
    first = Math.max(first, last === null ? Number.POSITIVE_INFINITY : Number(last.slice(0, 4)) + 1);
  }
  return first;
}

/** Principle 3: a blocking flag in force, or a discipline still running, refuses the step. */
export function flagRefusals(rules: RuleSetEligibility, flags: NomineeFlagData[], today: string): EligibilityRefusal[] {
  const refusals: EligibilityRefusal[] = [];
  for (const flag of flags) {
    if (!isFlagInForce(flag, today)) continue;
    if (rules.blockingFlags.flags.includes(flag.kind)) {
      refusals.push({
        rule: rules.blockingFlags.code,
        message: `Chưa xét khen thưởng: đối tượng ${FLAG_LABELS[flag.kind]} (từ ngày ${vietnameseDate(flag.startsOn)})`,
        legalBasis: rules.blockingFlags.legalBasis,
      });
    } else if (rules.disciplineCountsFromEnd.flags.includes(flag.kind)) {
      const last = lastDayOf(flag);
      refusals.push({
        rule: rules.disciplineCountsFromEnd.code,
        message: `Đối tượng ${FLAG_LABELS[flag.kind]}${last ? ` (đến ngày ${vietnameseDate(last)})` : ''}: thành tích chỉ được tính từ khi hết thời hạn kỷ luật`,
        legalBasis: rules.disciplineCountsFromEnd.legalBasis,
      });
    }
  }
  return refusals;
}

/** Whether the alternative is written for this nominee's kind and category. */
export function alternativeApplies(alternative: EligibilityAlternative, kind: NomineeKind, category?: string | null): boolean {
  if (!alternative.nomineeKinds.includes(kind)) return false;
  return !alternative.nomineeCategories || (!!category && alternative.nomineeCategories.includes(category));
}

export function applicableAlternatives(form: AwardForm, kind: NomineeKind, category?: string | null): EligibilityAlternative[] {
  return form.eligibility.alternatives.filter((alternative) => alternativeApplies(alternative, kind, category));
}

export type ClaimResolution =
  | { ok: true; alternative: EligibilityAlternative }
  | { ok: false; problem: 'none-applies' | 'claim-required' | 'unknown' | 'not-applicable'; refusal: EligibilityRefusal; choices: EligibilityAlternative[] };

function describeNominee(kind: NomineeKind, category?: string | null): string {
  return `${KIND_LABELS[kind]}${category ? ` (${category})` : ''}`;
}

/**
 * The alternative a nomination is judged by: the one it claims, or the only one written for its nominee. Claiming
 * is required where several apply; a claimed alternative must exist and apply.
 */
export function resolveCriterion(form: AwardForm, kind: NomineeKind, category: string | null | undefined, claimed?: string | null): ClaimResolution {
  const choices = applicableAlternatives(form, kind, category);
  const basis = form.eligibility.alternatives[0]?.legalBasis ?? '';
  if (claimed) {
    const alternative = form.eligibility.alternatives.find((candidate) => candidate.code === claimed);
    if (!alternative) {
      return {
        ok: false,
        problem: 'unknown',
        choices,
        refusal: { rule: 'criterion-claimed', message: `${form.name} không có tiêu chuẩn "${claimed}"`, legalBasis: basis },
      };
    }
    if (!alternativeApplies(alternative, kind, category)) {
      return {
        ok: false,
        problem: 'not-applicable',
        choices,
        refusal: {
          rule: 'criterion-applies',
          message: `Tiêu chuẩn "${alternative.name}" của ${form.name} không áp dụng cho ${describeNominee(kind, category)}`,
          legalBasis: alternative.legalBasis,
          criterion: alternative.code,
        },
      };
    }
    return { ok: true, alternative };
  }
  if (choices.length === 1) return { ok: true, alternative: choices[0] };
  if (choices.length === 0) {
    return {
      ok: false,
      problem: 'none-applies',
      choices,
      refusal: { rule: 'criterion-applies', message: `${form.name} không có tiêu chuẩn nào áp dụng cho ${describeNominee(kind, category)}`, legalBasis: basis },
    };
  }
  return {
    ok: false,
    problem: 'claim-required',
    choices,
    refusal: {
      rule: 'criterion-claimed',
      message: `${form.name} có nhiều tiêu chuẩn; hồ sơ phải nêu tiêu chuẩn đề nghị (criterion): ${choices.map((c) => `${c.code} — ${c.name}`).join('; ')}`,
      legalBasis: basis,
    },
  };
}

interface YearWindow {
  from: number;
  to: number;
  count: number;
  consecutive: boolean;
}

function windowOf(requirement: { count: number; consecutive?: boolean; withinYears?: number }, year: number): YearWindow {
  const within = requirement.withinYears ?? requirement.count;
  return { from: year - within + 1, to: year, count: requirement.count, consecutive: requirement.consecutive !== false };
}

/** The longest run (consecutive) or the number (not) of qualifying years in the window. */
function bestInWindow(window: YearWindow, qualifies: (year: number) => boolean): number {
  let best = 0;
  let run = 0;
  let total = 0;
  for (let year = window.from; year <= window.to; year++) {
    if (qualifies(year)) {
      run += 1;
      total += 1;
      best = Math.max(best, run);
    } else {
      run = 0;
    }
  }
  return window.consecutive ? best : total;
}

function yearsPhrase(window: YearWindow): string {
  if (window.from === window.to) return `năm ${window.to}`;
  const how = window.consecutive ? `${window.count} năm liên tục` : `${window.count} năm`;
  return window.from === window.to - window.count + 1 ? `${how} (${window.from}–${window.to})` : `${how} trong các năm ${window.from}–${window.to}`;
}

function disciplineNote(window: YearWindow, counted: number): string {
  if (counted <= window.from) return '';
  if (counted === Number.POSITIVE_INFINITY) return '; thành tích chưa được tính vì kỷ luật chưa có ngày kết thúc';
  return `; thành tích trước năm ${counted} không được tính do kỷ luật`;
}

/** Each failed requirement of one alternative, judged on the nominee's history for `year`. */
function requirementFailures(
  alternative: EligibilityAlternative,
  history: NomineeHistory,
  year: number,
  counted: number,
  formNames: Record<string, string>,
): EligibilityRefusal[] {
  const failures: EligibilityRefusal[] = [];
  const names = (codes: string[]) => codes.map((code) => formNames[code] ?? code).join(' hoặc ');
  const fail = (requirement: EligibilityRequirement, message: string) =>
    failures.push({ rule: requirement.kind, message, legalBasis: alternative.legalBasis, criterion: alternative.code, requirement });
  const countable = (y: number) => y >= counted;
  const heldAwards = history.awards.filter((award) => !award.revoked);

  for (const requirement of alternative.requirements) {
    switch (requirement.kind) {
      case 'rating-years': {
        const window = windowOf(requirement, year);
        const rated = new Map(history.ratings.map((entry) => [entry.year, entry.rating]));
        const best = bestInWindow(window, (y) => countable(y) && rated.has(y) && ratingMeets(rated.get(y)!, requirement.minimum));
        if (best < window.count) {
          const label = `${RATING_LABELS[requirement.minimum]}${requirement.minimum === 'excellent' ? '' : ' trở lên'}`;
          fail(requirement, `Chưa đủ ${yearsPhrase(window)} ${label} (mới có ${best})${disciplineNote(window, counted)}`);
        }
        break;
      }
      case 'title-years': {
        const window = windowOf(requirement, year);
        const years = new Set(heldAwards.filter((award) => requirement.titles.includes(award.formCode)).map((award) => award.year));
        const best = bestInWindow(window, (y) => countable(y) && years.has(y));
        if (best < window.count) {
          fail(requirement, `Chưa đủ ${yearsPhrase(window)} đạt danh hiệu ${names(requirement.titles)} (mới có ${best})${disciplineNote(window, counted)}`);
        }
        break;
      }
      case 'prior-award': {
        const gap = requirement.minYearsBefore ?? 1;
        const latestYear = year - gap;
        const held = heldAwards.filter((award) => requirement.forms.includes(award.formCode));
        if (!held.some((award) => award.year <= latestYear && countable(award.year))) {
          const closest = held.map((award) => award.year).sort((a, b) => b - a)[0];
          const why =
            closest === undefined
              ? 'chưa được tặng'
              : closest > latestYear
                ? `được tặng năm ${closest}, chưa đủ ${gap} năm`
                : `được tặng năm ${closest}, trước khi hết thời hạn kỷ luật`;
          fail(requirement, `Phải đã được tặng ${names(requirement.forms)} từ năm ${latestYear} trở về trước (${why})`);
        }
        break;
      }
      case 'block-lead': {
        const window = windowOf(requirement, year);
        const years = new Set(history.blockLeads.map((lead) => lead.year));
        const best = bestInWindow(window, (y) => countable(y) && years.has(y));
        if (best < window.count) {
          fail(requirement, `Chưa có kết quả suy tôn dẫn đầu cụm, khối thi đua ${yearsPhrase(window)} (mới có ${best})${disciplineNote(window, counted)}`);
        }
        break;
      }
      case 'declaration':
        break;
    }
  }
  return failures;
}

function declarationsOf(alternative: EligibilityAlternative): string[] {
  return alternative.requirements.flatMap((requirement) => (requirement.kind === 'declaration' ? [requirement.text] : []));
}

/** One alternative against the history: applies? met? what failed? what the appraiser checks. */
export function judgeAlternative(
  form: AwardForm,
  alternative: EligibilityAlternative,
  history: NomineeHistory,
  year: number,
  counted: number,
  formNames: Record<string, string>,
): AlternativeVerdict {
  const base = {
    code: alternative.code,
    name: alternative.name,
    legalBasis: alternative.legalBasis,
    machineChecked: alternative.requirements.some((requirement) => requirement.kind !== 'declaration'),
    declarations: declarationsOf(alternative),
  };
  if (!alternativeApplies(alternative, history.kind, history.category)) {
    return {
      ...base,
      applies: false,
      met: false,
      failures: [
        {
          rule: 'criterion-applies',
          message: `Tiêu chuẩn "${alternative.name}" của ${form.name} không áp dụng cho ${describeNominee(history.kind, history.category)}`,
          legalBasis: alternative.legalBasis,
          criterion: alternative.code,
        },
      ],
    };
  }
  const failures = requirementFailures(alternative, history, year, counted, formNames);
  return { ...base, applies: true, met: failures.length === 0, failures };
}

function openNominationRefusal(question: EligibilityQuestion): EligibilityRefusal[] {
  const { rules, history, form } = question;
  const sameCampaign = (campaignId?: string | null) => (campaignId ?? null) === (question.campaignId ?? null);
  const open = history.openNominations.find(
    (other) => other.nominationId !== question.nominationId && other.formCode === form.code && sameCampaign(other.campaignId),
  );
  if (!open) return [];
  return [
    {
      rule: rules.oneOpenNomination.code,
      message: `Đối tượng đã có hồ sơ đề nghị ${form.name}${question.campaignId ? ' trong cùng phong trào thi đua' : ''} đang được xét; mỗi đối tượng chỉ có một hồ sơ đang xét cho cùng một hình thức`,
      legalBasis: rules.oneOpenNomination.legalBasis,
    },
  ];
}

/**
 * Everything a nomination must meet when it is submitted: no blocking flag and no running discipline, no other open
 * nomination of the same form (and campaign), the nominee kind, and the claimed alternative's requirements.
 */
export function evaluateEligibility(question: EligibilityQuestion): EligibilityVerdict {
  const { form, rules, history, year, today } = question;
  const refusals = [...flagRefusals(rules, history.flags, today), ...openNominationRefusal(question)];
  if (!form.nomineeKinds.includes(history.kind)) {
    refusals.push({
      rule: 'nominee-kind',
      message: `${form.name} không xét cho ${KIND_LABELS[history.kind]}`,
      legalBasis: form.eligibility.alternatives[0]?.legalBasis ?? '',
    });
    return { eligible: false, refusals, criterion: null, declarations: [] };
  }
  const claim = resolveCriterion(form, history.kind, history.category, question.criterion);
  if (!claim.ok) return { eligible: false, refusals: [...refusals, claim.refusal], criterion: null, declarations: [] };
  const counted = firstCountedYear(rules, history.flags, today);
  const verdict = judgeAlternative(form, claim.alternative, history, year, counted, question.formNames);
  refusals.push(...verdict.failures);
  return { eligible: refusals.length === 0, refusals, criterion: claim.alternative.code, declarations: verdict.declarations };
}

/** What `SIGN` checks again: the flags in force on the day of signing (principle 3). */
export function evaluateFlagsAtSigning(rules: RuleSetEligibility, flags: NomineeFlagData[], today: string): EligibilityRefusal[] {
  return flagRefusals(rules, flags, today);
}

/** Every form of the rule set for one nominee and year: eligible or not, and each alternative's failures. */
export function evaluateAllForms(ruleSet: RuleSet, history: NomineeHistory, year: number, today: string): FormEligibilityVerdict[] {
  const formNames = Object.fromEntries(ruleSet.forms.map((form) => [form.code, form.name]));
  const crossCutting = flagRefusals(ruleSet.eligibility, history.flags, today);
  const counted = firstCountedYear(ruleSet.eligibility, history.flags, today);
  return ruleSet.forms.map((form) => {
    const refusals = [...crossCutting, ...openNominationRefusal({ form, rules: ruleSet.eligibility, formNames, history, year, today })];
    if (!form.nomineeKinds.includes(history.kind)) {
      refusals.push({
        rule: 'nominee-kind',
        message: `${form.name} không xét cho ${KIND_LABELS[history.kind]}`,
        legalBasis: form.eligibility.alternatives[0]?.legalBasis ?? '',
      });
    }
    const alternatives = form.eligibility.alternatives.map((alternative) => judgeAlternative(form, alternative, history, year, counted, formNames));
    return {
      formCode: form.code,
      formName: form.name,
      eligible: refusals.length === 0 && alternatives.some((alternative) => alternative.met),
      eligibleOnRecord: refusals.length === 0 && alternatives.some((alternative) => alternative.met && alternative.machineChecked),
      refusals,
      alternatives,
    };
  });
}
