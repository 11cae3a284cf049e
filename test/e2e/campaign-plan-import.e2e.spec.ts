import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDocx } from '../support/plan-docx';
import type { TestApp } from '../support/test-app';
import { COMMUNE } from './support/binh-lu-fixtures';
import { PLAN_FILES, planText } from './support/campaign-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectStatus } from './support/nomination-driver';

/**
 * Plan import through HTTP: each plan of ../shared/plans posted to POST /api/campaigns/import by Bình Lư's Phòng Văn
 * hóa – Xã hội comes back as a draft with the fields the plan states read right, and those it does not marked
 * not found; a provincial agency's plan in another layout, sent as DOCX, is read just as well.
 */
jest.setTimeout(60_000);

const OFFICE = COMMUNE.appraiser;
const HUAN_CHUONG_LAO_DONG = ['huan-chuong-lao-dong-hang-ba', 'huan-chuong-lao-dong-hang-nhi', 'huan-chuong-lao-dong-hang-nhat'];

type Field = { value: unknown; status: string; sources: string[]; note?: string };
type Draft = { fields: Record<string, Field>; unmappedForms: { text: string; source: string }[] };

describe('POST /api/campaigns/import: the plans of Bình Lư and an agency’s plan', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startE2eApp();
  });
  afterAll(() => t.close());

  async function importText(text: string): Promise<Draft> {
    const response = await t.http().post('/api/campaigns/import').set('Authorization', `Bearer ${await t.tokenOf(OFFICE)}`).send({ text });
    expectStatus(response, 201);
    expect(response.body).toMatchObject({ status: 'open', sourceKind: 'text', campaignId: null });
    return response.body.draft as Draft;
  }

  const found = (field: Field, value: unknown) => expect({ status: field.status, value: field.value }).toEqual({ status: 'found', value });
  const notFound = (field: Field) => expect({ status: field.status, value: field.value }).toEqual({ status: 'not-found', value: null });

  it('reads the Doanh nghiệp plan: phases, sơ kết in quý II/2028, tổng kết at the end of 2030, the report due 10 November', async () => {
    const { fields, unmappedForms } = await importText(planText(PLAN_FILES.doanhNghiep));
    found(fields.issuingOrganizationName, 'Ủy ban nhân dân xã Bình Lư');
    notFound(fields.planNumber);
    expect(fields.planDate).toMatchObject({ status: 'uncertain', value: null, sources: ['Bình Lư, ngày tháng 5 năm 2026'] });
    found(fields.title, 'Triển khai, thực hiện Phong trào thi đua “Phát triển mạnh doanh nghiệp tư nhân, nâng cao hiệu quả doanh nghiệp nhà nước” trên địa bàn xã Bình Lư');
    found(fields.legalBasis, [{ text: 'Kế hoạch số 3075/KH-UBND ngày 23/4/2026 của UBND tỉnh Lai Châu', documentNumber: '3075/KH-UBND', date: '2026-04-23' }]);
    found(fields.period, { from: '2026-01-01', to: '2030-12-31', text: 'từ năm 2026 đến năm 2030' });
    found(fields.phases, [
      { name: 'Giai đoạn I', period: { from: '2026-01-01', to: '2028-06-11', text: 'từ năm 2026 đến ngày 11/6/2028' } },
      { name: 'Giai đoạn II', period: { from: '2028-07-01', to: '2030-12-31', text: 'từ tháng 7/2028 đến năm 2030' } },
    ]);
    expect(fields.reviews.status).toBe('uncertain');
    expect(fields.reviews.value).toEqual([
      { kind: 'midterm', period: { from: '2028-04-01', to: '2028-06-30', text: 'quý II/2028' }, allowedFormCodes: ['bang-khen-thu-tuong', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'] },
      {
        kind: 'final',
        period: { from: '2030-10-01', to: '2030-12-31', text: 'cuối năm 2030' },
        allowedFormCodes: [...HUAN_CHUONG_LAO_DONG, 'co-thi-dua-chinh-phu', 'bang-khen-thu-tuong', 'co-thi-dua-tinh', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'],
      },
    ]);
    expect((fields.criteria.value as { nomineeCategory: string }[]).map((c) => c.nomineeCategory)).toEqual(['collective', 'collective', 'enterprise', 'entrepreneur', 'individual']);
    expect((fields.responsibleOffices.value as { name: string }[]).map((o) => o.name)).toEqual([
      'Các cơ quan, đơn vị, địa phương, tổ chức, doanh nghiệp',
      'Phòng Kinh tế xã',
      'Phòng Văn hóa – Xã hội',
      'Trung tâm Dịch vụ tổng hợp',
      'Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội xã',
      'Hội đồng Thi đua - Khen thưởng các cơ quan, đơn vị thuộc xã',
    ]);
    found(fields.reportDuties, [
      {
        reporters: 'Các cơ quan, đơn vị, địa phương, tổ chức, doanh nghiệp',
        recipient: 'UBND xã (qua Phòng Văn hóa – Xã hội)',
        dueMonthDay: '11-10',
        description: 'Báo cáo tình hình tổ chức thực hiện Phong trào thi đua',
      },
    ]);
    expect(fields.reportDuties.sources[0]).toContain('trước ngày 10/11 hằng năm');
    expect(unmappedForms).toEqual([]);
  });

  it('reads the Đổi mới sáng tạo plan: sơ kết in 2027, tổng kết in 2030, seven offices', async () => {
    const { fields } = await importText(planText(PLAN_FILES.doiMoiSangTao));
    found(fields.issuingOrganizationName, 'Ủy ban nhân dân xã Bình Lư');
    notFound(fields.planNumber);
    found(fields.legalBasis, [{ text: 'Kế hoạch số 3076/KH-UBND ngày 23/4/2026 của UBND tỉnh Lai Châu', documentNumber: '3076/KH-UBND', date: '2026-04-23' }]);
    found(fields.period, { from: '2026-01-01', to: '2030-12-31', text: 'từ năm 2026 đến năm 2030' });
    found(fields.phases, [
      { name: 'Giai đoạn 1', period: { from: '2026-01-01', to: '2027-12-31', text: 'từ 2026 - 2027' } },
      { name: 'Giai đoạn 2', period: { from: '2028-01-01', to: '2030-12-31', text: 'từ 2028 - 2030' } },
    ]);
    expect((fields.reviews.value as { kind: string; period: unknown }[]).map((r) => [r.kind, r.period])).toEqual([
      ['midterm', { from: '2027-01-01', to: '2027-12-31', text: 'năm 2027' }],
      ['final', { from: '2030-01-01', to: '2030-12-31', text: 'năm 2030' }],
    ]);
    expect((fields.criteria.value as { nomineeCategory: string }[]).map((c) => c.nomineeCategory)).toEqual(['collective', 'enterprise', 'individual']);
    expect((fields.responsibleOffices.value as unknown[]).length).toBe(7);
    found(fields.reportDuties, [
      {
        reporters: 'các cơ quan, ban, ngành đoàn thể, các bản, HTX, doanh nghiệp',
        recipient: 'UBND xã (qua Phòng Văn hóa – Xã hội)',
        dueMonthDay: '11-10',
        description: 'Báo cáo tình hình triển khai thực hiện Phong trào thi đua',
      },
    ]);
  });

  it('reads the Kinh tế – xã hội plan and marks what it does not state', async () => {
    const { fields } = await importText(planText(PLAN_FILES.kinhTeXaHoi));
    found(fields.issuingOrganizationName, 'Ủy ban nhân dân xã Bình Lư');
    found(
      fields.title,
      'Phát động phong trào thi đua thực hiện thắng lợi mục tiêu, nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng – an ninh và dự toán ngân sách địa phương năm 2026',
    );
    found(fields.legalBasis, [{ text: 'Chỉ thị số 02/CT-UBND ngày 13/01/2026 của Ủy ban nhân dân tỉnh Lai Châu', documentNumber: '02/CT-UBND', date: '2026-01-13' }]);
    expect(fields.period).toMatchObject({ status: 'uncertain', value: { from: '2026-01-01', to: '2026-12-31', text: 'năm 2026' } });
    for (const key of ['planNumber', 'phases', 'reviews', 'criteria', 'reportDuties']) notFound(fields[key]);
    expect((fields.responsibleOffices.value as { name: string }[]).map((o) => o.name)).toEqual([
      'Các cơ quan chuyên môn, ban, ngành, đoàn thể xã, Trưởng các ban',
      'Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã',
      'Phòng Văn hóa – Xã hội',
    ]);
  });

  it('reads an agency’s plan sent as DOCX (header and phases in tables), its unknown form listed and its undated tổng kết uncertain', async () => {
    const text = readFileSync(join(__dirname, '../fixtures/plans/so-giao-duc-lai-chau-2026-doi-moi-day-hoc.txt'), 'utf8');
    const docx = planDocx(text, 'Sở Giáo dục và Đào tạo tỉnh Lai Châu');
    const response = await t.http().post('/api/campaigns/import').set('Authorization', `Bearer ${await t.tokenOf(OFFICE)}`).attach('file', docx, { filename: 'Kế hoạch 125-KH-SGDĐT.docx' });
    expectStatus(response, 201);
    expect(response.body.sourceKind).toBe('docx');
    const { fields, unmappedForms } = response.body.draft as Draft;
    found(fields.issuingOrganizationName, 'Sở Giáo dục và Đào tạo tỉnh Lai Châu');
    found(fields.planNumber, '125/KH-SGDĐT');
    found(fields.planDate, '2026-02-05');
    found(fields.phases, [
      { name: 'Giai đoạn 1', period: { from: '2026-03-01', to: '2028-06-30', text: 'Từ tháng 3/2026 đến tháng 6/2028' } },
      { name: 'Giai đoạn 2', period: { from: '2028-07-01', to: '2030-12-31', text: 'Từ tháng 7/2028 đến tháng 12/2030' } },
    ]);
    expect(fields.reviews.status).toBe('uncertain');
    expect(fields.reviews.note).toContain('Kế hoạch không nêu thời điểm tổng kết');
    expect(unmappedForms.map((form) => form.text)).toEqual(['Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo']);
    found(fields.reportDuties, [
      {
        reporters: 'Các đơn vị trực thuộc, các trường trung học phổ thông',
        recipient: 'Sở Giáo dục và Đào tạo (qua Văn phòng Sở)',
        dueMonthDay: '12-15',
        description: 'Báo cáo kết quả thực hiện phong trào',
      },
    ]);
  });
});
