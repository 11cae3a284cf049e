import { foldKey, isUppercaseLine, normalizeLines, type PlanLine } from './text';

/**
 * The layout of an administrative plan (Nghị định 30/2020/NĐ-CP): header (issuer, "Số: …", place and date), the
 * document kind "KẾ HOẠCH" and the title, a preamble (legal basis), the body in numbered sections, then the closing
 * ("Trên đây là …", "Nơi nhận:", the signature).
 */

export type NumberingKind = 'part' | 'roman' | 'arabic' | 'letter' | 'caps';

export interface Section {
  /** "IV", "2.1", "a"; empty for an unnumbered heading in capitals. */
  number: string;
  kind: NumberingKind;
  /** Smaller is higher: parts, then Roman numerals, then 1., 1.1., 1.1.1., then a). */
  rank: number;
  /** The line after its number. */
  text: string;
  /** True when the line is a heading ("2.2. Phòng Văn hóa – Xã hội"), false when it is a numbered paragraph. */
  isHeading: boolean;
  line: PlanLine;
  /** The lines under it, before its first subsection. */
  body: PlanLine[];
  children: Section[];
}

export interface PlanDocument {
  lines: PlanLine[];
  header: PlanLine[];
  /** The "KẾ HOẠCH" line, when there is one. */
  kindLine: PlanLine | null;
  titleLines: PlanLine[];
  preamble: PlanLine[];
  /** Every line of the body, headings included, in order. */
  body: PlanLine[];
  closing: PlanLine[];
  sections: Section[];
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\s*[.:/]\s*(.*)$/;
const PART = /^Phần\s+(thứ\s+\p{L}+|[IVX]+|\d+)\s*[.:]?\s*(.*)$/iu;
const ARABIC = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\))\s*(.*)$/;
/** "2.1 Sở Nội vụ": a multi-level number without its final dot, followed by a capital. */
const ARABIC_OPEN = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(\p{Lu}.*)$/u;
const LETTER = /^([a-zđ])\)\s*(.*)$/;

export interface Numbering {
  number: string;
  kind: NumberingKind;
  rank: number;
  text: string;
}

export function numberingOf(line: PlanLine): Numbering | null {
  if (line.bullet) return null;
  const text = line.text;
  const part = PART.exec(text);
  if (part) return { number: part[1], kind: 'part', rank: 0, text: part[2] };
  const roman = ROMAN.exec(text);
  if (roman && roman[1] !== '' && roman[2] !== '') return { number: roman[1], kind: 'roman', rank: 1, text: roman[2] };
  const arabic = ARABIC_OPEN.exec(text) ?? ARABIC.exec(text);
  if (arabic && arabic[2] !== '' && !/^\d/.test(arabic[2])) {
    const depth = arabic[1].split('.').length;
    return { number: arabic[1], kind: 'arabic', rank: 1 + depth, text: arabic[2] };
  }
  const letter = LETTER.exec(text);
  if (letter && letter[2] !== '') return { number: letter[1], kind: 'letter', rank: 10, text: letter[2] };
  return null;
}

/** A heading is short and does not end like a sentence. */
function looksLikeHeading(text: string): boolean {
  return text.length <= 160 && !/[.;,]$/.test(text);
}

const TITLE_STOP = /^(Căn cứ|Thực hiện|Để\s|Nhằm\s|Theo\s|Trên cơ sở|Qua\s|Tiếp tục)/u;
const CLOSING = /^(Trên đây là|Nơi nhận|TM\.|KT\.|T\/M|Q\.\s|TL\.)/u;

/** Without a "KẾ HOẠCH" line, the header ends after the "Số:" line or the place-and-date line, if near the top. */
function headerEndWithoutKind(lines: PlanLine[]): number {
  let end = 0;
  lines.slice(0, 12).forEach((line, index) => {
    if (/^Số\s*:/u.test(line.text) || /ngày\s.*tháng\s.*năm\s/u.test(line.text)) end = index + 1;
  });
  return end;
}

export function readPlanDocument(text: string): PlanDocument {
  const lines = normalizeLines(text);
  const kindAt = lines.findIndex((line) => line.text === 'KẾ HOẠCH' || /^KẾ HOẠCH\s+\S/u.test(line.text));
  const kindLine = kindAt >= 0 ? lines[kindAt] : null;
  const header = kindAt >= 0 ? lines.slice(0, kindAt) : lines.slice(0, headerEndWithoutKind(lines));
  const titleLines: PlanLine[] = [];
  let at = kindAt + 1;
  if (kindLine && kindLine.text !== 'KẾ HOẠCH') titleLines.push(kindLine);
  while (kindAt >= 0 && at < lines.length) {
    const line = lines[at];
    if (TITLE_STOP.test(line.text) || numberingOf(line) || /[;:.]$/.test(line.text) || line.text.length > 400) break;
    if (titleLines.length >= 4) break;
    titleLines.push(line);
    at += 1;
  }
  if (kindAt < 0) at = header.length;
  const closingAt = lines.findIndex((line, index) => index >= at && CLOSING.test(line.text));
  const end = closingAt >= 0 ? closingAt : lines.length;
  const firstSection = lines.findIndex((line, index) => index >= at && index < end && isSectionStart(line));
  const bodyStart = firstSection >= 0 ? firstSection : end;
  const preamble = lines.slice(at, bodyStart);
  const body = lines.slice(bodyStart, end);
  return {
    lines,
    header,
    kindLine,
    titleLines,
    preamble,
    body,
    closing: lines.slice(end),
    sections: buildSections(body),
  };
}

function isSectionStart(line: PlanLine): boolean {
  const numbering = numberingOf(line);
  if (numbering) return numbering.kind === 'part' || numbering.kind === 'roman' || looksLikeHeading(numbering.text);
  return isCapsHeading(line);
}

function isCapsHeading(line: PlanLine): boolean {
  return !line.bullet && line.text.length <= 120 && isUppercaseLine(line.text) && !/[;,]$/.test(line.text);
}

export function buildSections(body: PlanLine[]): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const line of body) {
    const numbering = numberingOf(line);
    const caps = !numbering && isCapsHeading(line);
    if (!numbering && !caps) {
      const current = stack[stack.length - 1];
      if (current) current.body.push(line);
      continue;
    }
    const section: Section = numbering
      ? { ...numbering, isHeading: looksLikeHeading(numbering.text), line, body: [], children: [] }
      : { number: '', kind: 'caps', rank: 1, text: line.text, isHeading: true, line, body: [], children: [] };
    while (stack.length > 0 && stack[stack.length - 1].rank >= section.rank) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(section);
    else roots.push(section);
    stack.push(section);
  }
  return roots;
}

export function allSections(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)]);
}

/** Every line of a section and its subsections, its heading first. */
export function sectionLines(section: Section): PlanLine[] {
  return [section.line, ...section.body, ...section.children.flatMap(sectionLines)];
}

/** Sections whose heading matches, the deepest ones only (a parent is left out when a child matches too). */
export function findSections(sections: Section[], matches: (key: string) => boolean): Section[] {
  const found: Section[] = [];
  for (const section of sections) {
    const inner = findSections(section.children, matches);
    if (inner.length > 0) found.push(...inner);
    else if (section.isHeading && matches(foldKey(section.text))) found.push(section);
  }
  return found;
}
