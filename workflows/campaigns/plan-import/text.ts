/**
 * Plain-text normalization of a plan: NFC, markdown emphasis and heading marks removed, table rows and
 * side-by-side header columns split into lines, and paragraphs broken by a page (a paragraph that starts in lower
 * case after one that does not end a sentence) joined back. Every later step reads these lines, and the sources a
 * draft cites are sentences of these lines.
 */

export interface PlanLine {
  /** Position in the normalized document. */
  index: number;
  /** The line without markdown and without its list marker. */
  text: string;
  /** The list marker the line started with ("-", "+", "*", "•", "–"), if any. */
  bullet: string | null;
}

const BULLET = /^([-+*•–])\s+/;
const NUMBERED = /^(?:[IVX]+\.|\d{1,2}(?:\.\d{1,2})*[.)]?\s|[a-zđ]\))/u;
const RULE_LINE = /^[\s\-_=*~.]{3,}$/;

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*{1,3}|_{2,}/g, '')
    .replace(/\\([*_#\-+.()[\]])/g, '$1')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/** A markdown table row "| a | b |" → its cells; a separator row → nothing; any other line → itself. */
function tableCells(line: string): string[] {
  const trimmed = line.trim();
  if (!/^\|.*\|$/.test(trimmed)) return [line];
  const cells = trimmed.slice(1, -1).split('|').map((cell) => cell.trim());
  if (cells.every((cell) => /^:?-{2,}:?$/.test(cell) || cell === '')) return [];
  return cells.filter((cell) => cell !== '');
}

/**
 * Columns laid side by side (the header's two columns, a tab-separated row) → one line each. A wide gap is not a
 * column break where a form leaves a blank to fill ("ngày     tháng 02 năm 2027", "Số:     /KH-UBND").
 */
function columns(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of line.split(/(\t+| {3,})/)) {
    if (/^(\t+| {3,})$/.test(piece)) {
      const blankToFill = !piece.includes('\t') && /(ngày|tháng|năm|Số\s*:?)\s*$/iu.test(current);
      if (blankToFill) current += ' ';
      else {
        parts.push(current);
        current = '';
      }
    } else {
      current += piece;
    }
  }
  parts.push(current);
  return parts.filter((part) => part.trim() !== '');
}

function endsSentence(text: string): boolean {
  return /[.;:!?…”")\]]$/.test(text);
}

function startsLowercase(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

export function normalizeLines(input: string): PlanLine[] {
  const raw = input.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const pieces: { text: string; bullet: string | null; blankBefore: boolean }[] = [];
  let blank = false;
  for (const rawLine of raw) {
    const parts = tableCells(rawLine).flatMap(columns);
    if (parts.length === 0) {
      blank = true;
      continue;
    }
    for (const part of parts) {
      let text = stripMarkdown(part);
      if (text === '' || RULE_LINE.test(text)) {
        blank = true;
        continue;
      }
      let bullet: string | null = null;
      for (let match = BULLET.exec(text); match; match = BULLET.exec(text)) {
        bullet = match[1];
        text = text.slice(match[0].length).trim();
      }
      if (text === '') continue;
      pieces.push({ text, bullet, blankBefore: blank });
      blank = false;
    }
  }
  const lines: PlanLine[] = [];
  // What the last line ends with and whether it is a heading, kept aside: a line grown by many joins is not re-read.
  let lastPiece = '';
  let lastIsHeading = true;
  for (const piece of pieces) {
    const continuesPrevious =
      lines.length > 0 && !lastIsHeading && piece.bullet === null && startsLowercase(piece.text) && !endsSentence(lastPiece) &&
      !/^(\d|[a-zđ][).]\s)/u.test(piece.text);
    if (continuesPrevious) {
      const previous = lines[lines.length - 1];
      previous.text = `${previous.text} ${piece.text}`;
    } else {
      lines.push({ index: lines.length, text: piece.text, bullet: piece.bullet });
      lastIsHeading = isUppercaseLine(piece.text) || (NUMBERED.test(piece.text) && piece.text.length < 100);
    }
    lastPiece = piece.text;
  }
  return lines;
}

/** Splits a line into its sentences (the unit a draft cites as its source). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[“"(\p{Lu}])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

const SENTENCE_WINDOW = 3000;

/**
 * The sentence of `text` that holds the character at `position` (as `sentences` splits it), looked for within a
 * window around the position so that a very long line costs no more than a short one.
 */
export function sentenceAt(text: string, position: number): string {
  const from = Math.max(0, position - SENTENCE_WINDOW);
  const window = text.slice(from, position + SENTENCE_WINDOW);
  const local = position - from;
  let start = 0;
  for (const sentence of sentences(window)) {
    const at = window.indexOf(sentence, start);
    if (local >= at && local < at + sentence.length) return sentence;
    start = at + sentence.length;
  }
  return window.trim();
}

/** A comparison key: no diacritics, lower case, đ → d, punctuation as spaces. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isUppercaseLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
