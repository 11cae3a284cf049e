import type { CampaignReview, ExtractedField, PlanPeriod, ReviewKind } from '../campaign-types';
import { mapFormName, type CatalogForm, type FormMapping, type IssuerLevel } from './award-forms';
import { timeExpressions, timeRanges } from './dates';
import type { PlanDocument } from './document';
import { found, notFound, uncertain } from './fields';
import { sentenceAt, unique, type PlanLine } from './text';

/**
 * Sơ kết and tổng kết: the forms each allows (the lists under "Khen thưởng sơ kết" / "Khen thưởng tổng kết") and
 * when each is held (a clause where "sơ kết"/"tổng kết" is followed by a time: "tiến hành sơ kết … vào quý
 * II/2028", "Sơ kết trong năm 2027", "tổng kết vào cuối năm 2030").
 */

const LIST_START =
  /^(?:Hình thức\s+)?khen thưởng\s+(sơ kết|tổng kết)((?:\s+(?:phong trào|giai đoạn|đợt)(?:\s+[^:(]{1,40}?)??)?(?:\s*\([^)]{1,60}\))?)(\s*(?:và|,)\s*(?:khen thưởng\s+)?(?:sơ kết|tổng kết))?(?:\s+(?:bao gồm|gồm))?\s*(?::\s*(.*))?$/iu;
const AWARD_NAME = /^(?:Danh hiệu\s+)?[“"]?(Huân chương|Huy chương|Cờ|Bằng khen|Giấy khen|Chiến sĩ|Tập thể|Lao động|Kỷ niệm chương|Giải thưởng|Danh hiệu|Nhà giáo|Thầy thuốc|Nghệ sĩ|Anh hùng)/iu;

interface FormList {
  /** A time the list's heading gives ("Khen thưởng sơ kết (năm 2028)"). */
  time: TimeReading | null;
  kinds: ReviewKind[];
  names: { text: string; source: string }[];
  sources: string[];
}

function withoutNumber(text: string): string {
  return text.replace(/^(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.?)\s+/u, '');
}

function kindOf(word: string): ReviewKind {
  return /sơ/iu.test(word) ? 'midterm' : 'final';
}

function splitNames(text: string): string[] {
  return text
    .split(/;\s*/u)
    .map((name) => name.replace(/[\s.,;]+$/u, '').replace(/^[“"](.*)[”"]$/u, '$1').trim())
    .filter((name) => name !== '');
}

export function readFormLists(lines: PlanLine[]): FormList[] {
  const lists: FormList[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const start = LIST_START.exec(withoutNumber(lines[i].text));
    if (!start) continue;
    const both = Boolean(start[3]);
    const inline = start[4];
    if (both && !inline) continue; // "Khen thưởng sơ kết và khen thưởng tổng kết": a heading over both lists
    const kinds: ReviewKind[] = both ? ['midterm', 'final'] : [kindOf(start[1])];
    const qualifier = start[2] ?? '';
    const span = timeRanges(qualifier)[0] ?? timeExpressions(qualifier)[0];
    const time: TimeReading | null =
      span && kinds.length === 1
        ? { kind: kinds[0], period: { from: span.from, to: span.to, text: span.text.trim() }, approximate: span.approximate, source: lines[i].text }
        : null;
    const list: FormList = { time, kinds, names: [], sources: [lines[i].text] };
    if (inline) {
      for (const text of splitNames(inline)) list.names.push({ text, source: lines[i].text });
    } else {
      for (let j = i + 1; j < lines.length; j += 1) {
        const line = lines[j];
        if (LIST_START.test(withoutNumber(line.text))) break;
        if (lines[i].bullet && line.bullet === lines[i].bullet) break;
        if (!AWARD_NAME.test(line.text)) break;
        for (const text of splitNames(line.text)) list.names.push({ text, source: line.text });
        list.sources.push(line.text);
      }
    }
    lists.push(list);
  }
  return lists;
}

interface TimeReading {
  kind: ReviewKind;
  period: PlanPeriod;
  approximate: boolean;
  source: string;
}

const REVIEW_WORD = /(?<![\p{L}])(sơ kết|tổng kết)(?![\p{L}])/giu;

/** The times the plan holds each review at: a time expression after the word, in the same clause. */
export function readReviewTimes(lines: PlanLine[]): TimeReading[] {
  const readings: TimeReading[] = [];
  for (const line of lines) {
    if (LIST_START.test(withoutNumber(line.text))) continue;
    REVIEW_WORD.lastIndex = 0;
    for (let m = REVIEW_WORD.exec(line.text); m; m = REVIEW_WORD.exec(line.text)) {
      const before = line.text.slice(Math.max(0, m.index - 16), m.index);
      if (/(khen thưởng|báo cáo|sơ,|sơ kết,|sơ kết và)\s*$/iu.test(before)) continue;
      const after = line.text.slice(m.index + m[0].length, m.index + m[0].length + 300);
      const clause = after.split(/[,;:]|\.\s|\s\(/u)[0];
      if (/^\s*(,|và)\s*(tổng kết|sơ kết)/iu.test(after)) continue;
      const following = timeRanges(clause)[0] ?? timeExpressions(clause)[0];
      const lead = following ? clause.slice(0, following.start) : '';
      let found: { from: string; to: string; text: string; approximate: boolean } | undefined =
        following && (lead.trim() === '' || /(vào|trong|tại|từ|giữa|đến|dịp)\s*$/iu.test(lead)) ? following : undefined;
      if (!found) found = timeJustBefore(line.text.slice(Math.max(0, m.index - 80), m.index));
      if (!found) continue;
      readings.push({
        kind: kindOf(m[1]),
        period: { from: found.from, to: found.to, text: found.text.trim() },
        approximate: found.approximate,
        source: sentenceAt(line.text, m.index),
      });
    }
  }
  return readings;
}

/** "Năm 2028 tổ chức sơ kết", "quý IV/2030: tổng kết": a time that ends just before the word, in its clause. */
function timeJustBefore(before: string): TimeReading['period'] & { approximate: boolean } | undefined {
  const clause = before.split(/[,;.]\s/u).pop() ?? '';
  const expressions = timeExpressions(clause);
  const last = expressions[expressions.length - 1];
  if (!last) return undefined;
  const gap = clause.slice(last.end);
  if (!/^\s*[:,–-]?\s*(?:(?:sẽ\s+)?(?:tổ chức|tiến hành|thực hiện)\s*)?$/iu.test(gap)) return undefined;
  return { from: last.from, to: last.to, text: last.text.trim(), approximate: last.approximate };
}

export interface ReviewsResult {
  field: ExtractedField<CampaignReview[]>;
  unmapped: { text: string; source: string }[];
}

const KIND_LABEL: Record<ReviewKind, string> = { midterm: 'sơ kết', final: 'tổng kết' };

export function readReviews(
  document: PlanDocument,
  forms: CatalogForm[],
  level: IssuerLevel,
  campaignPeriod: PlanPeriod | null,
): ReviewsResult {
  const lines = [...document.body, ...document.closing];
  const lists = readFormLists(lines);
  const times = [...lists.flatMap((list) => (list.time ? [list.time] : [])), ...readReviewTimes(lines)];
  const unmapped: { text: string; source: string }[] = [];
  const reviews: CampaignReview[] = [];
  const sources: string[] = [];
  const notes: string[] = [];
  for (const kind of ['midterm', 'final'] as ReviewKind[]) {
    const kindLists = lists.filter((list) => list.kinds.includes(kind));
    const kindTimes = times.filter((time) => time.kind === kind);
    if (kindLists.length === 0 && kindTimes.length === 0) continue;
    const mappings: FormMapping[] = [];
    for (const list of kindLists) {
      sources.push(...list.sources);
      for (const name of list.names) {
        const mapping = mapFormName(name.text, forms, level);
        mappings.push(mapping);
        if (mapping.codes.length === 0 && !unmapped.some((u) => u.text === name.text)) unmapped.push(name);
      }
    }
    for (const mapping of mappings) {
      if (mapping.codes.length === 0) notes.push(`Hình thức «${mapping.text}» (${KIND_LABEL[kind]}) không có trong danh mục.`);
      else if (!mapping.certain && mapping.note) notes.push(mapping.note);
    }
    if (kindLists.length === 0) notes.push(`Kế hoạch không nêu hình thức khen thưởng ${KIND_LABEL[kind]}.`);
    let period: PlanPeriod | null = null;
    if (kindTimes.length > 0) {
      const distinct = unique(kindTimes.map((t) => `${t.period.from}|${t.period.to}`));
      const chosen = kindTimes.find((t) => `${t.period.from}|${t.period.to}` === distinct[0])!;
      period = chosen.period;
      sources.push(...kindTimes.map((t) => t.source));
      if (distinct.length > 1) {
        notes.push(`Thời điểm ${KIND_LABEL[kind]} được nêu khác nhau: ${unique(kindTimes.map((t) => `«${t.period.text}»`)).join(', ')}; tạm lấy «${chosen.period.text}».`);
      }
      if (chosen.approximate) {
        notes.push(`«${chosen.period.text}» (${KIND_LABEL[kind]}) được hiểu là ${chosen.period.from} – ${chosen.period.to}.`);
      }
    } else if (campaignPeriod) {
      period = campaignPeriod;
      notes.push(`Kế hoạch không nêu thời điểm ${KIND_LABEL[kind]}; tạm lấy thời gian của phong trào.`);
    } else {
      notes.push(`Kế hoạch không nêu thời điểm ${KIND_LABEL[kind]}; đợt này không được đưa vào.`);
      continue;
    }
    reviews.push({ kind, period, allowedFormCodes: unique(mappings.flatMap((m) => m.codes)) });
  }
  if (reviews.length === 0) {
    return { field: notFound(notes[0] ?? 'Kế hoạch không nêu sơ kết, tổng kết có khen thưởng.', sources), unmapped };
  }
  const field = notes.length > 0 ? uncertain(reviews, sources, unique(notes).join(' ')) : found(reviews, sources);
  return { field, unmapped };
}
