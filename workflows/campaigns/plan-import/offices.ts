import type { ExtractedField, ResponsibleOffice } from '../campaign-types';
import { findSections, sectionLines, type PlanDocument, type Section } from './document';
import { found, notFound } from './fields';
import { upperFirst, type PlanLine } from './text';

/**
 * Responsible offices: each numbered item under "Tổ chức thực hiện". Its name is the heading ("2.2. Phòng Văn hóa –
 * Xã hội"), or, when the item is a paragraph, the subject before ":" or before its first duty verb ("2.5. Các HTX,
 * doanh nghiệp chủ động xây dựng kế hoạch …"); "Đề nghị" (a request to a body the issuer does not direct) is
 * dropped from the name.
 */

const DUTY_VERB =
  /\s(căn cứ|chủ động|chủ trì|phối hợp|thực hiện|triển khai|tham mưu|phân công|xây dựng|theo dõi|hướng dẫn|tuyên truyền|đẩy mạnh|tích cực|có trách nhiệm|nghiêm túc|tăng cường|bố trí|kiểm tra|vận động|quan tâm|lựa chọn|tiếp tục|đăng ký|thường xuyên|định kỳ|chịu trách nhiệm)(?![\p{L}])/iu;

function cleanName(name: string): string {
  return upperFirst(name.replace(/^(?:Đề nghị|Giao(?=\s+\p{Lu}))\s+/u, '').replace(/[\s:,.;–-]+$/u, '').trim());
}

export interface OfficeItem {
  office: ResponsibleOffice;
  section: Section;
  sources: string[];
}

export function officeOf(section: Section): ResponsibleOffice | null {
  const bodyText = (lines: { text: string; bullet: string | null }[]) =>
    lines.map((line) => (line.bullet ? `${line.bullet} ${line.text}` : line.text)).join('\n');
  const rest = sectionLines(section).slice(1);
  if (section.isHeading) return { name: cleanName(section.text), duties: bodyText(rest) };
  const colon = section.text.indexOf(':');
  const verb = DUTY_VERB.exec(section.text);
  const cut = colon > 0 && colon < 160 && (!verb || colon <= verb.index + 1) ? colon : verb && verb.index > 0 && verb.index < 200 ? verb.index : -1;
  if (cut <= 0) return null;
  const name = cleanName(section.text.slice(0, cut));
  const own = upperFirst(section.text.slice(cut).replace(/^[\s:]+/u, ''));
  return { name, duties: [own, bodyText(rest)].filter(Boolean).join('\n') };
}

export function organizationSections(document: PlanDocument): Section[] {
  return findSections(document.sections, (key) => /(^|\s)to chuc thuc hien$/.test(key) || /^(phan cong|trach nhiem)/.test(key));
}

export function readOffices(document: PlanDocument): { field: ExtractedField<ResponsibleOffice[]>; items: OfficeItem[] } {
  const items: OfficeItem[] = [];
  for (const parent of organizationSections(document)) {
    if (parent.children.length === 0) items.push(...unnumberedOffices(parent));
    for (const child of parent.children) {
      const office = officeOf(child);
      if (office) items.push({ office, section: child, sources: [child.line.text] });
    }
  }
  if (items.length === 0) {
    return { field: notFound('Kế hoạch không phân công cơ quan thực hiện (mục «Tổ chức thực hiện»).'), items };
  }
  return { field: found(items.map((i) => i.office), items.flatMap((i) => i.sources)), items };
}

const BODY_NAME = /^(Giao|Ủy ban|UBND|Sở|Ban|Phòng|Hội đồng|Văn phòng|Trung tâm|Các|Thủ trưởng|Đề nghị|Công an|Cục|Chi cục|Trường|Đài|Báo|Liên đoàn|Hội|Tỉnh đoàn|Đoàn)(?![\p{L}])/u;

/**
 * Offices in a section without numbered items (a DOCX whose numbering is automatic loses its numbers): a line
 * "Phòng Văn hóa – Xã hội: chủ trì …", or a short line naming a body ("Phòng Văn hóa – Xã hội") over its duties.
 */
function unnumberedOffices(parent: Section): OfficeItem[] {
  const items: OfficeItem[] = [];
  let open: { name: string; line: PlanLine; duties: PlanLine[] } | null = null;
  const close = () => {
    if (!open) return;
    const duties = open.duties.map((line) => (line.bullet ? `${line.bullet} ${line.text}` : line.text)).join('\n');
    items.push({ office: { name: open.name, duties }, section: { ...parent, line: open.line, body: open.duties, children: [] }, sources: [open.line.text] });
    open = null;
  };
  for (const line of parent.body) {
    const colon = line.text.indexOf(':');
    if (colon > 0 && colon <= 160 && BODY_NAME.test(line.text)) {
      close();
      items.push({
        office: { name: cleanName(line.text.slice(0, colon)), duties: upperFirst(line.text.slice(colon + 1).trim()) },
        section: { ...parent, line, body: [], children: [] },
        sources: [line.text],
      });
    } else if (!line.bullet && line.text.length <= 120 && !/[.;:,]$/u.test(line.text) && BODY_NAME.test(line.text)) {
      close();
      open = { name: cleanName(line.text), line, duties: [] };
    } else if (open) {
      (open as { duties: PlanLine[] }).duties.push(line);
    }
  }
  close();
  return items;
}

/** Which office item holds each line (by the line's index). */
export function officeLines(items: OfficeItem[]): Map<number, OfficeItem> {
  const holders = new Map<number, OfficeItem>();
  for (const item of items) for (const line of sectionLines(item.section)) if (!holders.has(line.index)) holders.set(line.index, item);
  return holders;
}
