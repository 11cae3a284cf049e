import type { ExtractedField } from '../campaign-types';
import { isoDate } from './dates';
import type { PlanDocument } from './document';
import { found, notFound, uncertain } from './fields';
import { foldKey, isUppercaseLine, sentenceAt, upperFirst, type PlanLine } from './text';

/** The header and title: plan number, date, title, issuing organization. */

const NUMBER_LINE = /^Số\s*(?:hiệu)?\s*:\s*(.*)$/iu;

export function readPlanNumber(document: PlanDocument): ExtractedField<string | null> {
  const line = [...document.header, ...document.lines.slice(0, 15)].find((l) => NUMBER_LINE.test(l.text));
  if (!line) return notFound('Không thấy dòng «Số: …» của kế hoạch.');
  const value = NUMBER_LINE.exec(line.text)![1].replace(/\s+/g, '');
  if (/^\d[\w.\-]*\/[\p{L}\d\-/.]+$/u.test(value)) return found(value, [line.text]);
  return notFound(`Số kế hoạch để trống («${line.text}»): kế hoạch chưa được cấp số, cần điền khi ban hành.`, [line.text]);
}

const DATE_LINE = /ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})/iu;
const DATE_LINE_NUMERIC = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/iu;

function dateLine(document: PlanDocument): PlanLine | undefined {
  const candidates = [...document.header, ...document.lines.slice(0, 15)];
  return candidates.find((l) => /^[\p{L} .\-]+,\s*ngày\b/iu.test(l.text) && (DATE_LINE.test(l.text) || DATE_LINE_NUMERIC.test(l.text)));
}

export function readPlanDate(document: PlanDocument): ExtractedField<string | null> {
  const line = dateLine(document);
  if (!line) return notFound('Không thấy dòng địa danh, ngày tháng năm ban hành.');
  const m = DATE_LINE.exec(line.text) ?? DATE_LINE_NUMERIC.exec(line.text)!;
  const [dayText, monthText, yearText] = [m[1], m[2], m[3]];
  if (dayText && monthText) {
    const date = isoDate(+yearText, +monthText, +dayText);
    if (date) return found(date, [line.text]);
    return uncertain(null, [line.text], `Ngày ban hành không hợp lệ: «${m[0]}».`);
  }
  const partial = monthText ? `tháng ${+monthText} năm ${yearText}` : `năm ${yearText}`;
  return uncertain(null, [line.text], `Ngày ban hành để trống; kế hoạch chỉ ghi ${partial}.`);
}

/** The place of the date line ("Bình Lư" in "Bình Lư, ngày … tháng 01 năm 2026"). */
export function readPlace(document: PlanDocument): string | null {
  const line = dateLine(document);
  return line ? line.text.split(',')[0].trim() : null;
}

export function readTitle(document: PlanDocument): ExtractedField<string> {
  if (document.titleLines.length === 0) return notFound('Không thấy tên kế hoạch sau chữ «KẾ HOẠCH».');
  const title = document.titleLines
    .map((line) => line.text.replace(/^KẾ HOẠCH\s+/u, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return found(title, document.titleLines.map((line) => line.text));
}


const ISSUING = /(?:^|[;,.:]\s*|\s)((?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Ban|Phòng|Hội đồng|Bộ|Cục|Chi cục|Văn phòng|Trường|Bệnh viện|Trung tâm|Công an|Liên đoàn|Đảng ủy|Tỉnh đoàn|Hội|Công ty|Ngân hàng|Viện|Đài)(?![\p{L}\d])[^;,.:]*?)\s+(?:xây dựng và\s+)?(?:ban hành|xây dựng)\s+(?:kế hoạch|Kế hoạch)/u;

const NATIONAL_MOTTO = /^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP)/u;

/** An upper-case header line → the usual case of Vietnamese names: "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo". */
export function headerCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  const placeWords = /(?<=^|\s)(tỉnh|thành phố|huyện|quận|thị xã|xã(?! hội)|phường|thị trấn|bản|thôn)\s+(.+)$/u;
  const place = placeWords.exec(lower);
  let head = place ? lower.slice(0, place.index).trim() : lower;
  const tail = place ? `${place[1]} ${place[2].split(' ').map(upperFirst).join(' ')}` : '';
  const agency = /^(sở|bộ|ban|phòng|cục|chi cục|tổng cục|vụ|viện|trung tâm|trường|đài|hội đồng|văn phòng)\s+(.+)$/u.exec(head);
  if (agency && !/^(nhân dân|ủy ban)/u.test(agency[2])) {
    const fields = agency[2].split(/(\s+và\s+|,\s*|\s+[-–]\s+)/u).map((part) => (/^(\s+và\s+|,\s*|\s+[-–]\s+)$/u.test(part) ? part : upperFirst(part)));
    head = `${agency[1]} ${fields.join('')}`;
  }
  head = head.replace(/\bubnd\b/gu, 'UBND');
  return upperFirst([head, tail].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim());
}

function headerIssuer(document: PlanDocument): { name: string; sources: string[] } | null {
  const lines = document.header.filter(
    (line) => isUppercaseLine(line.text) && !NATIONAL_MOTTO.test(line.text) && !/^Số\s*:/iu.test(line.text),
  );
  if (lines.length === 0) return null;
  const names = lines.map((line) => headerCase(line.text));
  // Two lines: the body above ("UBND TỈNH LAI CHÂU") and the issuer ("SỞ GIÁO DỤC VÀ ĐÀO TẠO"), or one name on two
  // lines ("ỦY BAN NHÂN DÂN" / "TỈNH LAI CHÂU").
  let name: string;
  if (names.length >= 2 && /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?=\s)/iu.test(names[names.length - 1])) {
    name = `${names[names.length - 2]} ${names[names.length - 1].charAt(0).toLowerCase()}${names[names.length - 1].slice(1)}`;
  } else if (names.length >= 2) {
    const above = /(tỉnh|thành phố|huyện|xã|phường)\s+.+$/u.exec(names[names.length - 2]);
    const own = names[names.length - 1];
    name = above && !/(tỉnh|thành phố|huyện|xã|phường)\s/u.test(own) ? `${own} ${above[0]}` : own;
  } else {
    name = names[0];
  }
  return { name: name.replace(/^Ủy ban nhân dân|^Uỷ ban nhân dân/u, 'Ủy ban nhân dân'), sources: lines.map((line) => line.text) };
}

function sentenceIssuer(document: PlanDocument): { name: string; source: string } | null {
  for (const line of [...document.preamble, ...document.titleLines]) {
    const m = ISSUING.exec(line.text.slice(0, 2000));
    if (!m) continue;
    const name = m[1].trim().replace(/^Uỷ ban/u, 'Ủy ban');
    return { name, source: sentenceAt(line.text, m.index + m[0].indexOf(m[1])) };
  }
  return null;
}

export function readIssuer(document: PlanDocument): ExtractedField<string> {
  const fromSentence = sentenceIssuer(document);
  const fromHeader = headerIssuer(document);
  if (fromSentence && fromHeader) {
    const sentenceKey = foldKey(expandUbnd(fromSentence.name));
    const headerKey = foldKey(expandUbnd(fromHeader.name));
    if (headerKey.startsWith(sentenceKey) && headerKey.length > sentenceKey.length) {
      return found(fromHeader.name, [...fromHeader.sources, fromSentence.source]);
    }
    if (headerKey === sentenceKey || sentenceKey.startsWith(headerKey)) {
      return found(expandUbnd(fromSentence.name), [...fromHeader.sources, fromSentence.source]);
    }
    return uncertain(expandUbnd(fromSentence.name), [fromSentence.source, ...fromHeader.sources],
      `Tên cơ quan ở phần đầu («${fromHeader.name}») khác tên trong câu ban hành; cần kiểm tra.`);
  }
  if (fromSentence) return found(expandUbnd(fromSentence.name), [fromSentence.source]);
  if (fromHeader) return found(fromHeader.name, fromHeader.sources);
  const signature = document.closing.find((line) => /^(TM|KT)\.\s*/u.test(line.text));
  const place = readPlace(document);
  if (signature && place) {
    const body = headerCase(signature.text.replace(/^(TM|KT)\.\s*/u, '').split(/\s{2,}|\n/)[0]);
    return uncertain(`${body} ${place}`, [signature.text], `Kế hoạch không ghi tên cơ quan ban hành; đọc từ chữ ký «${signature.text}» và địa danh «${place}», cần ghi rõ cấp (xã, tỉnh…).`);
  }
  return notFound('Không thấy tên cơ quan ban hành.');
}

export function expandUbnd(name: string): string {
  return name.replace(/^UBND\b/u, 'Ủy ban nhân dân');
}
