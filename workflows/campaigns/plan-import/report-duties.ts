import type { ExtractedField, ReportDuty } from '../campaign-types';
import { monthDay } from './dates';
import type { PlanDocument } from './document';
import { found, notFound, uncertain } from './fields';
import { officeLines, type OfficeItem } from './offices';
import { sentences, upperFirst } from './text';

/**
 * Yearly report duties: a sentence with "báo cáo" and a yearly due day ("trước ngày 10/11 hằng năm", "trước ngày
 * 15 tháng 12 hằng năm"). The recipient is the body named after "về"/"gửi" ("UBND xã (qua Phòng Văn hóa – Xã
 * hội)"); the reporters are the sentence's subject, or the office whose item holds the sentence.
 */

const DUE = /(?:trước|chậm nhất(?:\s+(?:vào|là))?|hạn chót(?:\s+là)?)\s+(?:ngày\s+)?(\d{1,2})\s*(?:\/|-|\s+tháng\s+)(\d{1,2})(?!\s*(?:\/|-|năm\s+)\s*\d)/iu;
const YEARLY = /(hằng|hàng|mỗi)\s+năm|định kỳ/iu;
const RECIPIENT_START =
  /(?:^|\s)(?:gửi\s+về|gửi|về|cho)\s+((?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Phòng|Hội đồng|Văn phòng|Thường trực|Cơ quan thường trực|Bộ|Cục|Trung tâm|Công an)(?![\p{L}]).*)$/iu;

export function readReportDuties(document: PlanDocument, offices: OfficeItem[]): ExtractedField<ReportDuty[]> {
  const duties: ReportDuty[] = [];
  const sources: string[] = [];
  const notes: string[] = [];
  const undated: string[] = [];
  const holders = officeLines(offices);
  for (const line of [...document.body, ...document.closing]) {
    for (const sentence of sentences(line.text)) {
      const report = /báo cáo/iu.exec(sentence);
      if (!report) continue;
      const due = DUE.exec(sentence);
      if (!due || due.index < report.index) {
        if (/báo cáo\s+(định kỳ|hằng năm|hàng năm)|định kỳ[^.]*báo cáo/iu.test(sentence)) undated.push(sentence);
        continue;
      }
      const dueMonthDay = monthDay(due[1], due[2]);
      if (!dueMonthDay || !YEARLY.test(sentence)) continue;
      const before = sentence.slice(report.index, due.index).trim();
      const recipientMatch = firstRecipient(before);
      const recipient = recipientMatch ? recipientMatch.name : '';
      const description = upperFirst((recipientMatch ? before.slice(0, recipientMatch.at) : before).replace(/[\s,]+$/u, ''));
      let reporters = sentence
        .slice(0, report.index)
        .replace(/^(?:Định kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm\s*,?\s*|^Định kỳ\s*,?\s*/iu, '')
        .replace(/[\s,:]+$/u, '')
        .replace(/\s+(?:gửi|nộp|có trách nhiệm|thực hiện|tổng hợp)$/u, '')
        .trim();
      const lineSources = [sentence];
      if (reporters === '') {
        const holder = holders.get(line.index);
        if (holder) {
          reporters = holder.office.name;
          lineSources.push(holder.section.line.text);
        }
      }
      if (reporters === '') notes.push(`Không rõ ai báo cáo trong câu «${sentence}».`);
      if (recipient === '') notes.push(`Không rõ nơi nhận báo cáo trong câu «${sentence}».`);
      if (duties.some((d) => d.dueMonthDay === dueMonthDay && d.recipient === recipient && d.reporters === reporters)) continue;
      duties.push({ reporters, recipient, dueMonthDay, description });
      sources.push(...lineSources);
    }
  }
  if (duties.length === 0) {
    return notFound(
      undated.length > 0
        ? 'Kế hoạch nêu chế độ báo cáo nhưng không nêu hạn báo cáo hằng năm.'
        : 'Kế hoạch không nêu nghĩa vụ báo cáo hằng năm có hạn.',
      undated,
    );
  }
  return notes.length > 0 ? uncertain(duties, sources, notes.join(' ')) : found(duties, sources);
}

function firstRecipient(text: string): { name: string; at: number } | null {
  let best: { name: string; at: number } | null = null;
  const pattern = /(?:^|\s)(?:gửi\s+về|gửi|về|cho)\s+(?=(?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Phòng|Hội đồng|Văn phòng|Thường trực|Cơ quan thường trực|Bộ|Cục|Trung tâm|Công an)(?![\p{L}]))/giu;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const rest = text.slice(m.index);
    const r = RECIPIENT_START.exec(rest);
    if (r) {
      best = { name: r[1].replace(/[\s,;]+$/u, '').trim(), at: m.index };
      break;
    }
  }
  return best;
}
