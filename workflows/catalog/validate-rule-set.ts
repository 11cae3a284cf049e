import { CatalogError } from './catalog-error';
import {
  AWARD_CATEGORIES,
  COUNCIL_RULE_KINDS,
  LEVELS,
  NOMINEE_KINDS,
  type AwardForm,
  type Level,
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

function validateForm(fail: Fail, value: unknown, index: number, documentCodes: Set<string>): AwardForm {
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
  (form.requiredDocuments as unknown[]).forEach((doc, docIndex) => {
    const field = `requiredDocuments[${docIndex}]`;
    if (!isObject(doc)) fail(entry, field, 'phải là một đối tượng');
    const docCode = requireCode(fail, entry, `${field}.code`, doc.code);
    if (!documentCodes.has(docCode)) fail(entry, `${field}.code`, `loại tài liệu "${docCode}" không có trong documentKinds`);
    const kinds = requireMembers(fail, entry, `${field}.nomineeKinds`, doc.nomineeKinds, NOMINEE_KINDS);
    kinds.forEach((kind, i) => {
      if (!nomineeKinds.includes(kind)) fail(entry, `${field}.nomineeKinds[${i}]`, `hình thức không áp dụng cho "${kind}"`);
    });
    requireMembers(fail, entry, `${field}.levels`, doc.levels, routeLevels);
    if (doc.nomineeCategories !== undefined) {
      if (!Array.isArray(doc.nomineeCategories) || doc.nomineeCategories.length === 0) {
        fail(entry, `${field}.nomineeCategories`, 'phải là một danh sách không rỗng');
      }
      (doc.nomineeCategories as unknown[]).forEach((c, i) => requireCode(fail, entry, `${field}.nomineeCategories[${i}]`, c));
    }
  });
  return form as unknown as AwardForm;
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
  if (!Array.isArray(set.forms) || set.forms.length === 0) fail(entry, 'forms', 'phải có ít nhất một hình thức');
  const seen = new Set<string>();
  (set.forms as unknown[]).forEach((form, i) => {
    const { code } = validateForm(fail, form, i, documentCodes);
    if (seen.has(code)) fail(`"${code}"`, 'code', 'mã bị trùng trong cùng bộ quy định');
    seen.add(code);
  });
  return set as unknown as RuleSet;
}
