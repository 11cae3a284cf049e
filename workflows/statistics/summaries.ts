import { NOMINEE_KINDS, type AwardCategory, type Level, type NomineeKind } from '../catalog/types';
import { AWARD_CATEGORY_LABELS, levelHeading, NOMINEE_KIND_HEADINGS } from './labels';
import { addToTally, emptyTally, grantingLevel, outcomeOf, type OutcomeRow, type Tally } from './outcomes';

/** What a report needs to know of a form: its name, kind, route and place in the catalog. */
export interface FormInfo {
  code: string;
  name: string;
  category: AwardCategory;
  upperLevels: Level[];
  /** Position in the catalog: reports list forms in the catalog's order. */
  order: number;
}

export type KindTallies = Record<NomineeKind, Tally>;

/** A tally with its split between individuals, collectives and households. */
export type SplitTally = Tally & { byKind: KindTallies };

function emptySplit(): SplitTally {
  return { ...emptyTally(), byKind: Object.fromEntries(NOMINEE_KINDS.map((kind) => [kind, emptyTally()])) as KindTallies };
}

/** Adds each submitted row to the split tally of its key; rows never submitted are left out. */
function splitBy<K>(rows: readonly OutcomeRow[], keyOf: (row: OutcomeRow) => K, into = new Map<K, SplitTally>()): Map<K, SplitTally> {
  for (const row of rows) {
    const outcome = outcomeOf(row.state, row.submitted);
    if (!outcome) continue;
    const key = keyOf(row);
    const split = into.get(key) ?? emptySplit();
    addToTally(split, outcome, row.count);
    addToTally(split.byKind[row.nomineeKind], outcome, row.count);
    into.set(key, split);
  }
  return into;
}

function totalOf(rows: readonly OutcomeRow[]): SplitTally {
  return splitBy(rows, () => 'all').get('all') ?? emptySplit();
}

function byNomineeKind(total: SplitTally) {
  return NOMINEE_KINDS.map((kind) => ({ kind, label: NOMINEE_KIND_HEADINGS[kind], ...total.byKind[kind] }));
}

function formRow(code: string, forms: (code: string) => FormInfo | undefined, split: SplitTally) {
  const form = forms(code);
  return {
    formCode: code,
    formName: form?.name ?? code,
    category: form?.category ?? null,
    categoryLabel: form ? AWARD_CATEGORY_LABELS[form.category] : null,
    ...split,
  };
}

const byCatalogOrder = (forms: (code: string) => FormInfo | undefined) => (a: string, b: string) =>
  (forms(a)?.order ?? Number.MAX_SAFE_INTEGER) - (forms(b)?.order ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b);

/**
 * Số liệu khen thưởng năm of an organization: per form and title what was proposed and where it stands, split by
 * individuals, collectives and households; by the level whose authority grants it; and the individuals who are
 * công nhân, nông dân (người lao động trực tiếp) by the registry's category.
 */
export function organizationYearReport(rows: readonly OutcomeRow[], forms: (code: string) => FormInfo | undefined) {
  const perForm = splitBy(rows, (row) => row.formCode);
  const levelOf = (row: OutcomeRow) => grantingLevel(forms(row.formCode), row.entryLevel);
  const perLevel = splitBy(rows, levelOf);
  const directWorkers = emptyTally();
  const directWorkersByForm = new Map<string, Tally>();
  for (const row of rows) {
    const outcome = outcomeOf(row.state, row.submitted);
    if (!outcome || !row.directWorkers) continue;
    addToTally(directWorkers, outcome, row.directWorkers);
    addToTally(directWorkersByForm.get(row.formCode) ?? directWorkersByForm.set(row.formCode, emptyTally()).get(row.formCode)!, outcome, row.directWorkers);
  }
  const levelOrder: string[] = ['commune', 'agency', 'province', 'central'];
  const formLevels = new Map(rows.map((row) => [row.formCode, levelOf(row)]));
  const total = totalOf(rows);
  return {
    totals: total,
    byForm: [...perForm.keys()].sort(byCatalogOrder(forms)).map((code) => {
      const level = formLevels.get(code)!;
      return {
        ...formRow(code, forms, perForm.get(code)!),
        grantingLevel: level,
        grantingLevelLabel: levelHeading(level),
        directWorkers: directWorkersByForm.get(code) ?? emptyTally(),
      };
    }),
    byNomineeKind: byNomineeKind(total),
    byGrantingLevel: [...perLevel.keys()]
      .sort((a, b) => levelOrder.indexOf(a) - levelOrder.indexOf(b))
      .map((level) => ({ level, label: levelHeading(level), ...perLevel.get(level)! })),
    directWorkers,
  };
}

/**
 * The sơ kết / tổng kết summary of a campaign: every form the review allows (with zeros where nothing was
 * proposed), then any other form proposed under it; per proposing unit; individuals, collectives, households.
 */
export function campaignSummary(
  rows: readonly OutcomeRow[],
  allowedFormCodes: readonly string[] | null,
  forms: (code: string) => FormInfo | undefined,
  organizationName: (id: string) => string | undefined,
) {
  const perForm = splitBy(rows, (row) => row.formCode);
  const allowed = allowedFormCodes ?? [];
  const others = [...perForm.keys()].filter((code) => !allowed.includes(code)).sort(byCatalogOrder(forms));
  const perOrganization = splitBy(rows, (row) => row.organizationId ?? '');
  const total = totalOf(rows);
  return {
    totals: total,
    byForm: [...allowed, ...others].map((code) => ({
      ...formRow(code, forms, perForm.get(code) ?? emptySplit()),
      allowedByReview: allowedFormCodes ? allowed.includes(code) : null,
    })),
    byOrganization: [...perOrganization.entries()]
      .map(([id, split]) => ({ organizationId: id, organizationName: organizationName(id) ?? id, ...split }))
      .sort((a, b) => b.proposed - a.proposed || a.organizationName.localeCompare(b.organizationName, 'vi')),
    byNomineeKind: byNomineeKind(total),
  };
}
