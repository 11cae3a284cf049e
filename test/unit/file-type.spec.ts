import { inflateRawSync } from 'node:zlib';
import { attachmentDisposition, documentFileName } from '../../src/dossiers/file-names';
import { detectFileType, officePackageType, zipEntryNames } from '../../src/dossiers/file-type';
import { DOSSIER_FILES, pdfOfSize } from '../support/dossier-files';

/** A dossier file's type comes from its bytes: magic numbers, and for DOCX/XLSX the ZIP's own table of contents. */
describe('detecting the type of a dossier file from its content', () => {
  it.each([
    ['a PDF', DOSSIER_FILES.pdf('Tờ trình đề nghị khen thưởng', ['Lò Thị Hương']), 'pdf'],
    ['a Word document', DOSSIER_FILES.docx('Báo cáo thành tích', ['Lò Thị Hương, giáo viên Trường Tiểu học Bình Lư']), 'docx'],
    ['an Excel workbook', DOSSIER_FILES.xlsx('Danh sách kèm theo', [['Lò Thị Hương'], ['Lường Thị Nga']]), 'xlsx'],
    ['a PNG scan', DOSSIER_FILES.png(), 'png'],
    ['a JPEG photo', DOSSIER_FILES.jpeg(), 'jpeg'],
  ])('recognises %s', (_name, content, type) => {
    expect(detectFileType(content)).toBe(type);
  });

  it.each([
    ['plain text saved as .pdf', DOSSIER_FILES.textNamedPdf('Báo cáo thành tích')],
    ['a ZIP of scans', DOSSIER_FILES.zipOfScans()],
    ['a Word-looking ZIP without [Content_Types].xml', DOSSIER_FILES.docxWithoutContentTypes()],
    ['a macro-enabled Word document', DOSSIER_FILES.docxWithMacros()],
    ['a Word 97–2003 .doc', DOSSIER_FILES.legacyDoc()],
    ['a GIF', DOSSIER_FILES.gif()],
    ['an empty file', Buffer.alloc(0)],
    ['"%PDF-" without a version', Buffer.from('%PDF-x')],
    ['a PNG signature without its header chunk', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
  ])('refuses %s', (_name, content) => {
    expect(detectFileType(content)).toBeNull();
  });

  it('reads a DOCX by its central directory, and refuses the same package cut short', () => {
    const docx = DOSSIER_FILES.docx('Báo cáo thành tích');
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'docProps/core.xml']);
    expect(zipEntryNames(docx.subarray(0, docx.length - 10))).toBeNull();
    expect(detectFileType(docx.subarray(0, docx.length - 10))).toBeNull();
  });

  it('tells Word from Excel only when the package holds one of them', () => {
    expect(officePackageType(['[Content_Types].xml', 'word/document.xml'])).toBe('docx');
    expect(officePackageType(['[Content_Types].xml', 'xl/workbook.xml'])).toBe('xlsx');
    expect(officePackageType(['[Content_Types].xml', 'word/document.xml', 'xl/workbook.xml'])).toBeNull();
    expect(officePackageType(['[Content_Types].xml', 'ppt/presentation.xml'])).toBeNull();
    expect(officePackageType(null)).toBeNull();
  });

  it('builds sample files that other programs can read: the DOCX text is the Vietnamese title', () => {
    const docx = DOSSIER_FILES.docx('Báo cáo thành tích của Lò Thị Hương');
    // The first entry's local header: name length at 26, extra length at 28, then the deflated data.
    const nameLength = docx.readUInt16LE(26);
    const compressedSize = docx.readUInt32LE(18);
    const start = 30 + nameLength + docx.readUInt16LE(28);
    expect(inflateRawSync(docx.subarray(start, start + compressedSize)).toString('utf8')).toContain('word/document.xml');
    const pdf = DOSSIER_FILES.pdf('Tờ trình đề nghị khen thưởng').toString('latin1');
    expect(pdf).toMatch(/^%PDF-1\.7/);
    expect(pdf).toContain('/ActualText <FEFF');
    expect(pdf.trimEnd()).toMatch(/%%EOF$/);
    expect(pdfOfSize(4096)).toHaveLength(4096);
    expect(detectFileType(pdfOfSize(4096))).toBe('pdf');
  });
});

describe('the name a document is kept and downloaded under', () => {
  it('keeps a Vietnamese name in NFC, drops folders and control characters, and matches the extension to the content', () => {
    expect(documentFileName('Báo cáo thành tích.pdf', 'pdf', 'x')).toBe('Báo cáo thành tích.pdf');
    expect(documentFileName('Ba\u0301o ca\u0301o.PDF', 'pdf', 'x')).toBe('Báo cáo.pdf');
    expect(documentFileName('C:\\Users\\vhxh\\Tờ trình.docx', 'docx', 'x')).toBe('Tờ trình.docx');
    expect(documentFileName('../../etc/passwd', 'pdf', 'x')).toBe('passwd.pdf');
    expect(documentFileName('Báo cáo.docx', 'pdf', 'x')).toBe('Báo cáo.pdf');
    expect(documentFileName('bien-ban\u202Efdp.exe', 'pdf', 'x')).toBe('bien-banfdp.exe.pdf');
    expect(documentFileName('scan.JPG', 'jpeg', 'x')).toBe('scan.jpg');
    expect(documentFileName('', 'png', 'Biên bản họp Hội đồng')).toBe('Biên bản họp Hội đồng.png');
    expect(documentFileName('.pdf', 'pdf', 'Tờ trình')).toBe('Tờ trình.pdf');
  });

  it('offers an ASCII filename and the exact UTF-8 one in Content-Disposition', () => {
    expect(attachmentDisposition('Báo cáo thành tích "Đèo Văn Piêng".pdf')).toBe(
      `attachment; filename="Bao cao thanh tich _Deo Van Pieng_.pdf"; filename*=UTF-8''${encodeURIComponent('Báo cáo thành tích "Đèo Văn Piêng".pdf')}`,
    );
    expect(attachmentDisposition("Tờ trình (bản cuối)'s.pdf")).toContain("filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29%27s.pdf");
  });
});
