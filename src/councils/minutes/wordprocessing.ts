import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * A small WordprocessingML (DOCX) writer: paragraphs, runs and tables, A4 pages with the margins of Nghị định
 * 30/2020/NĐ-CP, Times New Roman. Enough for the council minutes; written by hand so a test can unzip the file and
 * read `word/document.xml`.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points (13 or 14 in administrative documents). */
  size?: number;
  underline?: boolean;
}

export interface ParagraphStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  /** Space after, in points. */
  after?: number;
  before?: number;
  /** First-line indent in centimetres. */
  firstLine?: number;
  /** A rule under the paragraph, indented by `ruleIndent` twips on both sides (the short line under a heading). */
  rule?: boolean;
  ruleIndent?: number;
  keepNext?: boolean;
}

export type Run = string | { text: string; style?: RunStyle };

function run(value: Run, base: RunStyle): string {
  const { text, style } = typeof value === 'string' ? { text: value, style: {} } : { text: value.text, style: value.style ?? {} };
  const merged = { ...base, ...style };
  const props = [
    merged.bold ? '<w:b/><w:bCs/>' : '',
    merged.italic ? '<w:i/><w:iCs/>' : '',
    merged.size ? `<w:sz w:val="${merged.size * 2}"/><w:szCs w:val="${merged.size * 2}"/>` : '',
    merged.underline ? '<w:u w:val="single"/>' : '',
  ].join('');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text.normalize('NFC'))}</w:t></w:r>`;
}

export function paragraph(runs: Run | Run[], style: ParagraphStyle = {}, base: RunStyle = {}): string {
  const list = Array.isArray(runs) ? runs : [runs];
  const props = [
    style.keepNext ? '<w:keepNext/>' : '',
    style.rule
      ? `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`
      : '',
    `<w:spacing w:before="${(style.before ?? 0) * 20}" w:after="${(style.after ?? 3) * 20}"/>`,
    style.rule && style.ruleIndent ? `<w:ind w:left="${style.ruleIndent}" w:right="${style.ruleIndent}"/>` : '',
    style.firstLine ? `<w:ind w:firstLine="${Math.round(style.firstLine * 567)}"/>` : '',
    style.align ? `<w:jc w:val="${style.align}"/>` : '',
  ].join('');
  return `<w:p><w:pPr>${props}</w:pPr>${list.map((value) => run(value, base)).join('')}</w:p>`;
}

export interface Cell {
  /** Paragraph XML; an empty cell still holds one paragraph. */
  content: string[];
  width: number;
}

export function table(rows: Cell[][], options: { borders: boolean; header?: boolean }): string {
  const border = options.borders ? 'single' : 'nil';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="${border}" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  const widths = rows[0].map((cell) => cell.width);
  const grid = widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('');
  const body = rows
    .map(
      (cells, index) =>
        `<w:tr>${index === 0 && options.header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells
          .map((cell) => `<w:tc><w:tcPr><w:tcW w:w="${cell.width}" w:type="dxa"/></w:tcPr>${cell.content.length ? cell.content.join('') : paragraph('')}</w:tc>`)
          .join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/** A4; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
export const TEXT_WIDTH = 11906 - 1701 - 850;

function documentXml(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}` +
    `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>` +
    `</w:body></w:document>`
  );
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>` +
  `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
  `<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>` +
  `</w:styles>`;

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `</Types>`;

const PACKAGE_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>`;

const DOCUMENT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `</Relationships>`;

function coreXml(title: string, author: string, at: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(author)}</dc:creator><cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

/**
 * The DOCX package (a ZIP) of one document. `at` (ISO) dates the parts, so the same session always gives the same
 * bytes.
 */
export function docxPackage(body: string, meta: { title: string; author: string; at: string }): Buffer {
  const mtime = new Date(meta.at);
  const at = meta.at.replace(/\.\d{3}Z$/, 'Z');
  const files: Zippable = {
    '[Content_Types].xml': [strToU8(CONTENT_TYPES), { mtime }],
    '_rels/.rels': [strToU8(PACKAGE_RELS), { mtime }],
    'docProps/core.xml': [strToU8(coreXml(meta.title, meta.author, at)), { mtime }],
    'word/_rels/document.xml.rels': [strToU8(DOCUMENT_RELS), { mtime }],
    'word/styles.xml': [strToU8(STYLES), { mtime }],
    'word/document.xml': [strToU8(documentXml(body)), { mtime }],
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}
