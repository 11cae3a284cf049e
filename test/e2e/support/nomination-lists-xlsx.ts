import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { NOMINATION_COLUMNS, type NominationColumnKey } from '../../../workflows/spreadsheets';
import { UNITS } from './binh-lu-fixtures';

/** supertest's parser for a binary answer (an XLSX download): the body as one Buffer. */
export function binaryBody(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

export async function openWorkbook(content: Buffer | Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((Buffer.isBuffer(content) ? content : (content.body as Buffer)) as unknown as ArrayBuffer);
  return workbook;
}

/** The values of one row, column A first. */
export function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): ExcelJS.CellValue[] {
  const values = sheet.getRow(rowNumber).values as ExcelJS.CellValue[];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => values[index + 1] ?? null);
}

export type ListRow = Partial<Record<NominationColumnKey, ExcelJS.CellValue>>;

/** Fills the template's list sheet, row 2 on, one row per entry (keys are the template's columns). */
export async function fillTemplate(template: Buffer, rows: ListRow[]): Promise<Buffer> {
  const workbook = await openWorkbook(template);
  const sheet = workbook.getWorksheet('Danh sách đề nghị');
  if (!sheet) throw new Error('The template has no list sheet');
  const headings = rowValues(sheet, 1);
  rows.forEach((row, index) => {
    const cells = headings.map((heading) => {
      const column = NOMINATION_COLUMNS.find((candidate) => candidate.heading === heading);
      return column ? (row[column.key] ?? null) : null;
    });
    sheet.getRow(index + 2).values = cells;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of one sheet with the rows given as they are (headings included). */
export async function plainWorkbook(rows: ExcelJS.CellValue[][], sheetName = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FAMILY = ['Lò', 'Lường', 'Tòng', 'Đèo', 'Sùng', 'Vàng', 'Giàng', 'Hoàng', 'Tẩn', 'Chảo', 'Lù', 'Sần', 'Quàng', 'Cầm', 'Điêu'];
const MEN = ['Thắng', 'Hải', 'Toán', 'Dũng', 'Quân', 'Khiêm', 'Tiến', 'Sinh', 'Piềng', 'Chử', 'Páo', 'Sơn', 'Tuấn'];
const WOMEN = ['Xuân', 'Mai', 'Dung', 'Hương', 'Nga', 'Xiêm', 'Mỷ', 'Phương', 'Hoa', 'Lan', 'Yến', 'Thu'];

/** The i-th person of a list: a Thái, Mông, Dao or Kinh name of Bình Lư, never the same twice for i < 360. */
export function personName(i: number): { fullName: string; man: boolean } {
  const man = i % 2 === 0;
  const givenNames = man ? MEN : WOMEN;
  const k = Math.floor(i / 2);
  const family = FAMILY[Math.floor(k / givenNames.length) % FAMILY.length];
  const middle = man ? (family === 'Sùng' || family === 'Giàng' || family === 'Chảo' ? 'A' : 'Văn') : 'Thị';
  return { fullName: `${family} ${middle} ${givenNames[k % givenNames.length]}`, man };
}

/** The units of the commune and the people and collectives they propose, with the forms offices use for each. */
const UNIT_PROFILES = [
  { unit: UNITS.truongTieuHoc.name, category: 'Cán bộ, công chức, viên chức', position: 'Giáo viên', collective: 'Tổ chuyên môn khối {n} Trường Tiểu học Bình Lư' },
  { unit: UNITS.banBinhLu.name, category: 'Công nhân, nông dân', position: 'Nông dân', collective: 'Tổ dân vận bản Bình Lư số {n}' },
  { unit: UNITS.htxNongNghiep.name, category: 'Công nhân, nông dân', position: 'Xã viên', collective: 'Tổ sản xuất rau an toàn số {n}' },
  { unit: UNITS.congTyChe.name, category: 'Công nhân, nông dân', position: 'Công nhân chế biến chè', collective: 'Phân xưởng chế biến chè số {n}' },
  { unit: UNITS.trungTamDichVu.name, category: 'Cán bộ, công chức, viên chức', position: 'Viên chức', collective: 'Tổ dịch vụ nông nghiệp số {n}' },
] as const;

/**
 * The i-th good row of an office's list for its units: mostly people (Lao động tiên tiến, Chiến sĩ thi đua cơ sở,
 * Giấy khen), some collectives (Tập thể lao động tiên tiến) and, for the village, households (Gia đình văn hóa).
 * Dates of birth alternate between Excel date cells and dd/mm/yyyy text.
 */
export function goodRow(i: number): ListRow {
  const profile = UNIT_PROFILES[i % UNIT_PROFILES.length];
  const base = { organization: profile.unit, awardYear: 2026 };
  if (i % 10 === 3 || i % 10 === 5 || i % 10 === 7) {
    return { ...base, form: 'Tập thể lao động tiên tiến', nomineeKind: 'Tập thể', name: profile.collective.replace('{n}', String(Math.floor(i / 10) + 1)), achievements: 'Hoàn thành tốt nhiệm vụ năm 2026; 100% thành viên hoàn thành nhiệm vụ.' };
  }
  if (i % 10 === 6) {
    // i % 5 === 1: the village, whose households are proposed as Gia đình văn hóa.
    const head = personName(300 + i);
    return {
      ...base,
      form: 'gia-dinh-van-hoa',
      nomineeKind: 'Hộ gia đình',
      name: `Hộ ${head.man ? 'ông' : 'bà'} ${head.fullName}`,
      householdHead: head.fullName,
      address: 'Bản Bình Lư, xã Bình Lư',
      achievements: 'Gia đình gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước; tích cực tham gia xây dựng nông thôn mới.',
    };
  }
  const person = personName(i);
  const born = new Date(Date.UTC(1970 + (i % 30), i % 12, 1 + (i % 28)));
  const dateOfBirth = i % 2 ? born : `${String(born.getUTCDate()).padStart(2, '0')}/${String(born.getUTCMonth() + 1).padStart(2, '0')}/${born.getUTCFullYear()}`;
  const individual = { ...base, nomineeKind: 'Cá nhân', name: person.fullName, dateOfBirth, position: profile.position, unitName: profile.unit, category: profile.category };
  const workerFarmer = profile.category === 'Công nhân, nông dân';
  switch (i % 3) {
    case 0:
      return {
        ...individual,
        form: 'Lao động tiên tiến',
        criterion: workerFarmer ? 'Công nhân, nông dân: lao động sản xuất có hiệu quả, chấp hành tốt pháp luật' : undefined,
        achievements: 'Hoàn thành tốt nhiệm vụ được giao, tích cực tham gia phong trào thi đua.',
      };
    case 1:
      return {
        ...individual,
        form: 'chien-si-thi-dua-co-so',
        criterion: 'hoan-thanh-xuat-sac',
        achievements: 'Đạt danh hiệu Lao động tiên tiến năm 2026, hoàn thành xuất sắc nhiệm vụ.',
      };
    default:
      return {
        ...individual,
        form: 'Giấy khen của Chủ tịch UBND xã',
        criterion: 'Gương mẫu, hoàn thành tốt nhiệm vụ, có thành tích trong phong trào thi đua',
        achievements: 'Có thành tích trong phong trào thi đua "Chung sức xây dựng nông thôn mới" năm 2026.',
      };
  }
}
