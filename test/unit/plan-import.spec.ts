import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxPackage, escapeXml, paragraph } from '../../src/councils/minutes/wordprocessing';
import { loadRuleSets } from '../../workflows';
import { planDocx } from '../support/plan-docx';
import type { CampaignDraft, ExtractedField } from '../../workflows/campaigns/campaign-types';
import { extractDocxText, parseCampaignPlan, type PlanCatalog } from '../../workflows/campaigns/plan-import';
import { mapFormName } from '../../workflows/campaigns/plan-import/award-forms';
import { timeExpressions, timeRanges } from '../../workflows/campaigns/plan-import/dates';
import { documentXmlText } from '../../workflows/campaigns/plan-import/docx-text';
import { headerCase } from '../../workflows/campaigns/plan-import/header';
import { normalizeLines } from '../../workflows/campaigns/plan-import/text';

/**
 * The plan parser against the three plans of ../shared/plans (every field they state, read by hand from the plans)
 * and against two plans of other layouts written for these tests (a provincial agency's, a province's).
 */

const ruleSet = loadRuleSets().inForce('lai-chau', '2026-05-01');
const catalog: PlanCatalog = { forms: ruleSet.forms.map((form) => ({ code: form.code, name: form.name, category: form.category })) };

const plan = (name: string) => readFileSync(join(__dirname, '../../../shared/plans', name), 'utf8');
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/plans', name), 'utf8');

/** Every source a draft cites is a sentence (or a run of sentences) of the plan's normalized text. */
function expectSourcesFromText(draft: CampaignDraft, text: string) {
  const normalized = normalizeLines(text).map((line) => line.text).join('\n');
  for (const [name, field] of Object.entries(draft.fields) as [string, ExtractedField<unknown>][]) {
    if (field.status !== 'not-found') expect({ name, sources: field.sources.length > 0 }).toEqual({ name, sources: true });
    for (const source of field.sources) expect({ name, inText: normalized.includes(source) }).toEqual({ name, inText: true });
  }
  for (const form of draft.unmappedForms) expect(normalized.includes(form.source)).toBe(true);
}

function expectFound<T>(field: ExtractedField<T>, value: T) {
  expect(field.status).toBe('found');
  expect(field.value).toEqual(value);
}

function expectNotFound(field: ExtractedField<unknown>) {
  expect(field.status).toBe('not-found');
  expect(field.value).toBeNull();
  expect(field.note).toEqual(expect.any(String));
}

const HUAN_CHUONG_LAO_DONG = ['huan-chuong-lao-dong-hang-ba', 'huan-chuong-lao-dong-hang-nhi', 'huan-chuong-lao-dong-hang-nhat'];

describe('the Bình Lư plan "Phát triển mạnh doanh nghiệp tư nhân, nâng cao hiệu quả doanh nghiệp nhà nước"', () => {
  const text = plan('binh-lu-2026-doanh-nghiep.txt');
  const draft = parseCampaignPlan(text, catalog);
  const { fields } = draft;

  it('reads the header: the issuer, a blank number, a date with its day left blank', () => {
    expectFound(fields.issuingOrganizationName, 'Ủy ban nhân dân xã Bình Lư');
    expect(fields.issuingOrganizationName.sources).toEqual([
      'Ủy ban nhân dân xã Bình Lư ban hành Kế hoạch triển, thực hiện Phong trào thi đua “Phát triển mạnh doanh nghiệp tư nhân, nâng cao hiệu quả doanh nghiệp nhà nước” trên địa bàn xã Bình Lư như sau:',
    ]);
    expectNotFound(fields.planNumber);
    expect(fields.planNumber.sources).toEqual(['Số: /KH-UBND']);
    expect(fields.planNumber.note).toContain('để trống');
    expect(fields.planDate).toMatchObject({ value: null, status: 'uncertain', sources: ['Bình Lư, ngày tháng 5 năm 2026'] });
    expect(fields.planDate.note).toContain('tháng 5 năm 2026');
  });

  it('reads the title and the legal basis', () => {
    expectFound(
      fields.title,
      'Triển khai, thực hiện Phong trào thi đua “Phát triển mạnh doanh nghiệp tư nhân, nâng cao hiệu quả doanh nghiệp nhà nước” trên địa bàn xã Bình Lư',
    );
    expectFound(fields.legalBasis, [
      { text: 'Kế hoạch số 3075/KH-UBND ngày 23/4/2026 của UBND tỉnh Lai Châu', documentNumber: '3075/KH-UBND', date: '2026-04-23' },
    ]);
  });

  it('reads the period and the two phases', () => {
    expectFound(fields.period, { from: '2026-01-01', to: '2030-12-31', text: 'từ năm 2026 đến năm 2030' });
    expect(fields.period.sources).toEqual(['Phong trào thi đua được triển khai thực hiện từ năm 2026 đến năm 2030, chia thành các giai đoạn:']);
    expectFound(fields.phases, [
      { name: 'Giai đoạn I', period: { from: '2026-01-01', to: '2028-06-11', text: 'từ năm 2026 đến ngày 11/6/2028' } },
      { name: 'Giai đoạn II', period: { from: '2028-07-01', to: '2030-12-31', text: 'từ tháng 7/2028 đến năm 2030' } },
    ]);
  });

  it('reads the sơ kết in quý II/2028 and the tổng kết at the end of 2030 with their forms; Huân chương Lao động without a class is uncertain', () => {
    expect(fields.reviews.status).toBe('uncertain');
    expect(fields.reviews.value).toEqual([
      {
        kind: 'midterm',
        period: { from: '2028-04-01', to: '2028-06-30', text: 'quý II/2028' },
        allowedFormCodes: ['bang-khen-thu-tuong', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'],
      },
      {
        kind: 'final',
        period: { from: '2030-10-01', to: '2030-12-31', text: 'cuối năm 2030' },
        allowedFormCodes: [...HUAN_CHUONG_LAO_DONG, 'co-thi-dua-chinh-phu', 'bang-khen-thu-tuong', 'co-thi-dua-tinh', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'],
      },
    ]);
    expect(fields.reviews.note).toContain('«Huân chương Lao động» không ghi rõ');
    expect(fields.reviews.note).toContain('«cuối năm 2030»');
    expect(fields.reviews.sources).toEqual(
      expect.arrayContaining([
        'Khen thưởng sơ kết',
        'Bằng khen của Thủ tướng Chính phủ;',
        'Khen thưởng tổng kết',
        'Huân chương Lao động;',
        'Cờ Thi đua của tỉnh;',
        'Tham mưu cho UBND xã tiến hành sơ kết Phong trào thi đua vào quý II/2028, tổng kết Phong trào thi đua vào cuối năm 2030 bằng hình thức phù hợp.',
      ]),
    );
    expect(draft.unmappedForms).toEqual([]);
  });

  it('reads the criteria per nominee category, a doanh nhân block inside the cá nhân one', () => {
    expect(fields.criteria.status).toBe('found');
    expect(fields.criteria.value!.map((c) => [c.nomineeCategory, (c as { label?: string }).label])).toEqual([
      ['collective', 'Đối với các cơ quan, đơn vị, ban ngành, đoàn thể'],
      ['collective', 'Đối với Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh'],
      ['enterprise', 'Đối với các doanh nghiệp'],
      ['entrepreneur', 'Với doanh nhân'],
      ['individual', 'Với cán bộ, công chức, viên chức'],
    ]);
    expect(fields.criteria.value![2].text).toMatch(/^- Sản xuất kinh doanh hiệu quả, bền vững, hợp pháp\./);
    expect(fields.criteria.value![3].text.split('\n')).toHaveLength(2);
    expect(fields.criteria.value![4].text).toMatch(/^có chuyên môn sâu/);
  });

  it('reads the offices of "Tổ chức thực hiện" and the yearly report due 10 November', () => {
    expect(fields.responsibleOffices.status).toBe('found');
    expect(fields.responsibleOffices.value!.map((office) => office.name)).toEqual([
      'Các cơ quan, đơn vị, địa phương, tổ chức, doanh nghiệp',
      'Phòng Kinh tế xã',
      'Phòng Văn hóa – Xã hội',
      'Trung tâm Dịch vụ tổng hợp',
      'Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội xã',
      'Hội đồng Thi đua - Khen thưởng các cơ quan, đơn vị thuộc xã',
    ]);
    expect(fields.responsibleOffices.value![2].duties).toContain('sơ kết Phong trào thi đua vào quý II/2028');
    expectFound(fields.reportDuties, [
      {
        reporters: 'Các cơ quan, đơn vị, địa phương, tổ chức, doanh nghiệp',
        recipient: 'UBND xã (qua Phòng Văn hóa – Xã hội)',
        dueMonthDay: '11-10',
        description: 'Báo cáo tình hình tổ chức thực hiện Phong trào thi đua',
      },
    ]);
  });

  it('cites only sentences of the plan', () => expectSourcesFromText(draft, text));
});

describe('the Bình Lư plan "Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh"', () => {
  const text = plan('binh-lu-2026-doi-moi-sang-tao.txt');
  const draft = parseCampaignPlan(text, catalog);
  const { fields } = draft;

  it('reads the header, the title and the legal basis', () => {
    expectFound(fields.issuingOrganizationName, 'Ủy ban nhân dân xã Bình Lư');
    expectNotFound(fields.planNumber);
    expect(fields.planDate).toMatchObject({ value: null, status: 'uncertain' });
    expect(fields.planDate.note).toContain('tháng 5 năm 2026');
    expectFound(
      fields.title,
      'Triển khai, thực hiện Phong trào thi đua “Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh” trên địa bàn xã Bình Lư',
    );
    expectFound(fields.legalBasis, [
      { text: 'Kế hoạch số 3076/KH-UBND ngày 23/4/2026 của UBND tỉnh Lai Châu', documentNumber: '3076/KH-UBND', date: '2026-04-23' },
    ]);
  });

  it('reads the period and the phases written "Giai đoạn 1 (từ 2026 - 2027)"', () => {
    expectFound(fields.period, { from: '2026-01-01', to: '2030-12-31', text: 'từ năm 2026 đến năm 2030' });
    expectFound(fields.phases, [
      { name: 'Giai đoạn 1', period: { from: '2026-01-01', to: '2027-12-31', text: 'từ 2026 - 2027' } },
      { name: 'Giai đoạn 2', period: { from: '2028-01-01', to: '2030-12-31', text: 'từ 2028 - 2030' } },
    ]);
  });

  it('reads the sơ kết in 2027 and the tổng kết in 2030, "Giấy khen của Chủ tịch UBND xã" mapped by its full name', () => {
    expect(fields.reviews.status).toBe('uncertain');
    expect(fields.reviews.value).toEqual([
      {
        kind: 'midterm',
        period: { from: '2027-01-01', to: '2027-12-31', text: 'năm 2027' },
        allowedFormCodes: ['bang-khen-thu-tuong', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'],
      },
      {
        kind: 'final',
        period: { from: '2030-01-01', to: '2030-12-31', text: 'năm 2030' },
        allowedFormCodes: [...HUAN_CHUONG_LAO_DONG, 'co-thi-dua-chinh-phu', 'bang-khen-thu-tuong', 'co-thi-dua-tinh', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'],
      },
    ]);
    // The only doubt is the class of the Huân chương.
    expect(fields.reviews.note).toBe(
      '«Huân chương Lao động» không ghi rõ; ứng với «Huân chương Lao động hạng Ba», «Huân chương Lao động hạng Nhì», «Huân chương Lao động hạng Nhất», cần chọn.',
    );
    expect(fields.reviews.sources).toEqual(
      expect.arrayContaining(['Giai đoạn 1 (từ 2026 - 2027): Sơ kết trong năm 2027.', 'Giai đoạn 2 (từ 2028 - 2030): Tổng kết trong năm 2030.']),
    );
    expect(draft.unmappedForms).toEqual([]);
  });

  it('reads the criteria for cơ quan, HTX and doanh nghiệp, cá nhân', () => {
    expect(fields.criteria.value!.map((c) => [c.nomineeCategory, (c as { label?: string }).label])).toEqual([
      ['collective', 'Đối với các cơ quan, đơn vị'],
      ['enterprise', 'Đối với các HTX, doanh nghiệp'],
      ['individual', 'Đối với cá nhân'],
    ]);
    expect(fields.criteria.value![2].text).toContain('- Đối tượng khác: Có nhiều đóng góp');
  });

  it('reads the seven offices, named by their heading or by the subject of their paragraph', () => {
    expect(fields.responsibleOffices.value!.map((office) => office.name)).toEqual([
      'Các cơ quan, ban, ngành đoàn thể, các bản, HTX, doanh nghiệp',
      'Phòng Văn hóa – Xã hội',
      'Phòng Kinh tế xã',
      'Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội xã',
      'Các HTX, doanh nghiệp',
      'Hội đồng Thi đua - Khen thưởng xã, các cơ quan, đơn vị',
      'Trung tâm Dịch vụ tổng hợp',
    ]);
    expect(fields.responsibleOffices.value![6].duties).toMatch(/^Đẩy mạnh công tác tuyên truyền/);
  });

  it('reads the yearly report due 10 November, its reporters from the sentence', () => {
    expectFound(fields.reportDuties, [
      {
        reporters: 'các cơ quan, ban, ngành đoàn thể, các bản, HTX, doanh nghiệp',
        recipient: 'UBND xã (qua Phòng Văn hóa – Xã hội)',
        dueMonthDay: '11-10',
        description: 'Báo cáo tình hình triển khai thực hiện Phong trào thi đua',
      },
    ]);
  });

  it('cites only sentences of the plan', () => expectSourcesFromText(draft, text));
});

describe('the Bình Lư plan for the 2026 socio-economic targets (no phases, reviews, criteria or dated report)', () => {
  const text = plan('binh-lu-2026-kinh-te-xa-hoi.txt');
  const draft = parseCampaignPlan(text, catalog);
  const { fields } = draft;

  it('reads the issuer from the sentence after a "Thực hiện" clause, the title without markdown, the Chỉ thị', () => {
    expectFound(fields.issuingOrganizationName, 'Ủy ban nhân dân xã Bình Lư');
    expectNotFound(fields.planNumber);
    expect(fields.planDate).toMatchObject({ value: null, status: 'uncertain' });
    expect(fields.planDate.note).toContain('tháng 1 năm 2026');
    expectFound(
      fields.title,
      'Phát động phong trào thi đua thực hiện thắng lợi mục tiêu, nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng – an ninh và dự toán ngân sách địa phương năm 2026',
    );
    expectFound(fields.legalBasis, [
      { text: 'Chỉ thị số 02/CT-UBND ngày 13/01/2026 của Ủy ban nhân dân tỉnh Lai Châu', documentNumber: '02/CT-UBND', date: '2026-01-13' },
    ]);
  });

  it('reads no stated period: the year of the title, marked uncertain', () => {
    expect(fields.period).toMatchObject({ value: { from: '2026-01-01', to: '2026-12-31', text: 'năm 2026' }, status: 'uncertain' });
    expect(fields.period.note).toContain('không nêu thời gian thực hiện');
  });

  it('marks what the plan does not state as not found', () => {
    expectNotFound(fields.phases);
    expectNotFound(fields.reviews);
    expectNotFound(fields.criteria);
    expectNotFound(fields.reportDuties);
    // It asks for periodic reports, without a due date: the sentence is shown, the duty is not invented.
    expect(fields.reportDuties.sources).toEqual([
      'Thực hiện chế độ báo cáo định kỳ hoặc đột xuất về kết quả triển khai phong trào thi đua gửi về Ủy ban nhân dân xã theo quy định.',
    ]);
    expect(draft.unmappedForms).toEqual([]);
  });

  it('reads the three offices of "IV. TỔ CHỨC THỰC HIỆN"', () => {
    expect(fields.responsibleOffices.value!.map((office) => office.name)).toEqual([
      'Các cơ quan chuyên môn, ban, ngành, đoàn thể xã, Trưởng các ban',
      'Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã',
      'Phòng Văn hóa – Xã hội',
    ]);
    expect(fields.responsibleOffices.value![2].duties).toMatch(/^Tham mưu Ủy ban nhân dân xã theo dõi, đôn đốc/);
  });

  it('cites only sentences of the plan', () => expectSourcesFromText(draft, text));
});

describe('a provincial agency’s plan (Sở Giáo dục và Đào tạo tỉnh Lai Châu): two-column header, a phase table, inline criteria', () => {
  const text = fixture('so-giao-duc-lai-chau-2026-doi-moi-day-hoc.txt');
  const draft = parseCampaignPlan(text, catalog);
  const { fields } = draft;

  it('reads the issuer from the header, a stated number and a full date', () => {
    expectFound(fields.issuingOrganizationName, 'Sở Giáo dục và Đào tạo tỉnh Lai Châu');
    expectFound(fields.planNumber, '125/KH-SGDĐT');
    expectFound(fields.planDate, '2026-02-05');
    expectFound(
      fields.title,
      'Tổ chức phong trào thi đua “Đổi mới, sáng tạo trong dạy và học” ngành Giáo dục và Đào tạo tỉnh Lai Châu giai đoạn 2026 - 2030',
    );
  });

  it('reads three legal bases: a law without a number, a decree, the province’s plan', () => {
    expectFound(fields.legalBasis, [
      { text: 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', date: '2022-06-15' },
      { text: 'Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ', documentNumber: '152/2025/NĐ-CP', date: '2025-06-14' },
      { text: 'Kế hoạch số 3076/KH-UBND ngày 23/4/2026 của UBND tỉnh Lai Châu', documentNumber: '3076/KH-UBND', date: '2026-04-23' },
    ]);
  });

  it('reads the period "đến hết năm 2030" and the phases from the table', () => {
    expectFound(fields.period, { from: '2026-03-01', to: '2030-12-31', text: 'từ tháng 3/2026 đến hết năm 2030' });
    expectFound(fields.phases, [
      { name: 'Giai đoạn 1', period: { from: '2026-03-01', to: '2028-06-30', text: 'Từ tháng 3/2026 đến tháng 6/2028' } },
      { name: 'Giai đoạn 2', period: { from: '2028-07-01', to: '2030-12-31', text: 'Từ tháng 7/2028 đến tháng 12/2030' } },
    ]);
  });

  it('maps "Giấy khen của Giám đốc Sở", leaves the Bộ trưởng’s Bằng khen unmapped and the undated tổng kết uncertain', () => {
    expect(fields.reviews.status).toBe('uncertain');
    expect(fields.reviews.value).toEqual([
      { kind: 'midterm', period: { from: '2028-06-01', to: '2028-06-30', text: 'tháng 6/2028' }, allowedFormCodes: ['bang-khen-chu-tich-tinh', 'giay-khen-thu-truong'] },
      { kind: 'final', period: fields.period.value, allowedFormCodes: ['bang-khen-chu-tich-tinh', 'giay-khen-thu-truong'] },
    ]);
    expect(fields.reviews.note).toContain('Kế hoạch không nêu thời điểm tổng kết');
    expect(fields.reviews.note).toContain('«Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo»');
    expect(draft.unmappedForms).toEqual([
      { text: 'Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo', source: 'Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo;' },
    ]);
  });

  it('reads the inline criteria "a) Đối với tập thể: …"', () => {
    expect(fields.criteria.value!.map((c) => c.nomineeCategory)).toEqual(['collective', 'individual', 'individual']);
    expect(fields.criteria.value![0].text).toMatch(/^Hoàn thành xuất sắc nhiệm vụ năm học;/);
    expect(fields.criteria.value![2].text).toMatch(/^Đạt giải trong các cuộc thi khoa học kỹ thuật/);
  });

  it('reads the offices and the report due 15 December to the Sở', () => {
    expect(fields.responsibleOffices.value!.map((office) => office.name)).toEqual([
      'Văn phòng Sở',
      'Các phòng chuyên môn thuộc Sở',
      'Các đơn vị trực thuộc, Phòng Văn hóa – Xã hội các xã, phường',
    ]);
    expectFound(fields.reportDuties, [
      {
        reporters: 'Các đơn vị trực thuộc, các trường trung học phổ thông',
        recipient: 'Sở Giáo dục và Đào tạo (qua Văn phòng Sở)',
        dueMonthDay: '12-15',
        description: 'Báo cáo kết quả thực hiện phong trào',
      },
    ]);
  });

  it('cites only sentences of the plan', () => expectSourcesFromText(draft, text));
});

describe('a province’s plan (UBND tỉnh Lai Châu): markdown headings, numbers "5.1" without a dot, inline form lists', () => {
  const text = fixture('ubnd-tinh-lai-chau-2026-giam-ngheo.md');
  const draft = parseCampaignPlan(text, catalog);
  const { fields } = draft;

  it('reads the header over two lines, the number, the date, a title over two lines', () => {
    expectFound(fields.issuingOrganizationName, 'Ủy ban nhân dân tỉnh Lai Châu');
    expectFound(fields.planNumber, '412/KH-UBND');
    expectFound(fields.planDate, '2026-03-20');
    expectFound(fields.title, 'Tổ chức phong trào thi đua “Lai Châu chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2026 - 2030');
    expectFound(fields.legalBasis, [
      { text: 'Chỉ thị số 05/CT-TTg ngày 10/02/2026 của Thủ tướng Chính phủ', documentNumber: '05/CT-TTg', date: '2026-02-10' },
    ]);
  });

  it('reads "Thời gian: Từ ngày 01/4/2026 đến ngày 31/12/2030." and both reviews from one sentence', () => {
    expectFound(fields.period, { from: '2026-04-01', to: '2030-12-31', text: 'Từ ngày 01/4/2026 đến ngày 31/12/2030' });
    expect(fields.reviews.value!.map((review) => [review.kind, review.period])).toEqual([
      ['midterm', { from: '2028-07-01', to: '2028-09-30', text: 'quý III/2028' }],
      ['final', { from: '2030-10-01', to: '2030-12-31', text: 'quý IV/2030' }],
    ]);
  });

  it('maps "hạng Nhì, hạng Ba" to both classes, "Cờ thi đua của UBND tỉnh" to co-thi-dua-tinh; a province’s bare "Giấy khen" is uncertain', () => {
    expect(fields.reviews.value![0].allowedFormCodes).toEqual(['bang-khen-chu-tich-tinh']);
    expect(fields.reviews.value![1].allowedFormCodes).toEqual([
      'huan-chuong-lao-dong-hang-nhi',
      'huan-chuong-lao-dong-hang-ba',
      'co-thi-dua-chinh-phu',
      'bang-khen-thu-tuong',
      'co-thi-dua-tinh',
      'bang-khen-chu-tich-tinh',
      'giay-khen-chu-tich-xa',
      'giay-khen-thu-truong',
    ]);
    expect(fields.reviews.status).toBe('uncertain');
    expect(fields.reviews.note).toContain('«Giấy khen» không ghi rõ');
    expect(draft.unmappedForms).toEqual([
      {
        text: 'Giải thưởng “Vì người nghèo tỉnh Lai Châu”',
        source: 'Khen thưởng sơ kết: Bằng khen của Chủ tịch UBND tỉnh; Giải thưởng “Vì người nghèo tỉnh Lai Châu”.',
      },
    ]);
  });

  it('marks the phases and criteria it does not state as not found', () => {
    expectNotFound(fields.phases);
    expectNotFound(fields.criteria);
  });

  it('reads the offices, one of them inline after "Đề nghị", and the report due 15 December', () => {
    expect(fields.responsibleOffices.value!.map((office) => office.name)).toEqual([
      'Sở Nội vụ (Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng tỉnh)',
      'Sở Nông nghiệp và Môi trường',
      'Các sở, ban, ngành tỉnh; UBND các xã, phường',
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    ]);
    expectFound(fields.reportDuties, [
      {
        reporters: 'Các sở, ban, ngành tỉnh, UBND các xã, phường',
        recipient: 'UBND tỉnh (qua Sở Nội vụ)',
        dueMonthDay: '12-15',
        description: 'Báo cáo kết quả thực hiện phong trào',
      },
    ]);
  });

  it('cites only sentences of the plan', () => expectSourcesFromText(draft, text));
});

describe('a ward’s plan (UBND phường Đông Phong): the legal basis as a section, blanks wide as in a form, times before the words', () => {
  const text = fixture('ubnd-phuong-dong-phong-2027-van-minh-do-thi.txt');
  const draft = parseCampaignPlan(text, catalog);
  const { fields } = draft;

  it('reads the header with its blanks: the ward, no number, a date without its day', () => {
    expectFound(fields.issuingOrganizationName, 'Ủy ban nhân dân phường Đông Phong');
    expectNotFound(fields.planNumber);
    expect(fields.planDate).toMatchObject({ value: null, status: 'uncertain', sources: ['Đông Phong, ngày tháng 02 năm 2027'] });
    expectFound(fields.title, 'Phát động phong trào thi đua “Phường Đông Phong văn minh, sạch đẹp” giai đoạn 2027 - 2029');
  });

  it('reads the bases listed under "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"', () => {
    expect(fields.legalBasis.value!.map((entry) => entry.documentNumber ?? entry.text)).toEqual([
      'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
      '152/2025/NĐ-CP',
      '45/KH-UBND',
    ]);
  });

  it('reads the period, the phases written "(2027 - 2028)" and "(năm 2029)", and reviews timed as "Năm 2028 tổ chức sơ kết" and "Khen thưởng sơ kết (năm 2028)"', () => {
    expectFound(fields.period, { from: '2027-01-01', to: '2029-12-31', text: 'năm 2027 - 2029' });
    expect(fields.phases.value!.map((phase) => [phase.name, phase.period.from, phase.period.to])).toEqual([
      ['Giai đoạn 1', '2027-01-01', '2028-12-31'],
      ['Giai đoạn 2', '2029-01-01', '2029-12-31'],
    ]);
    expect(fields.reviews.value).toEqual([
      { kind: 'midterm', period: { from: '2028-01-01', to: '2028-12-31', text: 'năm 2028' }, allowedFormCodes: ['giay-khen-chu-tich-xa'] },
      { kind: 'final', period: { from: '2029-11-01', to: '2029-11-30', text: 'tháng 11/2029' }, allowedFormCodes: ['bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'] },
    ]);
    expect(draft.unmappedForms.map((form) => form.text)).toEqual(['Danh hiệu “Khu dân cư văn hóa tiêu biểu”']);
    expect(fields.reviews.status).toBe('uncertain');
  });

  it('reads household and tổ dân phố criteria, the offices listed with a colon, the report due "chậm nhất ngày 20/11"', () => {
    expect(fields.criteria.value!.map((c) => c.nomineeCategory)).toEqual(['household', 'collective']);
    expect(fields.responsibleOffices.value!.map((office) => office.name)).toEqual(['Phòng Văn hóa – Xã hội', 'Các tổ dân phố']);
    expectFound(fields.reportDuties, [
      { reporters: 'Các tổ dân phố', recipient: 'UBND phường (qua Phòng Văn hóa – Xã hội)', dueMonthDay: '11-20', description: 'Báo cáo kết quả thực hiện' },
    ]);
  });

  it('cites only sentences of the plan', () => expectSourcesFromText(draft, text));
});

describe('a plan that is not a plan', () => {
  it('yields a draft with every field not found, never a guess', () => {
    const draft = parseCampaignPlan('Biên bản họp Hội đồng Thi đua - Khen thưởng xã Bình Lư.\nThành phần: các thành viên Hội đồng.', catalog);
    for (const field of Object.values(draft.fields)) expect(field.status).toBe('not-found');
    expect(draft.unmappedForms).toEqual([]);
  });

  it('never throws, and only cites its own text, whatever the input', () => {
    const source = plan('binh-lu-2026-doi-moi-sang-tao.txt').split('\n');
    const lines = fc.oneof(fc.constantFrom(...source), fc.string({ maxLength: 80 }), fc.constantFrom('Giai đoạn', 'Khen thưởng sơ kết:', 'KẾ HOẠCH', '| a |', 'Số:', '2.1', 'a)', 'Căn cứ'));
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 60 }), (picked) => {
        const text = picked.join('\n');
        const draft = parseCampaignPlan(text, catalog);
        const normalized = normalizeLines(text).map((line) => line.text).join('\n');
        for (const field of Object.values(draft.fields) as ExtractedField<unknown>[]) {
          expect(['found', 'uncertain', 'not-found']).toContain(field.status);
          if (field.status === 'not-found') expect(field.value).toBeNull();
          for (const cited of field.sources) expect(normalized.includes(cited)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Vietnamese dates and periods', () => {
  it.each([
    ['ngày 11/6/2028', '2028-06-11', '2028-06-11'],
    ['ngày 05 tháng 02 năm 2026', '2026-02-05', '2026-02-05'],
    ['tháng 7/2028', '2028-07-01', '2028-07-31'],
    ['tháng 2 năm 2028', '2028-02-01', '2028-02-29'],
    ['quý II/2028', '2028-04-01', '2028-06-30'],
    ['quý IV năm 2027', '2027-10-01', '2027-12-31'],
    ['6 tháng đầu năm 2027', '2027-01-01', '2027-06-30'],
    ['năm 2030', '2030-01-01', '2030-12-31'],
  ])('reads "%s" as %s … %s', (text, from, to) => {
    expect(timeExpressions(text)).toEqual([expect.objectContaining({ from, to })]);
  });

  it('does not read document numbers or a 30 February as dates', () => {
    expect(timeExpressions('Nghị định số 152/2025/NĐ-CP')).toEqual([]);
    expect(timeExpressions('ngày 30/02/2026')).toEqual([]);
  });

  it('joins two expressions into a range', () => {
    expect(timeRanges('từ tháng 7/2028 đến năm 2030')).toEqual([expect.objectContaining({ from: '2028-07-01', to: '2030-12-31', text: 'từ tháng 7/2028 đến năm 2030' })]);
    expect(timeRanges('giai đoạn 2026-2030')).toEqual([expect.objectContaining({ from: '2026-01-01', to: '2030-12-31' })]);
  });
});

describe('award form names', () => {
  it('maps short forms by the issuer’s level', () => {
    expect(mapFormName('Giấy khen', catalog.forms, 'commune')).toMatchObject({ codes: ['giay-khen-chu-tich-xa'], certain: true });
    expect(mapFormName('Giấy khen', catalog.forms, 'agency')).toMatchObject({ codes: ['giay-khen-thu-truong'], certain: false });
    expect(mapFormName('Giấy khen', catalog.forms, 'province')).toMatchObject({ codes: ['giay-khen-chu-tich-xa', 'giay-khen-thu-truong'], certain: false });
    expect(mapFormName('Cờ thi đua của tỉnh', catalog.forms, 'commune')).toMatchObject({ codes: ['co-thi-dua-tinh'], certain: true });
    expect(mapFormName('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Lai Châu', catalog.forms, 'commune')).toMatchObject({ codes: ['bang-khen-chu-tich-tinh'], certain: true });
    expect(mapFormName('Huân chương Lao động', catalog.forms, 'commune')).toMatchObject({ codes: HUAN_CHUONG_LAO_DONG, certain: false });
    expect(mapFormName('Huy chương Vì sự nghiệp Giáo dục', catalog.forms, 'agency')).toMatchObject({ codes: [], certain: false });
  });

  it('writes an upper-case header line in the usual case', () => {
    expect(headerCase('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH')).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(headerCase('ỦY BAN NHÂN DÂN XÃ BÌNH LƯ')).toBe('Ủy ban nhân dân xã Bình Lư');
    expect(headerCase('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toBe('Sở Lao động - Thương binh và Xã hội');
  });
});

describe('DOCX text', () => {
  it('reads a plan written as DOCX into the same draft as its text', () => {
    const text = fixture('so-giao-duc-lai-chau-2026-doi-moi-day-hoc.txt');
    const fromText = parseCampaignPlan(text, catalog);
    const fromDocx = parseCampaignPlan(extractDocxText(new Uint8Array(planDocx(text, 'Sở Giáo dục và Đào tạo tỉnh Lai Châu'))), catalog);
    for (const key of Object.keys(fromText.fields) as (keyof CampaignDraft['fields'])[]) {
      expect({ key, value: fromDocx.fields[key].value, status: fromDocx.fields[key].status }).toEqual({
        key,
        value: fromText.fields[key].value,
        status: fromText.fields[key].status,
      });
    }
    expect(fromDocx.unmappedForms).toEqual(fromText.unmappedForms);
  });

  it('reads a DOCX whose headings are numbered automatically (the numbers are not in its text)', () => {
    const text = plan('binh-lu-2026-kinh-te-xa-hoi.txt');
    const numbered = /^(?:#+\s*)?(?:\*\*)?(?:[IVX]+|\d+)\.\s*/;
    const body = text
      .split('\n')
      .map((line) => {
        const clean = line.replace(/^#+\s*/, '').replace(/\*/g, '').trim();
        if (!numbered.test(line)) return paragraph(clean);
        const withoutNumber = clean.replace(/^(?:[IVX]+|\d+)\.\s*/, '');
        return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(withoutNumber)}</w:t></w:r></w:p>`;
      })
      .join('');
    const docxText = extractDocxText(new Uint8Array(docxPackage(body, { title: 'Kế hoạch', author: 'UBND xã Bình Lư', at: '2026-01-16T08:00:00.000Z' })));
    expect(docxText).not.toMatch(/^IV\./m);
    const fromDocx = parseCampaignPlan(docxText, catalog).fields;
    const fromText = parseCampaignPlan(text, catalog).fields;
    expect(fromDocx.responsibleOffices.value!.map((office) => office.name)).toEqual(fromText.responsibleOffices.value!.map((office) => office.name));
    for (const key of ['issuingOrganizationName', 'title', 'legalBasis', 'period'] as const) expect(fromDocx[key]).toEqual(fromText[key]);
  });

  it('decodes entities, keeps tabs and breaks, and leaves numbering, field codes and deleted text out', () => {
    const xml =
      '<w:document xmlns:w="w"><w:body>' +
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t xml:space="preserve">Sở Nội vụ &amp; Văn phòng </w:t></w:r><w:r><w:delText>bỏ</w:delText></w:r><w:r><w:t>&lt;tỉnh&gt; &#272;&#x1ea1;i</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>Số: 12/KH-UBND</w:t><w:tab/><w:t>Lai Châu</w:t><w:br/><w:t>ngày 05/02/2026</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>' +
      '<w:p/>' +
      '</w:body></w:document>';
    expect(documentXmlText(xml)).toBe('Sở Nội vụ & Văn phòng <tỉnh> Đại\nSố: 12/KH-UBND\tLai Châu\nngày 05/02/2026\n');
  });

  it('refuses bytes that are not a DOCX', () => {
    expect(() => extractDocxText(new TextEncoder().encode('Kế hoạch'))).toThrow('không giải nén được');
  });
});
