import {
  addMonths,
  ancestryOf,
  campaignSummary,
  compareStates,
  daysLate,
  dimensionLabel,
  fillMonths,
  grantingLevel,
  lastMonths,
  levelOfState,
  monthLabel,
  monthRanges,
  organizationYearReport,
  outcomeOf,
  parseGroupBy,
  statesByGroup,
  subtreeOf,
  vietnamDayEndUtc,
  vietnamDayStartUtc,
  vietnamMonthOf,
  type FormInfo,
  type LabelLookups,
  type OutcomeRow,
} from '../../workflows';

const FORMS: Record<string, FormInfo> = {
  'giay-khen-chu-tich-xa': { code: 'giay-khen-chu-tich-xa', name: 'Giấy khen của Chủ tịch UBND xã', category: 'form', upperLevels: [], order: 5 },
  'lao-dong-tien-tien': { code: 'lao-dong-tien-tien', name: 'Lao động tiên tiến', category: 'title', upperLevels: [], order: 0 },
  'bang-khen-chu-tich-tinh': { code: 'bang-khen-chu-tich-tinh', name: 'Bằng khen của Chủ tịch UBND tỉnh', category: 'form', upperLevels: ['province'], order: 7 },
  'bang-khen-thu-tuong': { code: 'bang-khen-thu-tuong', name: 'Bằng khen của Thủ tướng Chính phủ', category: 'form', upperLevels: ['province', 'central'], order: 9 },
};
const forms = (code: string) => FORMS[code];

const row = (formCode: string, state: string, count: number, extra: Partial<OutcomeRow> = {}): OutcomeRow => ({
  formCode,
  entryLevel: 'commune',
  nomineeKind: 'individual',
  state,
  submitted: state !== 'draft',
  count,
  ...extra,
});

describe('statistics dimensions', () => {
  it('reads groupBy in the order given', () => {
    expect(parseGroupBy('form,state')).toEqual({ ok: true, dimensions: ['form', 'state'] });
    expect(parseGroupBy(' month , organization ')).toEqual({ ok: true, dimensions: ['month', 'organization'] });
    expect(parseGroupBy(undefined)).toEqual({ ok: true, dimensions: [] });
    expect(parseGroupBy('')).toEqual({ ok: true, dimensions: [] });
  });

  it('names every unknown, empty or repeated dimension', () => {
    const parsed = parseGroupBy('form,unit,form,,Year');
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('"unit"');
    expect(problems[1]).toContain('"form" bị lặp lại');
    expect(problems[2]).toContain('để trống');
    expect(problems[3]).toContain('"Year"');
  });
});

describe('month buckets in Vietnam time', () => {
  it('puts an instant in the month it falls in at UTC+7', () => {
    expect(vietnamMonthOf('2026-02-28T16:59:59.999Z')).toBe('2026-02');
    expect(vietnamMonthOf('2026-02-28T17:00:00.000Z')).toBe('2026-03');
    expect(vietnamMonthOf('2025-12-31T17:00:00.000Z')).toBe('2026-01');
  });

  it('turns Vietnam days into UTC ranges that compare as text', () => {
    expect(vietnamDayStartUtc('2026-03-01')).toBe('2026-02-28T17:00:00.000Z');
    expect(vietnamDayEndUtc('2026-03-31')).toBe('2026-03-31T17:00:00.000Z');
    expect(vietnamDayEndUtc('2026-12-31')).toBe('2026-12-31T17:00:00.000Z');
    expect('2026-03-31T16:59:59.999Z' < vietnamDayEndUtc('2026-03-31')).toBe(true);
  });

  it('counts months back across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(lastMonths('2026-02-15', 12)).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
  });

  it('gives each month as the UTC range of its Vietnam days', () => {
    expect(monthRanges(['2025-12', '2026-01'])).toEqual([
      { month: '2025-12', from: '2025-11-30T17:00:00.000Z', to: '2025-12-31T17:00:00.000Z' },
      { month: '2026-01', from: '2025-12-31T17:00:00.000Z', to: '2026-01-31T17:00:00.000Z' },
    ]);
  });

  it('fills every month, zero where nothing was submitted, with the label offices write', () => {
    expect(monthLabel('2026-03')).toBe('Tháng 3/2026');
    expect(fillMonths(['2026-01', '2026-02', '2026-03'], [{ month: '2026-02', count: 4 }, { month: null, count: 9 }, { month: '2025-12', count: 1 }])).toEqual([
      { month: '2026-01', label: 'Tháng 1/2026', count: 0 },
      { month: '2026-02', label: 'Tháng 2/2026', count: 4 },
      { month: '2026-03', label: 'Tháng 3/2026', count: 0 },
    ]);
  });
});

describe('labels of the keys', () => {
  const lookups: LabelLookups = {
    formName: (code) => FORMS[code]?.name,
    organizationName: (id) => ({ 'org-1': 'Trường Tiểu học Bình Lư' })[id],
    campaignTitle: (id) => ({ 'campaign-1': 'Phong trào thi đua “Đổi mới sáng tạo”' })[id],
  };

  it('names each dimension in Vietnamese', () => {
    expect(dimensionLabel('form', 'lao-dong-tien-tien', lookups)).toBe('Lao động tiên tiến');
    expect(dimensionLabel('organization', 'org-1', lookups)).toBe('Trường Tiểu học Bình Lư');
    expect(dimensionLabel('campaign', 'campaign-1', lookups)).toBe('Phong trào thi đua “Đổi mới sáng tạo”');
    expect(dimensionLabel('campaign', null, lookups)).toBe('Khen thưởng hằng năm (không thuộc phong trào)');
    expect(dimensionLabel('review', 'midterm', lookups)).toBe('Sơ kết');
    expect(dimensionLabel('review', 'final', lookups)).toBe('Tổng kết');
    expect(dimensionLabel('review', null, lookups)).toBe('Không thuộc đợt sơ kết, tổng kết');
    expect(dimensionLabel('state', 'commune.appraisal', lookups)).toBe('Đang thẩm định hồ sơ (cấp xã)');
    expect(dimensionLabel('state', 'awarded', lookups)).toBe('Đã được khen thưởng');
    expect(dimensionLabel('year', 2026, lookups)).toBe('Năm 2026');
    expect(dimensionLabel('month', '2026-11', lookups)).toBe('Tháng 11/2026');
    expect(dimensionLabel('month', null, lookups)).toBe('Chưa gửi hồ sơ');
  });

  it('shows a key nothing names as itself', () => {
    expect(dimensionLabel('form', 'hinh-thuc-da-bo', lookups)).toBe('hinh-thuc-da-bo');
    expect(dimensionLabel('organization', 'org-9', lookups)).toBe('org-9');
  });
});

describe('outcomes', () => {
  it('classes a state as pending, awarded, rejected, withdrawn or revoked; never-submitted as nothing', () => {
    expect(outcomeOf('commune.appraisal', true)).toBe('pending');
    expect(outcomeOf('central.awaitingExternalDecision', true)).toBe('pending');
    expect(outcomeOf('awarded', true)).toBe('awarded');
    expect(outcomeOf('rejected', true)).toBe('rejected');
    expect(outcomeOf('withdrawn', true)).toBe('withdrawn');
    expect(outcomeOf('revoked', true)).toBe('revoked');
    expect(outcomeOf('draft', false)).toBeNull();
    expect(outcomeOf('withdrawn', false)).toBeNull();
  });

  it('finds the granting level at the end of the route, and the level of a state', () => {
    expect(grantingLevel(FORMS['bang-khen-thu-tuong'], 'commune')).toBe('central');
    expect(grantingLevel(FORMS['giay-khen-chu-tich-xa'], 'commune')).toBe('commune');
    expect(grantingLevel(undefined, 'agency')).toBe('agency');
    expect(levelOfState('province.councilReview')).toBe('province');
    expect(levelOfState('awarded')).toBeNull();
    expect(levelOfState('draft')).toBeNull();
  });
});

describe('the yearly commendation statistics', () => {
  const rows: OutcomeRow[] = [
    row('giay-khen-chu-tich-xa', 'awarded', 3, { directWorkers: 2 }),
    row('giay-khen-chu-tich-xa', 'awarded', 2, { nomineeKind: 'collective' }),
    row('giay-khen-chu-tich-xa', 'rejected', 1),
    row('giay-khen-chu-tich-xa', 'commune.appraisal', 4, { nomineeKind: 'household' }),
    row('giay-khen-chu-tich-xa', 'draft', 7),
    row('giay-khen-chu-tich-xa', 'withdrawn', 5, { submitted: false }),
    row('lao-dong-tien-tien', 'awarded', 6, { directWorkers: 1 }),
    row('bang-khen-thu-tuong', 'central.awaitingExternalDecision', 1),
    row('bang-khen-chu-tich-tinh', 'revoked', 1, { nomineeKind: 'collective' }),
    row('bang-khen-chu-tich-tinh', 'withdrawn', 1, { nomineeKind: 'collective' }),
  ];
  const report = organizationYearReport(rows, forms);

  it('counts proposals per form in the catalog order, each split by kind of nominee; drafts count nowhere', () => {
    expect(report.byForm.map((entry) => entry.formCode)).toEqual(['lao-dong-tien-tien', 'giay-khen-chu-tich-xa', 'bang-khen-chu-tich-tinh', 'bang-khen-thu-tuong']);
    const giayKhen = report.byForm[1];
    expect(giayKhen).toMatchObject({ formName: 'Giấy khen của Chủ tịch UBND xã', categoryLabel: 'Hình thức khen thưởng', proposed: 10, awarded: 5, rejected: 1, pending: 4, withdrawn: 0 });
    expect(giayKhen.byKind.individual).toMatchObject({ proposed: 4, awarded: 3, rejected: 1 });
    expect(giayKhen.byKind.collective).toMatchObject({ proposed: 2, awarded: 2 });
    expect(giayKhen.byKind.household).toMatchObject({ proposed: 4, pending: 4 });
    expect(report.byForm[0]).toMatchObject({ categoryLabel: 'Danh hiệu thi đua', grantingLevelLabel: 'Cấp xã' });
    expect(report.byForm[2]).toMatchObject({ proposed: 2, revoked: 1, withdrawn: 1, grantingLevel: 'province' });
  });

  it('totals by granting level and kind of nominee, and the direct workers among individuals', () => {
    expect(report.totals).toMatchObject({ proposed: 19, awarded: 11, rejected: 1, pending: 5, withdrawn: 1, revoked: 1 });
    expect(report.byGrantingLevel.map((entry) => [entry.label, entry.proposed, entry.awarded])).toEqual([
      ['Cấp xã', 16, 11],
      ['Cấp tỉnh', 2, 0],
      ['Cấp Trung ương', 1, 0],
    ]);
    expect(report.byNomineeKind.map((entry) => [entry.label, entry.proposed])).toEqual([
      ['Cá nhân', 11],
      ['Tập thể', 4],
      ['Hộ gia đình', 4],
    ]);
    expect(report.directWorkers).toMatchObject({ proposed: 3, awarded: 3 });
    expect(report.byForm[0].directWorkers.awarded).toBe(1);
  });

  it('answers zeros for a year without proposals', () => {
    const empty = organizationYearReport([row('giay-khen-chu-tich-xa', 'draft', 2)], forms);
    expect(empty.totals.proposed).toBe(0);
    expect(empty.byForm).toEqual([]);
    expect(empty.byNomineeKind.every((entry) => entry.proposed === 0)).toBe(true);
  });
});

describe('the campaign summary', () => {
  const names: Record<string, string> = { a: 'Bản Bình Lư', b: 'Trường Tiểu học Bình Lư' };
  const rows: OutcomeRow[] = [
    row('giay-khen-chu-tich-xa', 'awarded', 2, { organizationId: 'b' }),
    row('giay-khen-chu-tich-xa', 'commune.councilReview', 1, { organizationId: 'a', nomineeKind: 'collective' }),
    row('lao-dong-tien-tien', 'rejected', 1, { organizationId: 'a' }),
    row('giay-khen-chu-tich-xa', 'draft', 3, { organizationId: 'a' }),
  ];

  it('lists every allowed form, zero where none was proposed, then the others proposed', () => {
    const summary = campaignSummary(rows, ['bang-khen-thu-tuong', 'giay-khen-chu-tich-xa'], forms, (id) => names[id]);
    expect(summary.byForm.map((entry) => [entry.formCode, entry.allowedByReview, entry.proposed, entry.awarded])).toEqual([
      ['bang-khen-thu-tuong', true, 0, 0],
      ['giay-khen-chu-tich-xa', true, 3, 2],
      ['lao-dong-tien-tien', false, 1, 0],
    ]);
    expect(summary.totals).toMatchObject({ proposed: 4, awarded: 2, rejected: 1, pending: 1 });
    expect(summary.totals.byKind.collective.proposed).toBe(1);
  });

  it('lists units by how many they proposed', () => {
    const summary = campaignSummary(rows, null, forms, (id) => names[id]);
    expect(summary.byOrganization.map((entry) => [entry.organizationName, entry.proposed, entry.awarded, entry.rejected])).toEqual([
      ['Bản Bình Lư', 2, 0, 1],
      ['Trường Tiểu học Bình Lư', 2, 2, 0],
    ]);
    expect(summary.byForm.every((entry) => entry.allowedByReview === null)).toBe(true);
  });
});

describe('the dashboard', () => {
  it('orders states along the route and totals each level', () => {
    const { byState, byGroup } = statesByGroup([
      { state: 'awarded', count: 2 },
      { state: 'commune.councilReview', count: 1 },
      { state: 'province.received', count: 4 },
      { state: 'commune.received', count: 3 },
      { state: 'draft', count: 5 },
      { state: 'commune.supplementRequested', count: 1 },
    ]);
    expect(byState.map((entry) => entry.state)).toEqual(['draft', 'commune.received', 'commune.supplementRequested', 'commune.councilReview', 'province.received', 'awarded']);
    expect(byState[1].label).toBe('Chờ tiếp nhận hồ sơ (cấp xã)');
    expect(byGroup).toEqual([
      { group: 'draft', label: 'Đang soạn hồ sơ', count: 5 },
      { group: 'commune', label: 'Cấp xã', count: 5 },
      { group: 'province', label: 'Cấp tỉnh', count: 4 },
      { group: 'finished', label: 'Đã kết thúc', count: 2 },
    ]);
    expect(compareStates('agency.appraisal', 'province.received')).toBeLessThan(0);
  });

  it('counts days late from the due date', () => {
    expect(daysLate('2026-11-28', '2026-12-02')).toBe(4);
    expect(daysLate('2026-12-02', '2026-12-02')).toBe(0);
    expect(daysLate('2026-12-05', '2026-12-02')).toBe(-3);
  });
});

describe('the organization tree', () => {
  const organizations = [
    { id: 'province', parentId: null },
    { id: 'commune', parentId: 'province' },
    { id: 'agency', parentId: 'province' },
    { id: 'school', parentId: 'commune' },
    { id: 'village', parentId: 'commune' },
  ];

  it('finds an organization with everything below it, and its ancestry', () => {
    expect(subtreeOf(organizations, 'commune')).toEqual(['commune', 'school', 'village']);
    expect(subtreeOf(organizations, 'province').sort()).toEqual(['agency', 'commune', 'province', 'school', 'village']);
    expect(subtreeOf(organizations, 'school')).toEqual(['school']);
    expect(ancestryOf(organizations, 'village')).toEqual(['village', 'commune', 'province']);
  });
});
