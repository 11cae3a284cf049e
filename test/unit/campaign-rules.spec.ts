import { isReviewOpenOn, judgeReviewGate, reportDueDate, reportStatus, reportYears, reviewOpenOn, vietnameseDate } from '../../workflows/campaigns/campaign-rules';
import type { CampaignReview } from '../../workflows/campaigns/campaign-types';
import { validateCampaignFields } from '../../workflows/campaigns/campaign-validation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDataDirectory, loadRuleSets } from '../../workflows';

/**
 * The Đổi mới sáng tạo plan of Bình Lư: sơ kết in 2027 (Bằng khen của Thủ tướng, Bằng khen của Chủ tịch UBND tỉnh,
 * Giấy khen của Chủ tịch UBND xã), tổng kết in 2030 (the Huân chương Lao động and the flags as well).
 */
const SO_KET: CampaignReview = {
  kind: 'midterm',
  period: { from: '2027-01-01', to: '2027-12-31', text: 'Sơ kết trong năm 2027' },
  allowedFormCodes: ['bang-khen-thu-tuong', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'],
};
const TONG_KET: CampaignReview = {
  kind: 'final',
  period: { from: '2030-01-01', to: '2030-12-31', text: 'Tổng kết trong năm 2030' },
  allowedFormCodes: ['huan-chuong-lao-dong-hang-ba', 'co-thi-dua-chinh-phu', 'bang-khen-thu-tuong', 'co-thi-dua-tinh', 'bang-khen-chu-tich-tinh', 'giay-khen-chu-tich-xa'],
};
const REVIEWS = [SO_KET, TONG_KET];
const TITLE = 'Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh';
const FORM_NAMES = {
  'giay-khen-chu-tich-xa': 'Giấy khen của Chủ tịch UBND xã',
  'co-thi-dua-tinh': 'Cờ thi đua của tỉnh',
  'bang-khen-chu-tich-tinh': 'Bằng khen của Chủ tịch UBND tỉnh',
};

const gate = (formCode: string, day: string, chosen: CampaignReview['kind'] | null = null, campaignClosed = false) =>
  judgeReviewGate({ campaignTitle: TITLE, campaignClosed, reviews: REVIEWS, chosen, formCode, formNames: FORM_NAMES, day });

describe('which review is open on a day', () => {
  it('is open on both ends of its period and closed the day before and the day after', () => {
    expect(isReviewOpenOn(SO_KET, '2027-01-01')).toBe(true);
    expect(isReviewOpenOn(SO_KET, '2027-12-31')).toBe(true);
    expect(isReviewOpenOn(SO_KET, '2026-12-31')).toBe(false);
    expect(isReviewOpenOn(SO_KET, '2028-01-01')).toBe(false);
  });

  it('finds the sơ kết in 2027, the tổng kết in 2030, none in between', () => {
    expect(reviewOpenOn(REVIEWS, '2027-06-11')?.kind).toBe('midterm');
    expect(reviewOpenOn(REVIEWS, '2030-11-09')?.kind).toBe('final');
    expect(reviewOpenOn(REVIEWS, '2028-06-11')).toBeNull();
  });
});

describe('the review gate at SUBMIT', () => {
  it('lets a form the open review allows through, and says which review it is', () => {
    const verdict = gate('giay-khen-chu-tich-xa', '2027-11-05');
    expect(verdict).toEqual({ ok: true, review: SO_KET });
  });

  it('refuses a form the open review does not allow, naming the review, its dates and the forms it takes', () => {
    const verdict = gate('co-thi-dua-tinh', '2027-11-05');
    expect(verdict).toMatchObject({ ok: false, rule: 'campaign-form-allowed', details: { review: 'midterm', formCode: 'co-thi-dua-tinh' } });
    if (verdict.ok) throw new Error('expected a refusal');
    expect(verdict.message).toContain('sơ kết');
    expect(verdict.message).toContain('01/01/2027');
    expect(verdict.message).toContain('Cờ thi đua của tỉnh');
    expect(verdict.message).toContain('Giấy khen của Chủ tịch UBND xã');
  });

  it('takes the same form at the tổng kết that it refuses nowhere else', () => {
    expect(gate('co-thi-dua-tinh', '2030-03-02')).toMatchObject({ ok: true, review: { kind: 'final' } });
  });

  it('refuses a day outside every review, listing them', () => {
    const verdict = gate('giay-khen-chu-tich-xa', '2028-06-11');
    expect(verdict).toMatchObject({ ok: false, rule: 'campaign-review-open' });
    if (verdict.ok) throw new Error('expected a refusal');
    expect(verdict.message).toContain('11/06/2028');
    expect(verdict.message).toContain('tổng kết (từ ngày 01/01/2030 đến ngày 31/12/2030)');
  });

  it('judges a chosen review on its own dates, even when another is open that day', () => {
    expect(gate('giay-khen-chu-tich-xa', '2027-05-04', 'final')).toMatchObject({ ok: false, rule: 'campaign-review-open', details: { review: 'final', from: '2030-01-01' } });
    expect(gate('giay-khen-chu-tich-xa', '2030-05-04', 'final')).toMatchObject({ ok: true });
  });

  it('refuses a review the campaign does not have, and any day once the campaign is closed', () => {
    const midtermOnly = judgeReviewGate({ campaignTitle: TITLE, campaignClosed: false, reviews: [SO_KET], chosen: 'final', formCode: 'giay-khen-chu-tich-xa', formNames: FORM_NAMES, day: '2030-05-04' });
    expect(midtermOnly).toMatchObject({ ok: false, rule: 'campaign-review-open' });
    expect(gate('giay-khen-chu-tich-xa', '2027-05-04', null, true)).toMatchObject({ ok: false, rule: 'campaign-review-open', details: { closed: true } });
  });
});

describe('report duties', () => {
  const duty = { dueMonthDay: '11-10' };

  it('are due on the duty day of each year of the campaign', () => {
    expect(reportDueDate(duty, 2026)).toBe('2026-11-10');
    expect(reportDueDate({ dueMonthDay: '02-29' }, 2027)).toBe('2027-02-28');
    expect(reportDueDate({ dueMonthDay: '02-29' }, 2028)).toBe('2028-02-29');
    expect(reportYears({ from: '2026-01-01', to: '2030-12-31' })).toEqual([2026, 2027, 2028, 2029, 2030]);
  });

  it('"trước ngày 10/11": on time before that day, late on it or after; missing from that day on; pending before', () => {
    const due = reportDueDate(duty, 2026);
    expect(reportStatus(due, '2026-11-09', '2026-12-01')).toBe('submitted');
    expect(reportStatus(due, '2026-11-10', '2026-12-01')).toBe('late');
    expect(reportStatus(due, '2026-11-25', '2026-12-01')).toBe('late');
    expect(reportStatus(due, null, '2026-11-10')).toBe('missing');
    expect(reportStatus(due, null, '2026-11-09')).toBe('pending');
  });

  it('writes dates the Vietnamese way', () => {
    expect(vietnameseDate('2026-11-10')).toBe('10/11/2026');
  });
});

describe('campaign validation', () => {
  const known = new Set(['giay-khen-chu-tich-xa', 'bang-khen-chu-tich-tinh']);
  const base = {
    issuingOrganizationName: 'UBND xã Bình Lư',
    title: 'Phát động phong trào thi đua thực hiện thắng lợi mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2026',
    period: { from: '2026-01-01', to: '2026-12-31', text: 'năm 2026' },
  };

  it('creates with the title and the period, the rest empty', () => {
    const { value, problems } = validateCampaignFields(base, { mode: 'create', knownFormCodes: known });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ ...base, planNumber: null, planDate: null, legalBasis: [], reviews: [], reportDuties: [] });
  });

  it('names an unknown form code, a repeated review, an impossible date and a due day not in MM-DD', () => {
    const { problems } = validateCampaignFields(
      {
        ...base,
        planDate: '2026-02-30',
        reviews: [
          { kind: 'midterm', period: { from: '2026-06-01', to: '2026-06-30', text: '' }, allowedFormCodes: ['giay-khen-chu-tich-xa', 'huy-chuong'] },
          { kind: 'midterm', period: { from: '2026-11-01', to: '2026-12-31', text: '' }, allowedFormCodes: [] },
        ],
        reportDuties: [{ reporters: 'các bản', recipient: 'UBND xã', dueMonthDay: '10/11', description: '' }],
      },
      { mode: 'create', knownFormCodes: known },
    );
    expect(problems.map((problem) => problem.field)).toEqual(['planDate', 'reviews[0].allowedFormCodes[1]', 'reportDuties[0].dueMonthDay', 'reviews[1].kind']);
  });

  it('on confirmation wants every field, an empty one left empty on purpose', () => {
    const { problems } = validateCampaignFields({ ...base, planNumber: null, planDate: null, legalBasis: [] }, { mode: 'confirm', knownFormCodes: known });
    expect(problems.map((problem) => problem.field)).toEqual(['phases', 'reviews', 'criteria', 'responsibleOffices', 'reportDuties']);
  });

  it('normalizes text to NFC with single spaces', () => {
    const decomposed = 'Phòng Văn hóa – Xã hội'.normalize('NFD');
    const { value } = validateCampaignFields({ responsibleOffices: [{ name: `  ${decomposed}  `, duties: 'Tham mưu   sơ kết' }] }, { mode: 'patch', knownFormCodes: known });
    expect(value.responsibleOffices).toEqual([{ name: 'Phòng Văn hóa – Xã hội', duties: 'Tham mưu sơ kết' }]);
  });
});

describe('the demo campaigns (data/demo/binh-lu-campaigns.json)', () => {
  const { campaigns } = JSON.parse(readFileSync(join(findDataDirectory(), 'demo', 'binh-lu-campaigns.json'), 'utf8')) as {
    campaigns: Array<{ key: string; definition: Record<string, unknown> }>;
  };
  const forms = new Set(loadRuleSets().inForce('lai-chau', '2026-12-01').forms.map((form) => form.code));

  it('are the three plans of Bình Lư, each a valid campaign of the Lai Châu rule set', () => {
    expect(campaigns.map((campaign) => campaign.key)).toEqual(['kinh-te-xa-hoi-2026', 'doanh-nghiep-2026-2030', 'doi-moi-sang-tao-2026-2030']);
    for (const campaign of campaigns) {
      expect(validateCampaignFields(campaign.definition, { mode: 'confirm', knownFormCodes: forms }).problems).toEqual([]);
    }
  });

  it('owe the yearly report "trước ngày 10/11 hằng năm" where the plan says so', () => {
    const duties = campaigns.map((campaign) => (campaign.definition.reportDuties as Array<{ dueMonthDay: string; description: string }>).map((duty) => duty.dueMonthDay));
    expect(duties).toEqual([[], ['11-10'], ['11-10']]);
  });
});
