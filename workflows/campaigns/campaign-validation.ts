import type {
  CampaignCriterion,
  CampaignDefinition,
  CampaignPhase,
  CampaignReview,
  LegalBasisEntry,
  NomineeCategory,
  PlanPeriod,
  ReportDuty,
  ResponsibleOffice,
  ReviewKind,
} from './campaign-types';
import { REVIEW_KINDS } from './campaign-rules';

export const NOMINEE_CATEGORIES: readonly NomineeCategory[] = ['individual', 'collective', 'household', 'enterprise', 'entrepreneur', 'other'];

export const CAMPAIGN_FIELDS: readonly (keyof CampaignDefinition)[] = [
  'issuingOrganizationName',
  'planNumber',
  'planDate',
  'title',
  'legalBasis',
  'period',
  'phases',
  'reviews',
  'criteria',
  'responsibleOffices',
  'reportDuties',
];

export interface CampaignFieldProblem {
  field: string;
  problems: string[];
}

/**
 * `create`: title and period required, the rest default to empty; `confirm`: every field present (a field left
 * empty on purpose is `null` or `[]`; a list given as `null` is empty); `patch`: only the fields given.
 */
export type CampaignValidationMode = 'create' | 'confirm' | 'patch';

export interface CampaignValidationOptions {
  mode: CampaignValidationMode;
  /** The catalog codes of the rule set in force: a review may allow only these. */
  knownFormCodes: ReadonlySet<string>;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === value;
}

function isRealMonthDay(value: string): boolean {
  // Checked in a leap year, so 29 February is a day a duty may name.
  return MONTH_DAY.test(value) && isRealDate(`2028-${value}`);
}

class Collector {
  readonly problems: CampaignFieldProblem[] = [];

  add(field: string, problem: string): void {
    const existing = this.problems.find((entry) => entry.field === field);
    if (existing) existing.problems.push(problem);
    else this.problems.push({ field, problems: [problem] });
  }

  text(value: unknown, field: string, { max, required = true }: { max: number; required?: boolean }): string | undefined {
    if (typeof value !== 'string') {
      this.add(field, value === undefined || value === null ? 'bắt buộc phải có' : 'phải là chuỗi ký tự');
      return undefined;
    }
    const normalized = value.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (required && !normalized) this.add(field, 'không được để trống');
    else if ([...normalized].length > max) this.add(field, `dài quá ${max} ký tự`);
    return normalized;
  }

  optionalText(value: unknown, field: string, max: number): string | undefined {
    if (value === undefined || value === null) return undefined;
    return this.text(value, field, { max, required: false }) || undefined;
  }

  date(value: unknown, field: string): string | undefined {
    if (typeof value !== 'string' || !isRealDate(value)) {
      this.add(field, value === undefined || value === null ? 'bắt buộc phải có' : 'phải là ngày dạng YYYY-MM-DD');
      return undefined;
    }
    return value;
  }

  array(value: unknown, field: string, max: number): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.add(field, value === undefined || value === null ? 'bắt buộc phải có (danh sách, có thể rỗng)' : 'phải là một danh sách');
      return undefined;
    }
    if (value.length > max) {
      this.add(field, `có quá nhiều phần tử (tối đa ${max})`);
      return undefined;
    }
    return value;
  }

  object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(field, value === undefined || value === null ? 'bắt buộc phải có' : 'phải là một đối tượng');
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  period(value: unknown, field: string): PlanPeriod | undefined {
    const object = this.object(value, field);
    if (!object) return undefined;
    const from = this.date(object.from, `${field}.from`);
    const to = this.date(object.to, `${field}.to`);
    const text = this.text(object.text ?? '', `${field}.text`, { max: 500, required: false });
    if (from && to && from > to) this.add(`${field}.to`, 'không được trước ngày bắt đầu (from)');
    return from && to && text !== undefined ? { from, to, text } : undefined;
  }
}

function legalBasisEntry(c: Collector, value: unknown, field: string): LegalBasisEntry | undefined {
  const object = c.object(value, field);
  if (!object) return undefined;
  const text = c.text(object.text, `${field}.text`, { max: 2000 });
  const documentNumber = c.optionalText(object.documentNumber, `${field}.documentNumber`, 100);
  const date = object.date === undefined || object.date === null ? undefined : c.date(object.date, `${field}.date`);
  if (text === undefined) return undefined;
  return { text, ...(documentNumber ? { documentNumber } : {}), ...(date ? { date } : {}) };
}

function phase(c: Collector, value: unknown, field: string): CampaignPhase | undefined {
  const object = c.object(value, field);
  if (!object) return undefined;
  const name = c.text(object.name, `${field}.name`, { max: 500 });
  const period = c.period(object.period, `${field}.period`);
  return name !== undefined && period ? { name, period } : undefined;
}

function review(c: Collector, value: unknown, field: string, known: ReadonlySet<string>): CampaignReview | undefined {
  const object = c.object(value, field);
  if (!object) return undefined;
  const kind = object.kind as ReviewKind;
  if (!REVIEW_KINDS.includes(kind)) c.add(`${field}.kind`, 'phải là midterm (sơ kết) hoặc final (tổng kết)');
  const period = c.period(object.period, `${field}.period`);
  const codes = c.array(object.allowedFormCodes, `${field}.allowedFormCodes`, 50);
  const allowedFormCodes: string[] = [];
  codes?.forEach((code, index) => {
    const at = `${field}.allowedFormCodes[${index}]`;
    if (typeof code !== 'string' || !code.trim()) c.add(at, 'phải là mã hình thức khen thưởng');
    else if (!known.has(code.trim())) c.add(at, `không có hình thức khen thưởng mã "${code.trim()}" trong bộ quy định đang áp dụng`);
    else if (allowedFormCodes.includes(code.trim())) c.add(at, `mã "${code.trim()}" bị lặp`);
    else allowedFormCodes.push(code.trim());
  });
  return REVIEW_KINDS.includes(kind) && period && codes ? { kind, period, allowedFormCodes } : undefined;
}

function criterion(c: Collector, value: unknown, field: string): CampaignCriterion | undefined {
  const object = c.object(value, field);
  if (!object) return undefined;
  const nomineeCategory = object.nomineeCategory as NomineeCategory;
  if (!NOMINEE_CATEGORIES.includes(nomineeCategory)) c.add(`${field}.nomineeCategory`, `phải là một trong: ${NOMINEE_CATEGORIES.join(', ')}`);
  const text = c.text(object.text, `${field}.text`, { max: 20000 });
  return NOMINEE_CATEGORIES.includes(nomineeCategory) && text !== undefined ? { nomineeCategory, text } : undefined;
}

function office(c: Collector, value: unknown, field: string): ResponsibleOffice | undefined {
  const object = c.object(value, field);
  if (!object) return undefined;
  const name = c.text(object.name, `${field}.name`, { max: 500 });
  const duties = c.text(object.duties ?? '', `${field}.duties`, { max: 20000, required: false });
  return name !== undefined && duties !== undefined ? { name, duties } : undefined;
}

function reportDuty(c: Collector, value: unknown, field: string): ReportDuty | undefined {
  const object = c.object(value, field);
  if (!object) return undefined;
  const reporters = c.text(object.reporters, `${field}.reporters`, { max: 2000 });
  const recipient = c.text(object.recipient, `${field}.recipient`, { max: 500 });
  const dueMonthDay = typeof object.dueMonthDay === 'string' && isRealMonthDay(object.dueMonthDay) ? object.dueMonthDay : undefined;
  if (!dueMonthDay) c.add(`${field}.dueMonthDay`, 'phải là ngày trong năm dạng MM-DD (ví dụ 11-10 cho ngày 10/11)');
  const description = c.text(object.description ?? '', `${field}.description`, { max: 20000, required: false });
  return reporters !== undefined && recipient !== undefined && dueMonthDay && description !== undefined
    ? { reporters, recipient, dueMonthDay, description }
    : undefined;
}

/** A list field; `null` is a list left empty on purpose (what a draft holds for a field the plan does not state). */
function list<T>(c: Collector, value: unknown, field: string, max: number, item: (value: unknown, field: string) => T | undefined): T[] | undefined {
  if (value === null) return [];
  const values = c.array(value, field, max);
  if (!values) return undefined;
  const items = values.map((entry, index) => item(entry, `${field}[${index}]`));
  return items.every((entry): entry is T => entry !== undefined) ? items : undefined;
}

/**
 * A campaign's fields from a request body: each read, normalized (NFC, spaces) and checked, every problem named by
 * its path (`reviews[1].allowedFormCodes[0]`). Answers the fields read and the problems; no problem means the
 * fields are valid (and, outside `patch`, complete).
 */
export function validateCampaignFields(
  input: Record<string, unknown>,
  options: CampaignValidationOptions,
): { value: Partial<CampaignDefinition>; problems: CampaignFieldProblem[] } {
  const c = new Collector();
  const value: Partial<CampaignDefinition> = {};
  const present = (key: keyof CampaignDefinition) => Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;
  const required: (keyof CampaignDefinition)[] =
    options.mode === 'confirm' ? [...CAMPAIGN_FIELDS] : options.mode === 'create' ? ['issuingOrganizationName', 'title', 'period'] : [];
  for (const key of CAMPAIGN_FIELDS) {
    if (!present(key)) {
      if (required.includes(key)) {
        c.add(key, options.mode === 'confirm' ? 'bắt buộc phải có: điền giá trị hoặc để trống có chủ đích (null hoặc [])' : 'bắt buộc phải có');
      } else if (options.mode === 'create') {
        if (key === 'planNumber' || key === 'planDate') value[key] = null;
        else if (key !== 'issuingOrganizationName' && key !== 'title' && key !== 'period') (value as Record<string, unknown>)[key] = [];
      }
      continue;
    }
    const raw = input[key];
    switch (key) {
      case 'issuingOrganizationName':
        value.issuingOrganizationName = c.text(raw, key, { max: 255 });
        break;
      case 'title':
        value.title = c.text(raw, key, { max: 1000 });
        break;
      case 'planNumber':
        value.planNumber = raw === null ? null : c.text(raw, key, { max: 100 });
        break;
      case 'planDate':
        value.planDate = raw === null ? null : c.date(raw, key);
        break;
      case 'period':
        value.period = c.period(raw, key);
        break;
      case 'legalBasis':
        value.legalBasis = list(c, raw, key, 50, (entry, field) => legalBasisEntry(c, entry, field));
        break;
      case 'phases':
        value.phases = list(c, raw, key, 20, (entry, field) => phase(c, entry, field));
        break;
      case 'reviews':
        value.reviews = list(c, raw, key, 2, (entry, field) => review(c, entry, field, options.knownFormCodes));
        break;
      case 'criteria':
        value.criteria = list(c, raw, key, 100, (entry, field) => criterion(c, entry, field));
        break;
      case 'responsibleOffices':
        value.responsibleOffices = list(c, raw, key, 50, (entry, field) => office(c, entry, field));
        break;
      case 'reportDuties':
        value.reportDuties = list(c, raw, key, 10, (entry, field) => reportDuty(c, entry, field));
        break;
    }
  }
  const kinds = (value.reviews ?? []).map((entry) => entry.kind);
  kinds.forEach((kind, index) => {
    if (kinds.indexOf(kind) !== index) c.add(`reviews[${index}].kind`, `chỉ có một đợt ${kind === 'midterm' ? 'sơ kết' : 'tổng kết'}`);
  });
  return { value, problems: c.problems };
}
