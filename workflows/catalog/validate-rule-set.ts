import { CatalogError } from './catalog-error';
import {
  AWARD_CATEGORIES,
  COUNCIL_RULE_KINDS,
  DOCUMENT_CHECKPOINTS,
  FLAG_KINDS,
  LEVELS,
  NOMINEE_KINDS,
  RATINGS,
  REQUIREMENT_KINDS,
  type AwardForm,
  type Level,
  type NomineeKind,
  type RuleSet,
} from './types';

const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9-]+)?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

type Fail = (entry: string, field: string, problem: string) => never;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireText(fail: Fail, entry: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(entry, field, 'phải là chuỗi ký tự không rỗng');
  if (value !== (value as string).normalize('NFC')) fail(entry, field, 'phải ở dạng Unicode NFC');
  return value as string;
}

function requireCode(fail: Fail, entry: string, field: string, value: unknown): string {
  const code = requireText(fail, entry, field, value);
  if (!CODE_PATTERN.test(code)) fail(entry, field, `mã "${code}" phải viết thường, không dấu, nối bằng dấu gạch ngang`);
  return code;
}

function requireMembers<T extends string>(
  fail: Fail,
  entry: string,
  field: string,
  value: unknown,
  allowed: readonly T[],
  { nonEmpty = true } = {},
): T[] {
  if (!Array.isArray(value)) fail(entry, field, 'phải là một danh sách');
  const list = value as unknown[];
  if (nonEmpty && list.length === 0) fail(entry, field, 'không được để trống');
  list.forEach((item, index) => {
    if (!allowed.includes(item as T)) {
      fail(entry, `${field}[${index}]`, `giá trị "${String(item)}" không thuộc ${allowed.join(', ')}`);
    }
  });
  if (new Set(list).size !== list.length) fail(entry, field, 'có giá trị trùng lặp');
  return list as T[];
}

function requirePositiveInteger(fail: Fail, entry: string, field: string, value: unknown, max = 365): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    fail(entry, field, `phải là số nguyên từ 1 đến ${max}`);
  }
  return value as number;
}

function validateLevelRule(fail: Fail, entry: string, level: Level, value: unknown): void {
  const field = `levels.${level}`;
  if (!isObject(value)) fail(entry, field, 'thiếu quy định của cấp này');
  const rule = value as Record<string, unknown>;
  requireText(fail, entry, `${field}.signer`, rule.signer);
  requirePositiveInteger(fail, entry, `${field}.appraisalWorkingDays`, rule.appraisalWorkingDays);
  if (rule.appraisalCalendarDays !== undefined && typeof rule.appraisalCalendarDays !== 'boolean') {
    fail(entry, `${field}.appraisalCalendarDays`, 'phải là true hoặc false');
  }
  if (!isObject(rule.council)) fail(entry, `${field}.council`, 'thiếu quy tắc của Hội đồng');
  const council = rule.council as Record<string, unknown>;
  if (!COUNCIL_RULE_KINDS.includes(council.kind as never)) {
    fail(entry, `${field}.council.kind`, `phải là một trong ${COUNCIL_RULE_KINDS.join(', ')}`);
  }
  if (council.kind === 'share-of-all') {
    requirePositiveInteger(fail, entry, `${field}.council.minPercent`, council.minPercent, 100);
  }
}

/** A catalog code an eligibility requirement refers to, checked once every form of the set is known. */
interface FormReference {
  entry: string;
  field: string;
  code: string;
  /** `title-years` must name a title (danh hiệu), not a form. */
  mustBeTitle: boolean;
}

function requireBoolean(fail: Fail, entry: string, field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') fail(entry, field, 'phải là true hoặc false');
}

/** `count`, `consecutive`, `withinYears` of a year-based requirement: at most 50 years, the window no shorter than the count. */
function validateYearWindow(fail: Fail, entry: string, field: string, requirement: Record<string, unknown>): void {
  const count = requirePositiveInteger(fail, entry, `${field}.count`, requirement.count, 50);
  requireBoolean(fail, entry, `${field}.consecutive`, requirement.consecutive);
  if (requirement.withinYears !== undefined) {
    const within = requirePositiveInteger(fail, entry, `${field}.withinYears`, requirement.withinYears, 50);
    if (within < count) fail(entry, `${field}.withinYears`, `không được nhỏ hơn số năm phải đạt (${count})`);
  }
}

function requireCodeList(fail: Fail, entry: string, field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(entry, field, 'phải là một danh sách mã không rỗng');
  const codes = (value as unknown[]).map((code, i) => requireCode(fail, entry, `${field}[${i}]`, code));
  if (new Set(codes).size !== codes.length) fail(entry, field, 'có giá trị trùng lặp');
  return codes;
}

/** The form's `eligibility`: alternatives with a code, a name, a legal basis, the nominees they apply to, requirements. */
function validateEligibility(fail: Fail, entry: string, value: unknown, nomineeKinds: NomineeKind[], references: FormReference[]): void {
  if (!isObject(value)) fail(entry, 'eligibility', 'thiếu tiêu chuẩn xét tặng (eligibility.alternatives)');
  const alternatives = (value as Record<string, unknown>).alternatives;
  if (!Array.isArray(alternatives) || alternatives.length === 0) fail(entry, 'eligibility.alternatives', 'phải có ít nhất một tiêu chuẩn');
  const codes = new Set<string>();
  (alternatives as unknown[]).forEach((alternative, index) => {
    const field = `eligibility.alternatives[${index}]`;
    if (!isObject(alternative)) fail(entry, field, 'phải là một đối tượng');
    const code = requireCode(fail, entry, `${field}.code`, alternative.code);
    if (codes.has(code)) fail(entry, `${field}.code`, `mã tiêu chuẩn "${code}" bị trùng trong hình thức`);
    codes.add(code);
    requireText(fail, entry, `${field}.name`, alternative.name);
    requireText(fail, entry, `${field}.legalBasis`, alternative.legalBasis);
    const kinds = requireMembers(fail, entry, `${field}.nomineeKinds`, alternative.nomineeKinds, NOMINEE_KINDS);
    kinds.forEach((kind, i) => {
      if (!nomineeKinds.includes(kind)) fail(entry, `${field}.nomineeKinds[${i}]`, `hình thức không áp dụng cho "${kind}"`);
    });
    if (alternative.nomineeCategories !== undefined) requireCodeList(fail, entry, `${field}.nomineeCategories`, alternative.nomineeCategories);
    if (!Array.isArray(alternative.requirements) || alternative.requirements.length === 0) {
      fail(entry, `${field}.requirements`, 'phải có ít nhất một yêu cầu');
    }
    (alternative.requirements as unknown[]).forEach((requirement, r) => {
      const at = `${field}.requirements[${r}]`;
      if (!isObject(requirement)) fail(entry, at, 'phải là một đối tượng');
      if (!REQUIREMENT_KINDS.includes(requirement.kind as never)) fail(entry, `${at}.kind`, `phải là một trong ${REQUIREMENT_KINDS.join(', ')}`);
      switch (requirement.kind) {
        case 'rating-years':
          if (!RATINGS.includes(requirement.minimum as never)) fail(entry, `${at}.minimum`, `phải là một trong ${RATINGS.join(', ')}`);
          validateYearWindow(fail, entry, at, requirement);
          break;
        case 'title-years':
          requireCodeList(fail, entry, `${at}.titles`, requirement.titles).forEach((title, i) =>
            references.push({ entry, field: `${at}.titles[${i}]`, code: title, mustBeTitle: true }),
          );
          validateYearWindow(fail, entry, at, requirement);
          break;
        case 'prior-award':
          requireCodeList(fail, entry, `${at}.forms`, requirement.forms).forEach((form, i) =>
            references.push({ entry, field: `${at}.forms[${i}]`, code: form, mustBeTitle: false }),
          );
          if (requirement.minYearsBefore !== undefined) requirePositiveInteger(fail, entry, `${at}.minYearsBefore`, requirement.minYearsBefore, 50);
          break;
        case 'block-lead':
          validateYearWindow(fail, entry, at, requirement);
          break;
        case 'declaration':
          requireText(fail, entry, `${at}.text`, requirement.text);
          break;
      }
    });
  });
}

/** The rule set's cross-cutting rules: which flags block, which discipline flags cut the counted years, one open nomination. */
function validateRuleSetEligibility(fail: Fail, entry: string, value: unknown): void {
  if (!isObject(value)) fail(entry, 'eligibility', 'thiếu các quy tắc chung về điều kiện xét khen thưởng');
  const rules = value as Record<string, unknown>;
  for (const name of ['blockingFlags', 'disciplineCountsFromEnd', 'oneOpenNomination'] as const) {
    const field = `eligibility.${name}`;
    if (!isObject(rules[name])) fail(entry, field, 'thiếu quy tắc này');
    const rule = rules[name] as Record<string, unknown>;
    requireCode(fail, entry, `${field}.code`, rule.code);
    requireText(fail, entry, `${field}.name`, rule.name);
    requireText(fail, entry, `${field}.legalBasis`, rule.legalBasis);
    if (name !== 'oneOpenNomination') requireMembers(fail, entry, `${field}.flags`, rule.flags, FLAG_KINDS);
  }
}

function validateForm(fail: Fail, value: unknown, index: number, documentCodes: Set<string>, references: FormReference[]): AwardForm {
  if (!isObject(value)) fail(`forms[${index}]`, '', 'phải là một đối tượng');
  const form = value as Record<string, unknown>;
  const code = requireCode(fail, `forms[${index}]`, 'code', form.code);
  const entry = `"${code}"`;
  requireText(fail, entry, 'name', form.name);
  if (!AWARD_CATEGORIES.includes(form.category as never)) {
    fail(entry, 'category', `phải là một trong ${AWARD_CATEGORIES.join(', ')}`);
  }
  requireText(fail, entry, 'grantingAuthority', form.grantingAuthority);
  requireText(fail, entry, 'criteria', form.criteria);
  const nomineeKinds = requireMembers(fail, entry, 'nomineeKinds', form.nomineeKinds, NOMINEE_KINDS);
  const entryLevels = requireMembers(fail, entry, 'entryLevels', form.entryLevels, ['commune', 'agency'] as const);
  const upperLevels = requireMembers(fail, entry, 'upperLevels', form.upperLevels, ['province', 'central'] as const, {
    nonEmpty: false,
  });
  if (upperLevels.length === 2 && upperLevels[0] !== 'province') {
    fail(entry, 'upperLevels', 'các cấp phải theo thứ tự từ dưới lên: province rồi central');
  }
  if (!isObject(form.levels)) fail(entry, 'levels', 'thiếu quy định theo cấp');
  const levels = form.levels as Record<string, unknown>;
  const routeLevels: Level[] = [...entryLevels, ...upperLevels];
  for (const level of routeLevels) validateLevelRule(fail, entry, level, levels[level]);
  for (const level of Object.keys(levels)) {
    if (!routeLevels.includes(level as Level)) fail(entry, `levels.${level}`, 'cấp này không có trong lộ trình của hình thức');
  }
  if (!Array.isArray(form.requiredDocuments)) fail(entry, 'requiredDocuments', 'phải là một danh sách');
  const checkpoints = new Map<string, { checkedAt: string; field: string }>();
  (form.requiredDocuments as unknown[]).forEach((doc, docIndex) => {
    const field = `requiredDocuments[${docIndex}]`;
    if (!isObject(doc)) fail(entry, field, 'phải là một đối tượng');
    const docCode = requireCode(fail, entry, `${field}.code`, doc.code);
    if (!documentCodes.has(docCode)) fail(entry, `${field}.code`, `loại tài liệu "${docCode}" không có trong documentKinds`);
    const kinds = requireMembers(fail, entry, `${field}.nomineeKinds`, doc.nomineeKinds, NOMINEE_KINDS);
    kinds.forEach((kind, i) => {
      if (!nomineeKinds.includes(kind)) fail(entry, `${field}.nomineeKinds[${i}]`, `hình thức không áp dụng cho "${kind}"`);
    });
    const docLevels = requireMembers(fail, entry, `${field}.levels`, doc.levels, routeLevels);
    validateDocumentCheckpoint(fail, entry, field, doc, docLevels, levels, checkpoints);
    if (doc.nomineeCategories !== undefined) {
      if (!Array.isArray(doc.nomineeCategories) || doc.nomineeCategories.length === 0) {
        fail(entry, `${field}.nomineeCategories`, 'phải là một danh sách không rỗng');
      }
      (doc.nomineeCategories as unknown[]).forEach((c, i) => requireCode(fail, entry, `${field}.nomineeCategories[${i}]`, c));
    }
  });
  validateEligibility(fail, entry, form.eligibility, nomineeKinds, references);
  return form as unknown as AwardForm;
}

/**
 * A required document's `checkedAt` (see `DOCUMENT_CHECKPOINTS`): `council` only at levels whose council votes, and
 * one checkpoint per document and level (`seen` maps `code@level` to the entry that set it first).
 */
function validateDocumentCheckpoint(
  fail: Fail,
  entry: string,
  field: string,
  doc: Record<string, unknown>,
  docLevels: Level[],
  levels: Record<string, unknown>,
  seen: Map<string, { checkedAt: string; field: string }>,
): void {
  if (!DOCUMENT_CHECKPOINTS.includes(doc.checkedAt as never)) {
    fail(entry, `${field}.checkedAt`, `phải là một trong ${DOCUMENT_CHECKPOINTS.join(', ')}`);
  }
  const checkedAt = doc.checkedAt as string;
  docLevels.forEach((level, i) => {
    const council = (levels[level] as { council?: { kind?: unknown } } | undefined)?.council;
    if (checkedAt === 'council' && council?.kind === 'standing-body') {
      fail(entry, `${field}.levels[${i}]`, `cấp "${level}" không có Hội đồng bỏ phiếu (standing-body) nên không có biên bản họp để kiểm tra`);
    }
    const earlier = seen.get(`${String(doc.code)}@${level}`);
    if (earlier && earlier.checkedAt !== checkedAt) {
      fail(entry, `${field}.checkedAt`, `tài liệu "${String(doc.code)}" ở cấp "${level}" đã được kiểm tra theo mốc "${earlier.checkedAt}" tại ${earlier.field}`);
    }
    if (!earlier) seen.set(`${String(doc.code)}@${level}`, { checkedAt, field });
  });
}

/** Checks a resolved rule set field by field; throws a CatalogError naming file, entry and field. */
export function validateRuleSet(file: string, value: unknown): RuleSet {
  const fail: Fail = (entry, field, problem) => {
    throw new CatalogError(file, entry, field, problem);
  };
  if (!isObject(value)) fail('(tệp)', '', 'phải là một đối tượng JSON');
  const set = value as Record<string, unknown>;
  const id = requireCode(fail, '(bộ quy định)', 'id', set.id);
  const entry = `bộ quy định "${id}"`;
  requireText(fail, entry, 'name', set.name);
  requireCode(fail, entry, 'jurisdiction', set.jurisdiction);
  const from = requireText(fail, entry, 'effectiveFrom', set.effectiveFrom);
  if (!DATE_PATTERN.test(from) || Number.isNaN(Date.parse(from)) || !new Date(from).toISOString().startsWith(from)) {
    fail(entry, 'effectiveFrom', 'phải là một ngày có thật, dạng YYYY-MM-DD');
  }
  if (!Array.isArray(set.legalBasis) || set.legalBasis.length === 0) fail(entry, 'legalBasis', 'phải nêu ít nhất một căn cứ pháp lý');
  (set.legalBasis as unknown[]).forEach((basis, i) => requireText(fail, entry, `legalBasis[${i}]`, basis));
  if (!isObject(set.quorum)) fail(entry, 'quorum', 'thiếu quy định về số thành viên dự họp');
  requirePositiveInteger(fail, entry, 'quorum.minPresentPercent', (set.quorum as Record<string, unknown>).minPresentPercent, 100);
  requirePositiveInteger(fail, entry, 'supplementDefaultWorkingDays', set.supplementDefaultWorkingDays);
  if (!Array.isArray(set.documentKinds)) fail(entry, 'documentKinds', 'phải là một danh sách');
  const documentCodes = new Set<string>();
  (set.documentKinds as unknown[]).forEach((kind, i) => {
    if (!isObject(kind)) fail(entry, `documentKinds[${i}]`, 'phải là một đối tượng');
    documentCodes.add(requireCode(fail, entry, `documentKinds[${i}].code`, kind.code));
    requireText(fail, entry, `documentKinds[${i}].name`, kind.name);
  });
  validateRuleSetEligibility(fail, entry, set.eligibility);
  if (!Array.isArray(set.forms) || set.forms.length === 0) fail(entry, 'forms', 'phải có ít nhất một hình thức');
  const seen = new Map<string, AwardForm>();
  const references: FormReference[] = [];
  (set.forms as unknown[]).forEach((form, i) => {
    const valid = validateForm(fail, form, i, documentCodes, references);
    if (seen.has(valid.code)) fail(`"${valid.code}"`, 'code', 'mã bị trùng trong cùng bộ quy định');
    seen.set(valid.code, valid);
  });
  for (const reference of references) {
    const target = seen.get(reference.code);
    if (!target) fail(reference.entry, reference.field, `không có hình thức "${reference.code}" trong bộ quy định`);
    if (reference.mustBeTitle && target!.category !== 'title') fail(reference.entry, reference.field, `"${reference.code}" không phải là danh hiệu thi đua`);
  }
  return set as unknown as RuleSet;
}
