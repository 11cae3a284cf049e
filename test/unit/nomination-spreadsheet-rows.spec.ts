import { loadRuleSets } from '../../workflows';
import {
  cellText,
  columnOfField,
  columnOfRule,
  COLUMN_BY_KEY,
  mapNominationRows,
  NOMINATION_COLUMNS,
  nomineeCategoryOf,
  nomineeKindOf,
  parseCellDate,
  parseCellYear,
  recognizeHeadings,
  type CellValue,
  type NominationImportContext,
} from '../../workflows/spreadsheets';

/** Reading a nomination list as offices fill it: headings, values, the catalog's names, and each row's problems. */
const ruleSet = loadRuleSets().inForce('lai-chau', '2026-12-01');
const ORGANIZATIONS = {
  truong: { id: '2b0b6d8e-0d7a-4c9e-9b53-1f7c2e4a9a01', name: 'Trường Tiểu học Bình Lư' },
  htx: { id: '2b0b6d8e-0d7a-4c9e-9b53-1f7c2e4a9a02', name: 'Hợp tác xã Nông nghiệp Bình Lư' },
  ban: { id: '2b0b6d8e-0d7a-4c9e-9b53-1f7c2e4a9a03', name: 'Bản Bình Lư' },
  vanPhong: { id: '2b0b6d8e-0d7a-4c9e-9b53-1f7c2e4a9a04', name: 'Văn phòng UBND tỉnh Lai Châu' },
};
const OFFICE: NominationImportContext = {
  ruleSetName: ruleSet.name,
  forms: ruleSet.forms.map((form) => ({ code: form.code, name: form.name, nomineeKinds: form.nomineeKinds, alternatives: form.eligibility.alternatives })),
  organizations: [ORGANIZATIONS.truong, ORGANIZATIONS.htx, ORGANIZATIONS.ban],
  defaultOrganizationId: null,
  otherOrganizations: [ORGANIZATIONS.vanPhong],
  scopeName: 'UBND xã Bình Lư',
  today: '2026-12-01',
};
const HEADINGS = NOMINATION_COLUMNS.map((column) => column.heading);

function row(values: Partial<Record<(typeof NOMINATION_COLUMNS)[number]['key'], CellValue>>): CellValue[] {
  return NOMINATION_COLUMNS.map((column) => values[column.key] ?? null);
}

function importOne(values: Parameters<typeof row>[0], context = OFFICE) {
  const rows = [HEADINGS, row(values)];
  const recognition = recognizeHeadings(rows);
  if (!recognition.ok) throw new Error(recognition.message);
  const [result] = mapNominationRows(rows, recognition.headings, context);
  return result;
}

describe('cell values', () => {
  it.each<[string, CellValue, string]>([
    ['an Excel date cell', new Date(Date.UTC(1988, 4, 14)), '1988-05-14'],
    ['an Excel serial number', 32277, '1988-05-14'],
    ['dd/mm/yyyy text', '14/05/1988', '1988-05-14'],
    ['d/m/yyyy text with spaces', ' 4 / 5 / 1988 ', '1988-05-04'],
    ['dd-mm-yyyy text', '14-05-1988', '1988-05-14'],
    ['dd.mm.yyyy text', '14.05.1988', '1988-05-14'],
    ['ISO text', '1988-05-14', '1988-05-14'],
  ])('reads %s as a date', (_name, value, expected) => {
    expect(parseCellDate(value)).toEqual({ ok: true, date: expected });
  });

  it.each<[string, CellValue]>([
    ['31 February', '31/02/1990'],
    ['month 13', '12/13/1990'],
    ['a year alone', '1988'],
    ['words', 'năm 1988'],
    ['a fraction of a day', 32277.5],
  ])('refuses %s as a date', (_name, value) => {
    expect(parseCellDate(value)).toMatchObject({ ok: false, message: expect.stringContaining('dd/mm/yyyy') });
  });

  it('reads years as numbers or text and refuses anything else', () => {
    expect(parseCellYear(2026)).toEqual({ ok: true, year: 2026 });
    expect(parseCellYear(' 2025 ')).toEqual({ ok: true, year: 2025 });
    expect(parseCellYear('Năm 2024')).toEqual({ ok: true, year: 2024 });
    expect(parseCellYear('2025-2026')).toMatchObject({ ok: false });
    expect(parseCellYear(2025.5)).toMatchObject({ ok: false });
  });

  it('cleans text: NFC, trimmed, inner spaces collapsed; dates as dd/mm/yyyy', () => {
    const decomposed = 'Lo\u0300 Thi\u0323   Hương\n';
    expect(cellText(decomposed)).toBe('Lò Thị Hương');
    expect(cellText(decomposed).length).toBe('Lò Thị Hương'.length);
    expect(cellText(new Date(Date.UTC(2026, 10, 10)))).toBe('10/11/2026');
    expect(cellText(null)).toBe('');
  });
});

describe('nominee kind and category words', () => {
  it.each([
    ['Cá nhân', 'individual'],
    ['cá nhân', 'individual'],
    ['CA NHAN', 'individual'],
    ['Tập thể', 'collective'],
    ['Hộ gia đình', 'household'],
    ['Hộ', 'household'],
    ['household', 'household'],
  ])('reads "%s" as %s', (word, kind) => {
    expect(nomineeKindOf(word)).toBe(kind);
  });

  it('knows no other kind', () => {
    expect(nomineeKindOf('Doanh nghiệp')).toBeNull();
  });

  it('reads categories by their names, other words and codes', () => {
    expect(nomineeCategoryOf('Công nhân, nông dân')?.code).toBe('worker-farmer');
    expect(nomineeCategoryOf('Nông dân')?.code).toBe('worker-farmer');
    expect(nomineeCategoryOf('Cán bộ, công chức, viên chức')?.code).toBe('civil-servant');
    expect(nomineeCategoryOf('village')?.code).toBe('village');
    expect(nomineeCategoryOf('Thôn, bản, tổ dân phố')?.code).toBe('village');
    expect(nomineeCategoryOf('Người nổi tiếng')).toBeNull();
  });
});

describe('recognizing the heading row', () => {
  it.each(NOMINATION_COLUMNS.flatMap((column) => [column.heading, ...column.aliases].map((text) => [text, column.key] as const)))(
    'reads the heading "%s" as the %s column, and as no other',
    (text, key) => {
      const others = NOMINATION_COLUMNS.filter((column) => column.required && column.key !== key).map((column) => column.heading);
      const recognition = recognizeHeadings([[...others, text]]);
      expect(recognition.ok && recognition.headings.columns[key]).toBe(others.length + 1);
      expect(recognition.ok && Object.keys(recognition.headings.columns)).toHaveLength(others.length + 1);
    },
  );

  it('finds the headings below a title, in any order, and tells the columns it does not read', () => {
    const rows: CellValue[][] = [
      ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026'],
      ['Kèm theo Tờ trình số 12/TTr-THBL ngày 05/11/2026'],
      [],
      ['STT', 'Họ và tên', 'Giới tính', 'Loại đối tượng', 'Hình thức khen thưởng', 'Ghi chú'],
      [1, 'Lò Thị Hương', 'Nữ', 'Cá nhân', 'Lao động tiên tiến', ''],
    ];
    const recognition = recognizeHeadings(rows);
    expect(recognition).toEqual({
      ok: true,
      headings: { headingRow: 4, columns: { index: 1, name: 2, nomineeKind: 4, form: 5 }, ignored: ['Giới tính', 'Ghi chú'] },
    });
  });

  it('reads headings without diacritics, in another case, with a star for required', () => {
    const recognition = recognizeHeadings([['Hinh thuc khen thuong *', 'LOẠI ĐỐI TƯỢNG', 'ho va ten']]);
    expect(recognition.ok && recognition.headings.columns).toEqual({ form: 1, nomineeKind: 2, name: 3 });
  });

  it('names the missing required columns', () => {
    const recognition = recognizeHeadings([['STT', 'Họ và tên', 'Ngày sinh']]);
    expect(recognition).toMatchObject({ ok: false, missing: [COLUMN_BY_KEY.form.heading, COLUMN_BY_KEY.nomineeKind.heading] });
    expect(!recognition.ok && recognition.message).toContain('thiếu cột "Hình thức khen thưởng (tên hoặc mã)"');
  });

  it('requires the unit column when the caller asks for it (an office importing for its units)', () => {
    const rows = [['Hình thức', 'Loại đối tượng', 'Họ và tên']];
    expect(recognizeHeadings(rows).ok).toBe(true);
    expect(recognizeHeadings(rows, ['organization'])).toMatchObject({ ok: false, missing: ['Đơn vị'] });
  });

  it('refuses a column given twice', () => {
    const recognition = recognizeHeadings([['Hình thức', 'Loại đối tượng', 'Họ và tên', 'Họ tên']]);
    expect(recognition).toMatchObject({ ok: false, duplicated: ['Họ tên'] });
  });
});

describe('mapping a row to a nomination', () => {
  it('maps a person of a unit with every field, by the form and criterion names', () => {
    const result = importOne({
      index: 1,
      form: 'Chiến sĩ thi đua cơ sở',
      nomineeKind: 'Cá nhân',
      name: '  Lò Thị  Hương ',
      category: 'Cán bộ, công chức, viên chức',
      dateOfBirth: '14/05/1988',
      position: 'Giáo viên',
      organization: 'Trường Tiểu học Bình Lư',
      unitName: 'Trường Tiểu học Bình Lư',
      awardYear: 2026,
      criterion: 'Đạt danh hiệu Lao động tiên tiến và có sáng kiến được công nhận',
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học 2025–2026;\r\ncó sáng kiến chuyển đổi số trong dạy học.',
    });
    expect(result).toEqual({
      row: 2,
      ok: true,
      organizationId: ORGANIZATIONS.truong.id,
      organizationName: 'Trường Tiểu học Bình Lư',
      formName: 'Chiến sĩ thi đua cơ sở',
      nomineeName: 'Lò Thị Hương',
      request: {
        formCode: 'chien-si-thi-dua-co-so',
        nominee: {
          kind: 'individual',
          fullName: 'Lò Thị Hương',
          category: 'civil-servant',
          dateOfBirth: '1988-05-14',
          position: 'Giáo viên',
          unitName: 'Trường Tiểu học Bình Lư',
        },
        criterion: 'sang-kien',
        awardYear: 2026,
        achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học 2025–2026;\ncó sáng kiến chuyển đổi số trong dạy học.',
      },
    });
  });

  it('maps a household and a collective by form code, names without diacritics too', () => {
    expect(importOne({ form: 'gia-dinh-van-hoa', nomineeKind: 'Hộ gia đình', name: 'Hộ ông Tòng Văn Piềng', householdHead: 'Tòng Văn Piềng', address: 'Bản Bình Lư', organization: 'Bản Bình Lư' })).toMatchObject({
      ok: true,
      request: { formCode: 'gia-dinh-van-hoa', nominee: { kind: 'household', name: 'Hộ ông Tòng Văn Piềng', householdHead: 'Tòng Văn Piềng', address: 'Bản Bình Lư' } },
    });
    expect(importOne({ form: 'Tap the lao dong tien tien', nomineeKind: 'Tập thể', name: 'Hợp tác xã Nông nghiệp Bình Lư', organization: 'hợp tác xã nông nghiệp bình lư' })).toMatchObject({
      ok: true,
      organizationId: ORGANIZATIONS.htx.id,
      request: { formCode: 'tap-the-lao-dong-tien-tien', nominee: { kind: 'collective', name: 'Hợp tác xã Nông nghiệp Bình Lư' } },
    });
  });

  it.each<[string, Parameters<typeof row>[0], string, RegExp]>([
    ['an unknown form', { form: 'Bằng khen của Bộ trưởng Bộ Nội vụ' }, 'Hình thức khen thưởng (tên hoặc mã)', /không có trong danh mục/],
    ['a missing name', { name: '' }, 'Họ và tên / Tên tập thể', /bắt buộc phải có họ và tên/],
    ['an impossible date of birth', { dateOfBirth: '31/02/1990' }, 'Ngày sinh', /"31\/02\/1990" không phải ngày hợp lệ/],
    ['a date of birth after today', { dateOfBirth: '02/12/2026' }, 'Ngày sinh', /sau hôm nay/],
    ['a kind the form does not take', { form: 'Lao động tiên tiến', nomineeKind: 'Tập thể', name: 'Bản Bình Lư' }, 'Loại đối tượng (Cá nhân / Tập thể / Hộ gia đình)', /Lao động tiên tiến không xét cho tập thể; chỉ xét cho cá nhân/],
    ['an unknown kind', { nomineeKind: 'Doanh nghiệp' }, 'Loại đối tượng (Cá nhân / Tập thể / Hộ gia đình)', /không phải Cá nhân, Tập thể hoặc Hộ gia đình/],
    ['a unit outside the office', { organization: 'Văn phòng UBND tỉnh Lai Châu' }, 'Đơn vị', /"Văn phòng UBND tỉnh Lai Châu" không trực thuộc UBND xã Bình Lư/],
    ['an unknown unit', { organization: 'Trường THCS Bình Lư' }, 'Đơn vị', /không tìm thấy đơn vị "Trường THCS Bình Lư"/],
    ['no unit for an office', { organization: null }, 'Đơn vị', /bắt buộc phải có/],
    ['a year to come', { awardYear: 2027 }, 'Năm xét khen thưởng', /không được sau năm 2026/],
    ['an unknown criterion', { criterion: 'Có nhiều đóng góp' }, 'Tiêu chuẩn', /không có tiêu chuẩn "Có nhiều đóng góp"/],
    ['a criterion for another kind', { form: 'Giấy khen của Chủ tịch UBND xã', criterion: 'dong-gop-cho-dia-phuong' }, 'Tiêu chuẩn', /không áp dụng cho cá nhân/],
    ['a category of another kind', { category: 'Thôn, bản' }, 'Phân loại đối tượng', /phân loại của tập thể/],
  ])('refuses %s, naming the column', (_name, change, column, message) => {
    const result = importOne({ form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Sùng A Páo', organization: 'Trường Tiểu học Bình Lư', ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([{ column, message: expect.stringMatching(message) }]);
  });

  it('reads the review of a campaign, and refuses one without a campaign', () => {
    const campaignId = '7f4f5a59-9c1e-4c7e-8a52-3d5f0b6f2c11';
    expect(importOne({ form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Lù Văn Tiến', organization: 'Bản Bình Lư', campaign: campaignId, campaignReview: 'Tổng kết' })).toMatchObject({
      ok: true,
      request: { campaignId, campaignReview: 'final' },
    });
    expect(importOne({ form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Lù Văn Tiến', organization: 'Bản Bình Lư', campaign: campaignId, campaignReview: 'đợt sơ kết' })).toMatchObject({
      ok: true,
      request: { campaignReview: 'midterm' },
    });
    expect(importOne({ form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Lù Văn Tiến', organization: 'Bản Bình Lư', campaignReview: 'Sơ kết' })).toMatchObject({
      ok: false,
      problems: [{ column: 'Đợt khen thưởng (Sơ kết / Tổng kết)', message: 'chỉ ghi khi hồ sơ thuộc một phong trào (cột "Mã phong trào")' }],
    });
    expect(importOne({ form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Lù Văn Tiến', organization: 'Bản Bình Lư', campaign: campaignId, campaignReview: 'Giữa kỳ' })).toMatchObject({
      ok: false,
      problems: [{ column: 'Đợt khen thưởng (Sơ kết / Tổng kết)', message: '"Giữa kỳ" không phải Sơ kết hoặc Tổng kết' }],
    });
  });

  it('gives every problem of a row at once', () => {
    const result = importOne({ form: 'Huy hiệu', nomineeKind: 'Cá nhân', name: '', dateOfBirth: 'không rõ', organization: 'Trường Tiểu học Bình Lư' });
    expect(!result.ok && result.problems.map((problem) => problem.column)).toEqual(['Hình thức khen thưởng (tên hoặc mã)', 'Họ và tên / Tên tập thể', 'Ngày sinh']);
  });

  it('puts a unit’s rows in its own name, and refuses another unit', () => {
    const unit: NominationImportContext = { ...OFFICE, organizations: [ORGANIZATIONS.truong], defaultOrganizationId: ORGANIZATIONS.truong.id, otherOrganizations: [ORGANIZATIONS.htx, ORGANIZATIONS.vanPhong], scopeName: 'Trường Tiểu học Bình Lư' };
    expect(importOne({ form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Hoàng Văn Quân' }, unit)).toMatchObject({ ok: true, organizationId: ORGANIZATIONS.truong.id });
    expect(importOne({ form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Lò Thị Xiêm', organization: 'Hợp tác xã Nông nghiệp Bình Lư' }, unit)).toMatchObject({
      ok: false,
      problems: [{ column: 'Đơn vị', message: expect.stringContaining('chỉ nhập danh sách đề nghị của chính mình (Trường Tiểu học Bình Lư)') }],
    });
  });

  it('skips blank and pre-numbered rows, and refuses a row repeating an earlier one', () => {
    const person = { form: 'Lao động tiên tiến', nomineeKind: 'Cá nhân', name: 'Giàng Thị Mỷ', organization: 'Trường Tiểu học Bình Lư', dateOfBirth: '02/09/1990' } as const;
    const rows = [HEADINGS, row(person), row({ index: 2 }), [], row({ ...person, name: 'giàng thị  mỷ', dateOfBirth: new Date(Date.UTC(1990, 8, 2)) }), row({ ...person, form: 'chien-si-thi-dua-co-so', criterion: 'hoan-thanh-xuat-sac' })];
    const recognition = recognizeHeadings(rows);
    if (!recognition.ok) throw new Error(recognition.message);
    const mapped = mapNominationRows(rows, recognition.headings, OFFICE);
    expect(mapped.map((result) => [result.row, result.ok])).toEqual([[2, true], [5, false], [6, true]]);
    expect(mapped[1]).toMatchObject({ problems: [{ column: 'Họ và tên / Tên tập thể', message: 'trùng với dòng 2: cùng đơn vị, hình thức và đối tượng' }] });
  });
});

describe('naming the column of a refusal from POST /api/nominations', () => {
  it('by the field it names', () => {
    expect(columnOfField('nominee.dateOfBirth')).toBe('Ngày sinh');
    expect(columnOfField('nominee.taxCode')).toBe('Mã số thuế');
    expect(columnOfField('campaignId')).toBe('Mã phong trào');
    expect(columnOfField('somethingElse')).toBeNull();
  });

  it('by the rule it refuses on', () => {
    expect(columnOfRule('nominee-kind')).toBe(COLUMN_BY_KEY.nomineeKind.heading);
    expect(columnOfRule('form-entry-level')).toBe(COLUMN_BY_KEY.form.heading);
    expect(columnOfRule('criterion-claimed')).toBe('Tiêu chuẩn');
    expect(columnOfRule('route-organizations')).toBe('Đơn vị');
    expect(columnOfRule(undefined)).toBeNull();
  });
});
