import { strFromU8, unzipSync } from 'fflate';

/**
 * The text of a DOCX: word/document.xml read paragraph by paragraph (`w:p` → one line; each table cell's
 * paragraphs are lines too), the runs' `w:t` text, `w:tab` as a tab, `w:br`/`w:cr` as a line break, XML entities
 * decoded. Numbering, field codes, deleted text and the fallback copies of drawings are left out.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** Elements whose content is not the document's text. */
const SKIPPED = new Set(['w:pPr', 'w:rPr', 'w:instrText', 'w:delText', 'mc:Fallback', 'w:sectPr', 'w:tblPr', 'w:tcPr', 'w:trPr', 'w:numPr']);

export class DocxFormatError extends Error {}

export function extractDocxText(docx: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' });
  } catch {
    throw new DocxFormatError('Tệp không phải là DOCX (không giải nén được).');
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new DocxFormatError('Tệp DOCX không có word/document.xml.');
  return documentXmlText(strFromU8(xml));
}

export function documentXmlText(xml: string): string {
  const lines: string[] = [];
  let current: string[] | null = null;
  let skipDepth = 0;
  let inText = false;
  const tag = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && skipDepth === 0 && current) current.push(decodeXmlEntities(text));
      continue;
    }
    if (SKIPPED.has(name)) {
      if (selfClosing) continue;
      skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    if (name === 'w:p') {
      if (closing) {
        if (current) lines.push(current.join(''));
        current = null;
      } else if (selfClosing) {
        lines.push('');
      } else {
        current = [];
      }
    } else if (name === 'w:t') {
      inText = !closing && !selfClosing;
    } else if (current && (name === 'w:tab' || name === 'w:ptab') && !closing) {
      current.push('\t');
    } else if (current && (name === 'w:br' || name === 'w:cr') && !closing) {
      current.push('\n');
    } else if (current && name === 'w:noBreakHyphen') {
      current.push('-');
    }
  }
  return lines.join('\n').normalize('NFC');
}
