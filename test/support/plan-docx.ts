import { docxPackage, paragraph, table, TEXT_WIDTH } from '../../src/councils/minutes/wordprocessing';

/**
 * A plan's text written as a DOCX the way offices lay it out: lines holding a tab (the header's two columns) in a
 * borderless two-column table, markdown table rows in a bordered table, every other line a paragraph (Roman-numbered
 * headings in bold).
 */
export function planDocx(text: string, author: string): Buffer {
  const half = Math.floor(TEXT_WIDTH / 2);
  const body: string[] = [];
  let header: string[][] = [];
  let rows: string[][] = [];
  const flushHeader = () => {
    if (header.length === 0) return;
    body.push(table([[0, 1].map((column) => ({ content: header.map((row) => paragraph(row[column] ?? '')), width: half }))], { borders: false }));
    header = [];
  };
  const flushRows = () => {
    if (rows.length === 0) return;
    const width = Math.floor(TEXT_WIDTH / rows[0].length);
    body.push(table(rows.map((cells) => cells.map((cell) => ({ content: [paragraph(cell)], width }))), { borders: true, header: true }));
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      header.push(line.split('\t'));
      continue;
    }
    flushHeader();
    if (line.startsWith('|')) {
      if (!/^\|[-|\s:]+\|$/.test(line)) rows.push(line.slice(1, -1).split('|').map((cell) => cell.trim()));
      continue;
    }
    flushRows();
    body.push(paragraph(line === '' ? '' : [{ text: line, style: { bold: /^[IVX]+\./.test(line) } }]));
  }
  flushHeader();
  flushRows();
  return docxPackage(body.join(''), { title: 'Kế hoạch', author, at: '2026-02-05T08:00:00.000Z' });
}
