import {
  evaluateAllForms,
  evaluateEligibility,
  evaluateFlagsAtSigning,
  firstCountedYear,
  isFlagInForce,
  loadRuleSets,
  resolveCriterion,
  type EligibilityVerdict,
  type NomineeHistory,
  type Rating,
} from '../../workflows';

/**
 * The pure eligibility rules on the real national rule set (data/rule-sets): every requirement kind refused and
 * accepted at its boundary, the flags of principle 3, discipline, and one open nomination per form.
 */
const ruleSet = loadRuleSets().byId('national-2025-07-01')!;
const formNames = Object.fromEntries(ruleSet.forms.map((form) => [form.code, form.name]));
const formOf = (code: string) => ruleSet.forms.find((form) => form.code === code)!;

const YEAR = 2026;
const TODAY = '2026-11-23';

/** A nominee's history: the kind and category, then what the registry holds. */
function history(partial: Partial<NomineeHistory> = {}): NomineeHistory {
  return { kind: 'individual', category: 'civil-servant', ratings: [], awards: [], blockLeads: [], flags: [], openNominations: [], ...partial };
}
const ratings = (rating: Rating, ...years: number[]) => years.map((year) => ({ year, rating }));
const titles = (formCode: string, ...years: number[]) => years.map((year) => ({ formCode, year, revoked: false }));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function judge(formCode: string, criterion: string | null, nominee: NomineeHistory, extra: { year?: number; today?: string; nominationId?: string; campaignId?: string | null } = {}): EligibilityVerdict {
  return evaluateEligibility({
    form: formOf(formCode),
    rules: ruleSet.eligibility,
    formNames,
    history: nominee,
    criterion,
    year: extra.year ?? YEAR,
    today: extra.today ?? TODAY,
    nominationId: extra.nominationId,
    campaignId: extra.campaignId,
  });
}
const rulesOf = (verdict: EligibilityVerdict) => verdict.refusals.map((refusal) => refusal.rule);

describe('title in N consecutive years (title-years)', () => {
  const cstdTinh = (...years: number[]) => judge('chien-si-thi-dua-tinh', null, history({ awards: titles('chien-si-thi-dua-co-so', ...years) }));

  it('Chiến sĩ thi đua cấp tỉnh: 2 consecutive Chiến sĩ thi đua cơ sở are refused, 3 are accepted', () => {
    const two = cstdTinh(2025, 2026);
    expect(two.eligible).toBe(false);
    expect(two.refusals).toEqual([
      expect.objectContaining({
        rule: 'title-years',
        criterion: 'ba-lan-chien-si-thi-dua-co-so',
        message: 'Chưa đủ 3 năm liên tục (2024–2026) đạt danh hiệu Chiến sĩ thi đua cơ sở (mới có 2)',
        legalBasis: expect.stringContaining('Chiến sĩ thi đua cấp tỉnh'),
      }),
    ]);
    const three = cstdTinh(2024, 2025, 2026);
    expect(three).toMatchObject({ eligible: true, refusals: [], criterion: 'ba-lan-chien-si-thi-dua-co-so' });
    // The initiative of provincial reach is the appraiser's to check: listed, not machine-checked.
    expect(three.declarations).toEqual([expect.stringContaining('sáng kiến')]);
  });

  it('a gap year breaks consecutiveness, and a run that ended before the year judged does not count', () => {
    expect(cstdTinh(2023, 2025, 2026).eligible).toBe(false);
    expect(cstdTinh(2022, 2023, 2025, 2026).eligible).toBe(false);
    expect(cstdTinh(2021, 2022, 2023).eligible).toBe(false);
    expect(cstdTinh(2020, 2021, 2022, 2024, 2025, 2026).eligible).toBe(true);
  });

  it('a revoked title does not count', () => {
    const revoked = history({ awards: [...titles('chien-si-thi-dua-co-so', 2024, 2026), { formCode: 'chien-si-thi-dua-co-so', year: 2025, revoked: true }] });
    expect(judge('chien-si-thi-dua-tinh', null, revoked).refusals[0].message).toContain('mới có 1');
  });

  it('Bằng khen của Chủ tịch UBND tỉnh, individual: 1 Chiến sĩ thi đua cơ sở is refused, 2 consecutive are accepted', () => {
    const claim = 'hai-nam-chien-si-thi-dua-co-so';
    expect(rulesOf(judge('bang-khen-chu-tich-tinh', claim, history({ awards: titles('chien-si-thi-dua-co-so', 2026) })))).toEqual(['title-years']);
    expect(rulesOf(judge('bang-khen-chu-tich-tinh', claim, history({ awards: titles('chien-si-thi-dua-co-so', 2024, 2026) })))).toEqual(['title-years']);
    expect(judge('bang-khen-chu-tich-tinh', claim, history({ awards: titles('chien-si-thi-dua-co-so', 2025, 2026) })).eligible).toBe(true);
  });

  it('Chiến sĩ thi đua cơ sở needs Lao động tiên tiến of the same year, not of the year before', () => {
    const excellent = ratings('excellent', 2026);
    const lastYears = judge('chien-si-thi-dua-co-so', 'hoan-thanh-xuat-sac', history({ ratings: excellent, awards: titles('lao-dong-tien-tien', 2025) }));
    expect(lastYears.refusals).toEqual([expect.objectContaining({ rule: 'title-years', message: expect.stringContaining('năm 2026 đạt danh hiệu Lao động tiên tiến') })]);
    expect(judge('chien-si-thi-dua-co-so', 'hoan-thanh-xuat-sac', history({ ratings: excellent, awards: titles('lao-dong-tien-tien', 2026) })).eligible).toBe(true);
    // The initiative alternative: the same title, and an initiative the appraiser checks.
    const initiative = judge('chien-si-thi-dua-co-so', 'sang-kien', history({ awards: titles('lao-dong-tien-tien', 2026) }));
    expect(initiative).toMatchObject({ eligible: true, declarations: [expect.stringContaining('sáng kiến')] });
  });
});

describe('years of a rating (rating-years)', () => {
  it('Lao động tiên tiến: completed is refused, good and excellent are accepted', () => {
    const completed = judge('lao-dong-tien-tien', null, history({ ratings: ratings('completed', 2026) }));
    expect(completed.refusals).toEqual([
      expect.objectContaining({ rule: 'rating-years', message: 'Chưa đủ năm 2026 hoàn thành tốt nhiệm vụ trở lên (mới có 0)', criterion: 'hoan-thanh-tot-nhiem-vu' }),
    ]);
    expect(judge('lao-dong-tien-tien', null, history({ ratings: ratings('good', 2026) })).eligible).toBe(true);
    expect(judge('lao-dong-tien-tien', null, history({ ratings: ratings('excellent', 2026) })).eligible).toBe(true);
    expect(judge('lao-dong-tien-tien', null, history({ ratings: ratings('good', 2025) })).eligible).toBe(false);
  });

  it('Chiến sĩ thi đua cơ sở: good is refused, excellent in the year is accepted', () => {
    const title = titles('lao-dong-tien-tien', 2026);
    expect(rulesOf(judge('chien-si-thi-dua-co-so', 'hoan-thanh-xuat-sac', history({ ratings: ratings('good', 2026), awards: title })))).toEqual(['rating-years']);
    expect(judge('chien-si-thi-dua-co-so', 'hoan-thanh-xuat-sac', history({ ratings: ratings('excellent', 2026), awards: title })).eligible).toBe(true);
  });

  it('a collective’s Bằng khen cấp tỉnh: 2 consecutive years of excellent completion, no fewer', () => {
    const village = (list: NomineeHistory['ratings']) =>
      judge('bang-khen-chu-tich-tinh', 'hai-nam-hoan-thanh-xuat-sac', history({ kind: 'collective', category: 'village', ratings: list }));
    expect(village([...ratings('good', 2025), ...ratings('excellent', 2026)]).eligible).toBe(false);
    expect(village(ratings('excellent', 2025, 2026)).eligible).toBe(true);
  });
});

describe('a prior form (prior-award), with the 5-year clause of the Bằng khen của Thủ tướng', () => {
  const claim = 'bang-khen-tinh-va-5-nam';
  /** Good or better for 2022–2026, Chiến sĩ thi đua cơ sở three times in those five years, and a provincial Bằng khen. */
  const record = (bangKhenYear: number | null, extra: Partial<NomineeHistory> = {}) =>
    history({
      ratings: [...ratings('good', 2022, 2023), ...ratings('excellent', 2024, 2025, 2026)],
      awards: [...titles('chien-si-thi-dua-co-so', 2022, 2024, 2026), ...(bangKhenYear ? titles('bang-khen-chu-tich-tinh', bangKhenYear) : [])],
      ...extra,
    });

  it('a provincial Bằng khen 4 years ago is refused, 5 years ago accepted', () => {
    const four = judge('bang-khen-thu-tuong', claim, record(2022));
    expect(four.refusals).toEqual([
      expect.objectContaining({
        rule: 'prior-award',
        message: 'Phải đã được tặng Bằng khen của Chủ tịch UBND tỉnh từ năm 2021 trở về trước (được tặng năm 2022, chưa đủ 5 năm)',
        legalBasis: expect.stringContaining('Bằng khen của Thủ tướng Chính phủ'),
      }),
    ]);
    expect(judge('bang-khen-thu-tuong', claim, record(2021))).toMatchObject({ eligible: true, criterion: claim });
    expect(judge('bang-khen-thu-tuong', claim, record(null)).refusals[0].message).toContain('chưa được tặng');
  });

  it('a revoked provincial Bằng khen does not count', () => {
    const revoked = record(null, {});
    revoked.awards.push({ formCode: 'bang-khen-chu-tich-tinh', year: 2020, revoked: true });
    expect(rulesOf(judge('bang-khen-thu-tuong', claim, revoked))).toEqual(['prior-award']);
  });

  it('needs 5 consecutive years of good-or-better completion: a completed year breaks them', () => {
    const broken = record(2020);
    broken.ratings = [...ratings('good', 2022), ...ratings('completed', 2023), ...ratings('excellent', 2024, 2025, 2026)];
    expect(judge('bang-khen-thu-tuong', claim, broken).refusals).toEqual([
      expect.objectContaining({ rule: 'rating-years', message: 'Chưa đủ 5 năm liên tục (2022–2026) hoàn thành tốt nhiệm vụ trở lên (mới có 3)' }),
    ]);
  });

  it('needs 3 Chiến sĩ thi đua cơ sở within those 5 years, not necessarily consecutive: 2 are refused', () => {
    const two = record(2020);
    two.awards = two.awards.filter((award) => !(award.formCode === 'chien-si-thi-dua-co-so' && award.year === 2024));
    expect(judge('bang-khen-thu-tuong', claim, two).refusals).toEqual([
      expect.objectContaining({ rule: 'title-years', message: 'Chưa đủ 3 năm trong các năm 2022–2026 đạt danh hiệu Chiến sĩ thi đua cơ sở (mới có 2)' }),
    ]);
  });

  it('builds the Huân chương Lao động: Bằng khen của Thủ tướng before hạng Ba, hạng Ba before hạng Nhì, hạng Nhì before hạng Nhất', () => {
    const excellentFiveYears = ratings('excellent', ...range(2022, 2026));
    const ladder: Array<[string, string, string]> = [
      ['huan-chuong-lao-dong-hang-ba', 'bang-khen-thu-tuong-va-5-nam', 'bang-khen-thu-tuong'],
      ['huan-chuong-lao-dong-hang-nhi', 'hang-ba-va-5-nam', 'huan-chuong-lao-dong-hang-ba'],
      ['huan-chuong-lao-dong-hang-nhat', 'hang-nhi-va-5-nam', 'huan-chuong-lao-dong-hang-nhi'],
    ];
    for (const [form, criterion, prior] of ladder) {
      expect(rulesOf(judge(form, criterion, history({ ratings: excellentFiveYears })))).toEqual(['prior-award']);
      expect(rulesOf(judge(form, criterion, history({ ratings: excellentFiveYears, awards: titles(prior, 2022) })))).toEqual(['prior-award']);
      expect(judge(form, criterion, history({ ratings: excellentFiveYears, awards: titles(prior, 2021) })).eligible).toBe(true);
    }
  });
});

describe('the nominees an alternative applies to', () => {
  it('Thôn, bản văn hóa applies to a village, not to a cooperative', () => {
    const cooperative = judge('thon-van-hoa', null, history({ kind: 'collective', category: 'cooperative' }));
    expect(cooperative.refusals).toEqual([expect.objectContaining({ rule: 'criterion-applies', message: expect.stringContaining('tập thể (cooperative)') })]);
    expect(judge('thon-van-hoa', null, history({ kind: 'collective', category: 'village' })).eligible).toBe(true);
  });

  it('the claim: implied where one alternative applies, required where several do, refused when unknown or not applicable', () => {
    expect(resolveCriterion(formOf('lao-dong-tien-tien'), 'individual', 'civil-servant', null)).toMatchObject({ ok: true, alternative: { code: 'hoan-thanh-tot-nhiem-vu' } });
    const farmer = resolveCriterion(formOf('lao-dong-tien-tien'), 'individual', 'worker-farmer', null);
    expect(farmer).toMatchObject({ ok: false, problem: 'claim-required' });
    expect(resolveCriterion(formOf('lao-dong-tien-tien'), 'individual', 'worker-farmer', 'lao-dong-san-xuat-hieu-qua').ok).toBe(true);
    expect(resolveCriterion(formOf('giay-khen-chu-tich-xa'), 'household', null, 'khong-co')).toMatchObject({ ok: false, problem: 'unknown' });
    expect(resolveCriterion(formOf('bang-khen-chu-tich-tinh'), 'household', null, 'hai-nam-chien-si-thi-dua-co-so')).toMatchObject({
      ok: false,
      problem: 'not-applicable',
      refusal: { rule: 'criterion-applies' },
    });
    const unclaimed = judge('giay-khen-chu-tich-xa', null, history());
    expect(rulesOf(unclaimed)).toEqual(['criterion-claimed']);
  });

  it('a form the nominee kind cannot receive is refused whatever the history', () => {
    expect(rulesOf(judge('chien-si-thi-dua-co-so', 'sang-kien', history({ kind: 'household', category: null })))).toEqual(['nominee-kind']);
  });
});

describe('block leadership (block-lead) and declarations', () => {
  it('Cờ thi đua cấp tỉnh: leading the block the year before is refused, leading it in the year accepted', () => {
    const led = (year: number) => judge('co-thi-dua-tinh', 'dan-dau-khoi-thi-dua', history({ kind: 'collective', category: 'agency', blockLeads: [{ year }] }));
    expect(led(2025).refusals).toEqual([expect.objectContaining({ rule: 'block-lead', message: 'Chưa có kết quả suy tôn dẫn đầu cụm, khối thi đua năm 2026 (mới có 0)' })]);
    expect(led(2026).eligible).toBe(true);
  });

  it('a declaration passes the machine check and is listed for the appraiser', () => {
    const adHoc = judge('giay-khen-chu-tich-xa', 'thanh-tich-dot-xuat', history({ kind: 'household', category: null }));
    expect(adHoc).toMatchObject({ eligible: true, refusals: [], declarations: ['Có thành tích đột xuất'] });
  });
});

describe('flags (awards.md principle 3) and discipline', () => {
  const review = { kind: 'discipline-review' as const, startsOn: '2026-09-01' };

  it('refuses while a discipline review, an investigation or a complaint is in force, and not once it is lifted', () => {
    for (const kind of ['discipline-review', 'investigation', 'complaint-verification'] as const) {
      const flagged = judge('giay-khen-chu-tich-xa', 'thanh-tich-dot-xuat', history({ flags: [{ kind, startsOn: '2026-09-01' }] }));
      expect(flagged.refusals).toEqual([
        expect.objectContaining({ rule: 'nominee-under-review', message: expect.stringContaining('từ ngày 01/09/2026'), legalBasis: expect.stringContaining('Luật Thi đua, khen thưởng') }),
      ]);
    }
    const liftedToday = judge('giay-khen-chu-tich-xa', 'thanh-tich-dot-xuat', history({ flags: [{ ...review, liftedOn: TODAY }] }));
    expect(liftedToday.eligible).toBe(true);
    const liftedTomorrow = judge('giay-khen-chu-tich-xa', 'thanh-tich-dot-xuat', history({ flags: [{ ...review, liftedOn: '2026-11-24' }] }));
    expect(liftedTomorrow.eligible).toBe(false);
  });

  it('counts a flag from its first day to its last: not before it starts, not after it ends', () => {
    expect(isFlagInForce({ ...review, startsOn: '2026-11-24' }, TODAY)).toBe(false);
    expect(isFlagInForce({ ...review, startsOn: TODAY }, TODAY)).toBe(true);
    expect(isFlagInForce({ ...review, endsOn: TODAY }, TODAY)).toBe(true);
    expect(isFlagInForce({ ...review, endsOn: '2026-11-22' }, TODAY)).toBe(false);
  });

  it('checks the flags again at signing', () => {
    expect(evaluateFlagsAtSigning(ruleSet.eligibility, [review], TODAY).map((refusal) => refusal.rule)).toEqual(['nominee-under-review']);
    expect(evaluateFlagsAtSigning(ruleSet.eligibility, [{ ...review, liftedOn: '2026-11-20' }], TODAY)).toEqual([]);
  });

  it('refuses while a discipline runs', () => {
    const running = judge('giay-khen-chu-tich-xa', 'thanh-tich-dot-xuat', history({ flags: [{ kind: 'disciplined', startsOn: '2026-06-01', endsOn: '2026-12-31' }] }));
    expect(running.refusals).toEqual([expect.objectContaining({ rule: 'discipline-counts-from-end', message: expect.stringContaining('đến ngày 31/12/2026') })]);
  });

  it('after a discipline ending mid-period, only the years after it count', () => {
    const claim = 'bang-khen-tinh-va-5-nam';
    const record = (endsOn: string) =>
      history({
        ratings: ratings('excellent', ...range(2020, 2026)),
        awards: [...titles('bang-khen-chu-tich-tinh', 2021), ...titles('chien-si-thi-dua-co-so', 2024, 2025, 2026)],
        flags: [{ kind: 'disciplined', startsOn: '2021-07-01', endsOn }],
      });
    expect(firstCountedYear(ruleSet.eligibility, record('2022-06-30').flags, TODAY)).toBe(2023);
    const midPeriod = judge('bang-khen-thu-tuong', claim, record('2022-06-30'));
    expect(rulesOf(midPeriod)).toEqual(['prior-award', 'rating-years']);
    expect(midPeriod.refusals[1].message).toBe(
      'Chưa đủ 5 năm liên tục (2022–2026) hoàn thành tốt nhiệm vụ trở lên (mới có 4); thành tích trước năm 2023 không được tính do kỷ luật',
    );
    expect(midPeriod.refusals[0].message).toContain('trước khi hết thời hạn kỷ luật');
    // Ended with 2021: the Bằng khen of 2021 was under it and does not count; the ratings from 2022 do.
    expect(rulesOf(judge('bang-khen-thu-tuong', claim, record('2021-12-31')))).toEqual(['prior-award']);
    // A discipline lifted early ends the day before it was lifted.
    const lifted = record('2022-06-30');
    lifted.flags[0].liftedOn = '2021-01-01';
    lifted.flags[0].startsOn = '2020-03-01';
    expect(firstCountedYear(ruleSet.eligibility, lifted.flags, TODAY)).toBe(2021);
    expect(judge('bang-khen-thu-tuong', claim, lifted).eligible).toBe(true);
  });
});

describe('one open nomination per nominee and form (and campaign)', () => {
  const open = (formCode: string, campaignId: string | null = null) => [{ nominationId: 'a1b2', formCode, campaignId }];
  const adHoc = (openNominations: NomineeHistory['openNominations'], campaignId: string | null = null) =>
    judge('giay-khen-chu-tich-xa', 'thanh-tich-dot-xuat', history({ openNominations }), { nominationId: 'c3d4', campaignId });

  it('refuses a second open nomination for the same form, not for another form or another campaign', () => {
    expect(rulesOf(adHoc(open('giay-khen-chu-tich-xa')))).toEqual(['one-open-nomination']);
    expect(adHoc(open('bang-khen-chu-tich-tinh')).eligible).toBe(true);
    expect(adHoc(open('giay-khen-chu-tich-xa', 'phong-trao-nong-thon-moi'), null).eligible).toBe(true);
    expect(rulesOf(adHoc(open('giay-khen-chu-tich-xa', 'phong-trao-nong-thon-moi'), 'phong-trao-nong-thon-moi'))).toEqual(['one-open-nomination']);
    // The nomination being judged is not its own rival.
    expect(judge('giay-khen-chu-tich-xa', 'thanh-tich-dot-xuat', history({ openNominations: open('giay-khen-chu-tich-xa') }), { nominationId: 'a1b2' }).eligible).toBe(true);
  });
});

describe('every form for one nominee (the eligibility screen)', () => {
  it('judges each form of the rule set, with each alternative’s failures', () => {
    const teacher = history({
      ratings: ratings('excellent', ...range(2021, 2026)),
      awards: [...titles('lao-dong-tien-tien', ...range(2021, 2026)), ...titles('chien-si-thi-dua-co-so', 2025, 2026)],
    });
    const forms = evaluateAllForms(ruleSet, teacher, YEAR, TODAY);
    expect(forms.map((form) => form.formCode)).toEqual(ruleSet.forms.map((form) => form.code));
    const byCode = new Map(forms.map((form) => [form.formCode, form]));
    expect(byCode.get('chien-si-thi-dua-co-so')).toMatchObject({ eligible: true, eligibleOnRecord: true });
    // A Huân chương only by the ad-hoc declaration: eligible for the machine, but nothing on record decides it yet.
    expect(byCode.get('huan-chuong-lao-dong-hang-ba')).toMatchObject({ eligible: true, eligibleOnRecord: false });
    expect(byCode.get('bang-khen-chu-tich-tinh')!.alternatives.find((a) => a.code === 'hai-nam-chien-si-thi-dua-co-so')).toMatchObject({ applies: true, met: true });
    const cstdTinh = byCode.get('chien-si-thi-dua-tinh')!;
    expect(cstdTinh).toMatchObject({ eligible: false, refusals: [] });
    expect(cstdTinh.alternatives[0].failures.map((failure) => failure.rule)).toEqual(['title-years']);
    expect(byCode.get('gia-dinh-van-hoa')).toMatchObject({ eligible: false, refusals: [expect.objectContaining({ rule: 'nominee-kind' })] });
    const flagged = evaluateAllForms(ruleSet, { ...teacher, flags: [{ kind: 'investigation', startsOn: '2026-10-01' }] }, YEAR, TODAY);
    expect(flagged.every((form) => !form.eligible && form.refusals.some((refusal) => refusal.rule === 'nominee-under-review'))).toBe(true);
  });
});
