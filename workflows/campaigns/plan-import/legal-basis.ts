import type { ExtractedField, LegalBasisEntry } from '../campaign-types';
import { timeExpressions } from './dates';
import { findSections, sectionLines, type PlanDocument } from './document';
import { found, notFound } from './fields';
import { sentenceAt } from './text';

/**
 * The legal basis: each clause of the preamble that opens with "Căn cứ" or "Thực hiện" names one or more
 * documents. An entry's text is the reference itself — kind, number, date and issuer ("Chỉ thị số 02/CT-UBND ngày
 * 13/01/2026 của Ủy ban nhân dân tỉnh Lai Châu") — without what the document is about.
 */

const OPENER = /^(?:Căn cứ|Thực hiện|Triển khai thực hiện)\s+(?:theo\s+)?/u;
const DOCUMENT_KIND =
  '(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư(?: liên tịch)?|Kế hoạch(?: hoạt động)?|Hướng dẫn|Công văn|Chương trình(?: hành động)?|Kết luận|Thông báo|Đề án|Văn bản|Điều lệ|Quy chế)';
const ANOTHER_DOCUMENT = new RegExp(`(?:,\\s*|\\s+và\\s+)(?=${DOCUMENT_KIND}\\s+(?:số\\s+)?\\d)`, 'u');
const SUBJECT = /\s+(?:về việc|về|quy định|hướng dẫn|ban hành|phát động|triển khai|sửa đổi, bổ sung|thực hiện)\s/u;
const NUMBER = /số\s*:?\s*(\d+[\p{L}\d]*(?:[/-][\p{L}\d]+)+)/u;

function referenceOf(clause: string): string {
  const text = clause.replace(/\s*\(sau đây[^)]*\)/u, '').trim();
  const of = text.search(/\scủa\s/u);
  const dates = timeExpressions(text).filter((e) => e.precision === 'day');
  let cut = text.length;
  if (of >= 0) {
    const subject = SUBJECT.exec(text.slice(of + 5));
    if (subject) cut = of + 5 + subject.index;
  } else if (dates.length > 0) {
    cut = dates[0].end;
  } else {
    const subject = SUBJECT.exec(text);
    if (subject && subject.index > 0) cut = subject.index;
  }
  return text.slice(0, cut).replace(/[\s;,.:]+$/u, '').trim();
}

export function readLegalBasis(document: PlanDocument): ExtractedField<LegalBasisEntry[]> {
  const entries: LegalBasisEntry[] = [];
  const sources: string[] = [];
  // Some plans list their bases in a section of their own ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"), one document a line.
  const basisSections = findSections(document.sections, (key) => /^can cu/.test(key));
  const listed = new Set(basisSections.flatMap((section) => sectionLines(section).slice(1)).map((line) => line.index));
  for (const line of [...document.preamble, ...document.body.filter((l) => listed.has(l.index))]) {
    let offset = 0;
    for (const rawClause of line.text.split(/;\s*/u)) {
      const at = line.text.indexOf(rawClause, offset);
      offset = at + rawClause.length;
      const clause = rawClause.trim();
      const opens = OPENER.test(clause) || (listed.has(line.index) && new RegExp(`^${DOCUMENT_KIND}`, 'u').test(clause));
      if (!opens) continue;
      const rest = clause.replace(OPENER, '').split(/\.\s+(?=\p{Lu})/u)[0];
      for (const part of rest.split(ANOTHER_DOCUMENT)) {
        if (!new RegExp(`^${DOCUMENT_KIND}`, 'u').test(part.trim())) continue;
        const text = referenceOf(part);
        const entry: LegalBasisEntry = { text };
        const number = NUMBER.exec(text);
        if (number) entry.documentNumber = number[1];
        const date = timeExpressions(text).find((e) => e.precision === 'day');
        if (date) entry.date = date.from;
        entries.push(entry);
      }
      sources.push(sentenceAt(line.text, at));
    }
  }
  if (entries.length === 0) return notFound('Kế hoạch không nêu căn cứ («Căn cứ …», «Thực hiện …»).');
  return found(entries, sources);
}
