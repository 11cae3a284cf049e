import { countText, recipientCountText, type Certificate, type DecisionAnnex, type DecisionDocument } from '../../workflows/decisions';
import { docxPackage, paragraph, table, TEXT_WIDTH, type Cell } from '../councils/minutes/wordprocessing';

/**
 * The documents of a decision in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): the header table (issuing body
 * and số, ký hiệu left; quốc hiệu, tiêu ngữ, place and date right), the title and trích yếu, the body, Nơi nhận beside
 * the signature block; then, on a page of its own, the danh sách kèm theo. The certificates are one page each.
 */

const LEFT = 3800;
const RIGHT = TEXT_WIDTH - LEFT;
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

const cell = (width: number, ...content: string[]): Cell => ({ width, content });
const centered = (text: string, bold = false, size = 13, italic = false) => paragraph({ text, style: { bold, italic, size } }, { align: 'center', after: 0 });
const body = (text: string) => paragraph(text, { align: 'both', firstLine: 1 });

function header(document: DecisionDocument): string {
  return table(
    [
      [
        cell(
          LEFT,
          ...document.issuerLines.map((line) => centered(line.text, line.bold, 13)),
          paragraph('', { rule: true, ruleIndent: 1100, after: 0 }),
        ),
        cell(RIGHT, centered(document.nationalTitle, true, 13), centered(document.motto, true, 14), paragraph('', { rule: true, ruleIndent: 1500, after: 0 })),
      ],
      [cell(LEFT, centered(`Số: ${document.number}`, false, 13)), cell(RIGHT, centered(document.placeAndDate, false, 14, true))],
    ],
    { borders: false },
  );
}

function signatureBlock(document: DecisionDocument): string {
  const recipients = [
    paragraph({ text: 'Nơi nhận:', style: { bold: true, italic: true, size: 12 } }, { after: 0 }),
    ...document.recipients.map((line) => paragraph({ text: line, style: { size: 11 } }, { after: 0 })),
  ];
  const signature = [
    ...document.signature.lines.map((line) => centered(line, true, 14)),
    paragraph('', { after: 24 }),
    paragraph('', { after: 24 }),
    centered(document.signature.fullName, true, 14),
  ];
  const half = Math.floor(TEXT_WIDTH / 2);
  return table([[cell(half, ...recipients), cell(TEXT_WIDTH - half, ...signature)]], { borders: false });
}

function mainPart(document: DecisionDocument): string[] {
  const parts = [
    header(document),
    paragraph({ text: document.title, style: { bold: true, size: 14 } }, { align: 'center', before: 12, after: 0 }),
    paragraph({ text: document.subject, style: { bold: true, size: 14 } }, { align: 'center', after: 0 }),
    paragraph('', { rule: true, ruleIndent: 3200, after: 12 }),
  ];
  if (document.kind === 'decision') {
    parts.push(
      paragraph({ text: document.authority ?? '', style: { bold: true, size: 14 } }, { align: 'center', after: 12 }),
      ...document.bases.map((line) => paragraph({ text: line, style: { italic: true } }, { align: 'both', firstLine: 1 })),
      ...(document.proposal ? [paragraph({ text: document.proposal, style: { italic: true } }, { align: 'both', firstLine: 1 })] : []),
      paragraph({ text: document.decides ?? '', style: { bold: true, size: 14 } }, { align: 'center', before: 6, after: 6 }),
      ...document.articles.map((article) => paragraph([{ text: `${article.label} `, style: { bold: true } }, article.text], { align: 'both', firstLine: 1 })),
    );
  } else {
    parts.push(
      paragraph(document.addressee ?? '', { align: 'center', after: 12 }),
      ...document.bases.map(body),
      ...document.paragraphs.map(body),
    );
  }
  parts.push(signatureBlock(document));
  return parts;
}

function annexPart(document: DecisionDocument, annex: DecisionAnnex): string[] {
  const small = (text: string, bold = false, align: 'center' | 'left' = 'center') => paragraph({ text, style: { bold, size: 13 } }, { align, after: 0 });
  const columns = [700, 4000, TEXT_WIDTH - 4700];
  const rows: Cell[][] = [[cell(columns[0], small('STT', true)), cell(columns[1], small('Tên tập thể, họ và tên cá nhân', true)), cell(columns[2], small('Chức vụ, đơn vị', true))]];
  for (const section of annex.sections) {
    rows.push([cell(columns[0], small(section.numeral, true)), cell(columns[1], small(`${section.title} (${countText(section.count)})`, true, 'left')), cell(columns[2])]);
    for (const unit of section.units) {
      rows.push([cell(columns[0]), cell(columns[1], small(unit.unit, true, 'left')), cell(columns[2])]);
      for (const entry of unit.entries) {
        rows.push([cell(columns[0], small(String(entry.seq))), cell(columns[1], small(entry.name, false, 'left')), cell(columns[2], small(entry.detail, false, 'left'))]);
      }
    }
  }
  return [
    paragraph({ text: annex.title, style: { bold: true, size: 14 } }, { align: 'center', after: 0 }),
    paragraph({ text: annex.subtitle, style: { bold: true, size: 14 } }, { align: 'center', after: 0 }),
    paragraph({ text: annex.reference, style: { italic: true, size: 14 } }, { align: 'center', after: 0 }),
    paragraph('', { rule: true, ruleIndent: 3200, after: 12 }),
    table(rows, { borders: true, header: true }),
    paragraph({ text: `Tổng số: ${countText(annex.total)} (${recipientCountText(document.counts)}).`, style: { italic: true } }, { before: 6 }),
  ];
}

const meta = (document: DecisionDocument, at: string, title: string) => ({
  title,
  author: document.issuerLines.map((line) => line.text).join(' '),
  at,
});

/** The Quyết định or Tờ trình with its danh sách kèm theo on the following pages. */
export function decisionDocx(document: DecisionDocument, at: string): Buffer {
  return docxPackage([...mainPart(document), PAGE_BREAK, ...annexPart(document, document.annex)].join(''), meta(document, at, `${document.title} ${document.number}`));
}

/** The danh sách kèm theo alone. */
export function annexDocx(document: DecisionDocument, at: string): Buffer {
  return docxPackage(annexPart(document, document.annex).join(''), meta(document, at, `${document.annex.title} ${document.annex.reference}`));
}

function certificatePage(certificate: Certificate): string[] {
  return [
    centered(certificate.nationalTitle, true, 14),
    centered(certificate.motto, true, 14),
    paragraph('', { rule: true, ruleIndent: 3000, after: 36 }),
    centered(certificate.grantor, true, 16),
    paragraph({ text: certificate.heading, style: { bold: true, size: 28 } }, { align: 'center', before: 24, after: 24 }),
    paragraph({ text: certificate.recipient, style: { bold: true, size: 20 } }, { align: 'center', after: 6 }),
    ...(certificate.recipientDetail ? [centered(certificate.recipientDetail, false, 14)] : []),
    paragraph({ text: certificate.citation, style: { italic: true, size: 14 } }, { align: 'center', before: 18, after: 36 }),
    table(
      [
        [
          cell(Math.floor(TEXT_WIDTH / 2), paragraph('', {}), centered(certificate.decisionReference, false, 12, true)),
          cell(
            TEXT_WIDTH - Math.floor(TEXT_WIDTH / 2),
            centered(certificate.placeAndDate, false, 13, true),
            ...certificate.signature.lines.map((line) => centered(line, true, 14)),
            paragraph('', { after: 24 }),
            paragraph('', { after: 24 }),
            centered(certificate.signature.fullName, true, 14),
          ),
        ],
      ],
      { borders: false },
    ),
  ];
}

/** Every certificate of a decision, one page each. */
export function certificatesDocx(document: DecisionDocument, at: string): Buffer {
  const pages = document.certificates.map((certificate) => certificatePage(certificate).join(''));
  return docxPackage(pages.join(PAGE_BREAK), meta(document, at, `${document.certificates[0]?.heading ?? ''} ${document.number}`));
}
