import type { TestApp } from '../support/test-app';
import { AGENCY, COMMUNE, NOMINEES, PROVINCE, UNITS, vietnamToday } from './support/binh-lu-fixtures';
import { doiMoiSangTaoCampaign } from './support/campaign-fixtures';
import { startE2eApp } from './support/e2e-app';
import { badFields, expectErrorShape, expectStatus, nominationDriver, type NominationDriver, type NominationView } from './support/nomination-driver';

/**
 * The nominee registry and the eligibility rules through HTTP, on Bình Lư people and collectives whose history the
 * commune's Phòng Văn hóa – Xã hội records: each kind of rule refused and accepted at its boundary, the flags at
 * SUBMIT and SIGN, the eligibility screen, an award granted here counting for the next nomination, and who may read
 * and keep the registry.
 */
const Y = Number(vietnamToday().slice(0, 4));
const TODAY = vietnamToday();
/** A decision of the year (20 December), or today when that is still to come. */
const decided = (year: number) => (`${year}-12-20` < TODAY ? `${year}-12-20` : TODAY);

const OFFICE = COMMUNE.appraiser;
const SCHOOL = UNITS.truongTieuHoc.submitter;
const VILLAGE = UNITS.banBinhLu.submitter;
const COOPERATIVE = UNITS.htxNongNghiep.submitter;
const CENTRE = UNITS.trungTamDichVu.submitter;

describe('the nominee registry and eligibility', () => {
  let t: TestApp;
  let d: NominationDriver;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
    for (const [key, name] of Object.entries({ school: UNITS.truongTieuHoc.name, village: UNITS.banBinhLu.name, cooperative: UNITS.htxNongNghiep.name, centre: UNITS.trungTamDichVu.name })) {
      ids[key] = await t.organizationId(name);
    }
  });
  afterAll(() => t.close());

  const auth = async (as: string) => `Bearer ${await t.tokenOf(as)}`;
  const get = async (as: string, path: string) => t.http().get(`/api/nominees${path}`).set('Authorization', await auth(as));
  const post = async (as: string, path: string, body: object) => t.http().post(`/api/nominees${path}`).set('Authorization', await auth(as)).send(body);

  /** A registry entry the commune office records for one of its units. */
  async function register(nominee: Record<string, unknown>, organization: string): Promise<string> {
    const response = await post(OFFICE, '', { ...nominee, organizationId: organization });
    expectStatus(response, 201);
    return response.body.id;
  }
  async function rate(id: string, year: number, rating: string) {
    expectStatus(await post(OFFICE, `/${id}/ratings`, { year, rating, note: `Kết quả đánh giá, xếp loại năm ${year}` }), 201);
  }
  async function grant(id: string, formCode: string, year: number, number: string, authority = 'Chủ tịch UBND xã Bình Lư') {
    expectStatus(await post(OFFICE, `/${id}/awards`, { formCode, year, decisionNumber: number, decisionDate: decided(year), grantingAuthority: authority }), 201);
  }
  async function registry(id: string, as = OFFICE) {
    const response = await get(as, `/${id}`);
    expectStatus(response, 200);
    return response.body;
  }
  /** A draft of the unit for a registry entry, with the documents SUBMIT checks; no history is added for it. */
  async function draft(as: string, formCode: string, nomineeId: string, extra: Record<string, unknown> = {}): Promise<NominationView> {
    return d.draft(as, formCode, {}, { nomineeId, ...extra }, { withHistory: false });
  }

  describe('the registry', () => {
    it('is kept by the commune office: an entry with the data offices use, unique in its unit by the matching rule', async () => {
      const created = await post(OFFICE, '', { ...NOMINEES.loThiHuong, organizationId: ids.school });
      expectStatus(created, 201);
      expect(created.body).toMatchObject({
        organizationId: ids.school,
        organizationName: UNITS.truongTieuHoc.name,
        kind: 'individual',
        fullName: 'Lò Thị Hương',
        dateOfBirth: '1988-05-14',
        position: 'Giáo viên',
        unitName: 'Trường Tiểu học Bình Lư',
        ratings: [],
        awards: [],
        flags: [],
        nominations: [],
      });
      // The same person, name spaced and cased differently: the same entry.
      const again = expectErrorShape(await post(OFFICE, '', { ...NOMINEES.loThiHuong, fullName: '  lò thị  HƯƠNG ', organizationId: ids.school }), 422);
      expect(again.details).toMatchObject({ rule: 'nominee-unique', nomineeId: created.body.id });
      // A household with its head and address; an enterprise with its tax code.
      const household = await post(OFFICE, '', { ...NOMINEES.hoOngTongVanPieng, householdHead: 'Tòng Văn Piềng', organizationId: ids.village });
      expectStatus(household, 201);
      expect(household.body).toMatchObject({ kind: 'household', name: 'Hộ ông Tòng Văn Piềng', householdHead: 'Tòng Văn Piềng', address: 'Bản Bình Lư' });
      // A unit proposes; it does not keep the registry.
      const byUnit = expectErrorShape(await post(SCHOOL, '', { ...NOMINEES.luongThiNga }), 403);
      expect(byUnit.details).toMatchObject({ requiredRole: 'appraiser' });
      expectErrorShape(await post(SCHOOL, `/${created.body.id}/ratings`, { year: Y, rating: 'excellent' }), 403);
    });

    it('is read by the owning unit and the organizations above it, not by another unit or an agency beside them (403)', async () => {
      const id = await register(NOMINEES.sungAPao, ids.centre);
      for (const reader of [CENTRE, OFFICE, COMMUNE.signer, PROVINCE.appraiser]) expectStatus(await get(reader, `/${id}`), 200);
      for (const outsider of [SCHOOL, VILLAGE, AGENCY.appraiser]) {
        const refused = expectErrorShape(await get(outsider, `/${id}`), 403);
        expect(refused.message).toContain('phạm vi');
        expectErrorShape(await get(outsider, `/${id}/eligibility`), 403);
      }
      const listed = async (as: string) => {
        const response = await get(as, '?pageSize=100');
        expectStatus(response, 200);
        return (response.body.items as Array<{ id: string }>).map((item) => item.id);
      };
      expect(await listed(CENTRE)).toContain(id);
      expect(await listed(OFFICE)).toContain(id);
      expect(await listed(SCHOOL)).not.toContain(id);
      expect(await listed(AGENCY.appraiser)).not.toContain(id);
      // Another unit cannot draft a nomination for it either.
      const foreign = await t.http().post('/api/nominations').set('Authorization', await auth(SCHOOL)).send({ formCode: 'lao-dong-tien-tien', nomineeId: id });
      expectErrorShape(foreign, 403);
    });

    it('reuses the entry when a unit drafts with the same nominee inline, and creates one for a new person', async () => {
      const id = await register(NOMINEES.tongThiXuan, ids.cooperative);
      const inline = await t
        .http()
        .post('/api/nominations')
        .set('Authorization', await auth(COOPERATIVE))
        .send({ formCode: 'giay-khen-chu-tich-xa', criterion: 'thanh-tich-phong-trao', nominee: NOMINEES.tongThiXuan });
      expectStatus(inline, 201);
      expect(inline.body).toMatchObject({ nomineeId: id, criterion: 'thanh-tich-phong-trao', awardYear: Y, nominee: NOMINEES.tongThiXuan });
      const newcomer = { kind: 'individual', fullName: 'Lò Thị Xiêm', position: 'Xã viên', unitName: 'Hợp tác xã Nông nghiệp Bình Lư', category: 'worker-farmer' };
      const created = await t.http().post('/api/nominations').set('Authorization', await auth(COOPERATIVE)).send({ formCode: 'giay-khen-chu-tich-xa', criterion: 'thanh-tich-dot-xuat', nominee: newcomer });
      expectStatus(created, 201);
      expect(created.body.nomineeId).not.toBe(id);
      expect(await registry(created.body.nomineeId, COOPERATIVE)).toMatchObject({ fullName: 'Lò Thị Xiêm', organizationId: ids.cooperative, nominations: [{ id: created.body.id }] });
    });

    it('imports past awards all or nothing, reporting every row', async () => {
      const nga = await register(NOMINEES.luongThiNga, ids.school);
      const goodRow = { nomineeId: nga, formCode: 'lao-dong-tien-tien', year: Y - 1, decisionNumber: '112/QĐ-UBND', decisionDate: decided(Y - 1), grantingAuthority: 'Chủ tịch UBND xã Bình Lư' };
      const newPerson = {
        nominee: { kind: 'individual', fullName: 'Tẩn Thị Phương', position: 'Giáo viên', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' },
        organizationId: ids.school,
        formCode: 'lao-dong-tien-tien',
        year: Y - 1,
        decisionNumber: '112/QĐ-UBND',
        decisionDate: decided(Y - 1),
        grantingAuthority: 'Chủ tịch UBND xã Bình Lư',
      };
      const refused = expectErrorShape(
        await post(OFFICE, '/import', {
          rows: [
            goodRow,
            { ...goodRow, formCode: 'huy-hieu-nganh' },
            { ...goodRow, decisionDate: `${Y - 1}-02-30` },
            newPerson,
            { ...newPerson, organizationId: await t.organizationId(AGENCY.name) },
          ],
        }),
        422,
      );
      expect(refused.details.rule).toBe('import-all-or-nothing');
      expect(refused.details.rows.map((row: { status: string }) => row.status)).toEqual(['ok', 'error', 'error', 'ok', 'error']);
      expect(refused.details.rows[1].problems).toEqual([expect.objectContaining({ field: 'name' })]);
      expect(refused.details.rows[2].problems).toEqual([expect.objectContaining({ field: 'decisionDate' })]);
      expect(refused.details.rows[4].problems).toEqual([expect.objectContaining({ field: 'organizationId' })]);
      expect((await registry(nga)).awards).toEqual([]);
      const names = async () => ((await get(OFFICE, '?q=Tẩn&pageSize=100')).body.items as unknown[]).length;
      expect(await names()).toBe(0);

      const imported = await post(OFFICE, '/import', {
        rows: [goodRow, { ...goodRow, formCode: 'huy-hieu-nganh', name: 'Huy hiệu Vì sự nghiệp giáo dục', decisionNumber: '88/QĐ-BGDĐT', grantingAuthority: 'Bộ trưởng Bộ Giáo dục và Đào tạo' }, newPerson],
      });
      expectStatus(imported, 201);
      expect(imported.body).toMatchObject({ imported: 3, nomineesCreated: 1 });
      expect(imported.body.rows.map((row: { status: string; nomineeCreated: boolean }) => [row.status, row.nomineeCreated])).toEqual([
        ['ok', false],
        ['ok', false],
        ['ok', true],
      ]);
      const awards = (await registry(nga)).awards;
      expect(awards).toHaveLength(2);
      expect(awards).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ formCode: 'lao-dong-tien-tien', name: 'Lao động tiên tiến', year: Y - 1, source: 'imported', decisionNumber: '112/QĐ-UBND', revoked: null }),
          expect.objectContaining({ formCode: 'huy-hieu-nganh', name: 'Huy hiệu Vì sự nghiệp giáo dục', source: 'imported' }),
        ]),
      );
      expect(await names()).toBe(1);
      // The same batch again: every row is now a duplicate.
      const twice = expectErrorShape(await post(OFFICE, '/import', { rows: [goodRow] }), 422);
      expect(twice.details.rows[0].problems).toEqual([expect.objectContaining({ field: 'decisionNumber' })]);
    });
  });

  describe('each kind of rule, refused and accepted at its boundary (422 names the rule and its legal basis)', () => {
    it('title in consecutive years: Chiến sĩ thi đua cấp tỉnh needs 3 consecutive Chiến sĩ thi đua cơ sở, 2 are refused', async () => {
      const person = await register({ kind: 'individual', fullName: 'Hoàng Văn Quân', position: 'Giáo viên', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' }, ids.school);
      await grant(person, 'chien-si-thi-dua-co-so', Y - 1, '113/QĐ-UBND');
      await grant(person, 'chien-si-thi-dua-co-so', Y, '186/QĐ-UBND');
      const drafted = await draft(SCHOOL, 'chien-si-thi-dua-tinh', person);
      expect(drafted).toMatchObject({ nomineeId: person, criterion: 'ba-lan-chien-si-thi-dua-co-so', awardYear: Y, nominee: { fullName: 'Hoàng Văn Quân' } });
      const refused = await d.refuse(SCHOOL, drafted.id, { type: 'SUBMIT' }, 422);
      expect(refused.details).toMatchObject({ rule: 'title-years', legalBasis: expect.stringContaining('Chiến sĩ thi đua cấp tỉnh'), criterion: 'ba-lan-chien-si-thi-dua-co-so' });
      expect(refused.message).toBe(`Chưa đủ 3 năm liên tục (${Y - 2}–${Y}) đạt danh hiệu Chiến sĩ thi đua cơ sở (mới có 2)`);

      await grant(person, 'chien-si-thi-dua-co-so', Y - 2, '1602/QĐ-UBND', 'Chủ tịch UBND huyện Tam Đường');
      expect((await d.step(SCHOOL, drafted.id, { type: 'SUBMIT' })).state).toBe('commune.received');
    });

    it('years of a rating: Chiến sĩ thi đua cơ sở needs excellent completion in the year, good is refused', async () => {
      const good = await register({ kind: 'individual', fullName: 'Giàng Thị Mỷ', position: 'Viên chức', unitName: 'Trung tâm Dịch vụ tổng hợp xã Bình Lư', category: 'civil-servant' }, ids.centre);
      const excellent = await register({ kind: 'individual', fullName: 'Sần Thị Lan', position: 'Viên chức', unitName: 'Trung tâm Dịch vụ tổng hợp xã Bình Lư', category: 'civil-servant' }, ids.centre);
      for (const [id, rating] of [[good, 'good'], [excellent, 'excellent']] as const) {
        await rate(id, Y, rating);
        await grant(id, 'lao-dong-tien-tien', Y, '190/QĐ-UBND');
      }
      // Several alternatives apply: the nomination must say which it claims.
      const unclaimed = expectErrorShape(await t.http().post('/api/nominations').set('Authorization', await auth(CENTRE)).send({ formCode: 'chien-si-thi-dua-co-so', nomineeId: good }), 400);
      expect(badFields(unclaimed)).toEqual(['criterion']);
      expect(unclaimed.details.choices.map((choice: { code: string }) => choice.code)).toEqual(['hoan-thanh-xuat-sac', 'sang-kien']);

      const refusedDraft = await draft(CENTRE, 'chien-si-thi-dua-co-so', good, { criterion: 'hoan-thanh-xuat-sac' });
      const refused = await d.refuse(CENTRE, refusedDraft.id, { type: 'SUBMIT' }, 422);
      expect(refused).toMatchObject({ message: `Chưa đủ năm ${Y} hoàn thành xuất sắc nhiệm vụ (mới có 0)`, details: { rule: 'rating-years', legalBasis: expect.stringContaining('Chiến sĩ thi đua cơ sở') } });
      const accepted = await draft(CENTRE, 'chien-si-thi-dua-co-so', excellent, { criterion: 'hoan-thanh-xuat-sac' });
      expect((await d.step(CENTRE, accepted.id, { type: 'SUBMIT' })).state).toBe('commune.received');
    });

    it('a prior form: the Bằng khen của Thủ tướng by the 5-year clause needs a provincial Bằng khen 5 years back, 4 are refused', async () => {
      const record = async (name: string, bangKhenYear: number) => {
        const id = await register({ kind: 'individual', fullName: name, position: 'Giáo viên', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' }, ids.school);
        for (const year of [Y - 4, Y - 3, Y - 2, Y - 1, Y]) await rate(id, year, year === Y - 4 ? 'good' : 'excellent');
        for (const year of [Y - 4, Y - 2, Y]) await grant(id, 'chien-si-thi-dua-co-so', year, `${year - 2000}1/QĐ-UBND`);
        await grant(id, 'bang-khen-chu-tich-tinh', bangKhenYear, `${bangKhenYear - 2000}50/QĐ-UBND`, 'Chủ tịch UBND tỉnh Lai Châu');
        return id;
      };
      const fourYears = await draft(SCHOOL, 'bang-khen-thu-tuong', await record('Lò Thị Hồng', Y - 4), { criterion: 'bang-khen-tinh-va-5-nam' });
      const refused = await d.refuse(SCHOOL, fourYears.id, { type: 'SUBMIT' }, 422);
      expect(refused.details).toMatchObject({ rule: 'prior-award', legalBasis: expect.stringContaining('Bằng khen của Thủ tướng Chính phủ') });
      expect(refused.message).toBe(`Phải đã được tặng Bằng khen của Chủ tịch UBND tỉnh từ năm ${Y - 5} trở về trước (được tặng năm ${Y - 4}, chưa đủ 5 năm)`);

      const fiveYears = await draft(SCHOOL, 'bang-khen-thu-tuong', await record('Điêu Thị Hạnh', Y - 5), { criterion: 'bang-khen-tinh-va-5-nam' });
      expect((await d.step(SCHOOL, fiveYears.id, { type: 'SUBMIT' })).state).toBe('commune.received');
    });

    it('the kinds an alternative applies to: a cooperative is no village (Thôn, bản văn hóa), a household has no Chiến sĩ thi đua', async () => {
      const cooperative = await register(NOMINEES.htxNongNghiep, ids.cooperative);
      const notVillage = expectErrorShape(await t.http().post('/api/nominations').set('Authorization', await auth(COOPERATIVE)).send({ formCode: 'thon-van-hoa', nomineeId: cooperative }), 422);
      expect(notVillage.details).toMatchObject({ rule: 'criterion-applies', legalBasis: expect.stringContaining('Thôn, tổ dân phố văn hóa') });
      const household = await t
        .http()
        .post('/api/nominations')
        .set('Authorization', await auth(VILLAGE))
        .send({ formCode: 'bang-khen-chu-tich-tinh', criterion: 'hai-nam-chien-si-thi-dua-co-so', nominee: NOMINEES.hoOngTongVanPieng });
      expect(expectErrorShape(household, 422).details.rule).toBe('criterion-applies');
      const village = await draft(VILLAGE, 'thon-van-hoa', await register(NOMINEES.banBinhLu, ids.village));
      expect(village.criterion).toBe('tieu-chi-thon-van-hoa');
      expect((await d.step(VILLAGE, village.id, { type: 'SUBMIT' })).state).toBe('commune.received');
    });

    it('block leadership: Cờ thi đua cấp tỉnh needs the block’s election in the year, the year before is refused', async () => {
      const school = await register(NOMINEES.truongTieuHoc, ids.school);
      expectStatus(await post(OFFICE, `/${school}/block-results`, { year: Y - 1, blockName: 'Khối thi đua các trường tiểu học vùng cao' }), 201);
      const drafted = await draft(SCHOOL, 'co-thi-dua-tinh', school, { criterion: 'dan-dau-khoi-thi-dua' });
      const refused = await d.refuse(SCHOOL, drafted.id, { type: 'SUBMIT' }, 422);
      expect(refused).toMatchObject({ message: `Chưa có kết quả suy tôn dẫn đầu cụm, khối thi đua năm ${Y} (mới có 0)`, details: { rule: 'block-lead' } });
      expectStatus(await post(OFFICE, `/${school}/block-results`, { year: Y, blockName: 'Khối thi đua các trường tiểu học vùng cao', note: 'Biên bản suy tôn ngày 15/11' }), 201);
      expect((await d.step(SCHOOL, drafted.id, { type: 'SUBMIT' })).state).toBe('commune.received');
      // A block result belongs to a collective.
      expectErrorShape(await post(OFFICE, `/${await register(NOMINEES.deoVanPieng, ids.village)}/block-results`, { year: Y, blockName: 'Khối thi đua các bản' }), 422);
    });

    it('a declaration passes the machine check and is listed for the appraiser', async () => {
      const household = await register({ ...NOMINEES.hoOngTongVanPieng, name: 'Hộ bà Lò Thị Dung', householdHead: 'Lò Thị Dung' }, ids.village);
      const drafted = await draft(VILLAGE, 'giay-khen-chu-tich-xa', household, { criterion: 'dong-gop-cho-dia-phuong' });
      expect((await d.step(VILLAGE, drafted.id, { type: 'SUBMIT' })).state).toBe('commune.received');
      const screen = await get(VILLAGE, `/${household}/eligibility`);
      const giayKhen = screen.body.forms.find((form: { formCode: string }) => form.formCode === 'giay-khen-chu-tich-xa');
      expect(giayKhen.alternatives.find((alternative: { code: string }) => alternative.code === 'dong-gop-cho-dia-phuong')).toMatchObject({
        applies: true,
        met: true,
        declarations: ['Đóng góp công sức, đất đai, tài sản cho địa phương'],
      });
    });

    it('one open nomination per nominee and form: a second is refused until the first ends; another campaign is not', async () => {
      const pieng = await register({ ...NOMINEES.deoVanPieng, fullName: 'Đèo Văn Pọm' }, ids.village);
      const first = await draft(VILLAGE, 'giay-khen-chu-tich-xa', pieng, { criterion: 'thanh-tich-dot-xuat' });
      await d.step(VILLAGE, first.id, { type: 'SUBMIT' });
      const second = await draft(VILLAGE, 'giay-khen-chu-tich-xa', pieng, { criterion: 'thanh-tich-phong-trao' });
      const refused = await d.refuse(VILLAGE, second.id, { type: 'SUBMIT' }, 422);
      expect(refused.details).toMatchObject({ rule: 'one-open-nomination', legalBasis: expect.stringContaining('một lần') });
      // A campaign of the commune whose sơ kết is open today and allows the Giấy khen.
      const created = await t.http().post('/api/campaigns').set('Authorization', await auth(OFFICE)).send(doiMoiSangTaoCampaign());
      expectStatus(created, 201);
      const campaign = await draft(VILLAGE, 'giay-khen-chu-tich-xa', pieng, { criterion: 'thanh-tich-phong-trao', campaignId: created.body.id });
      expect((await d.step(VILLAGE, campaign.id, { type: 'SUBMIT' })).state).toBe('commune.received');
      await d.step(VILLAGE, first.id, { type: 'WITHDRAW', reason: 'Đề nghị theo phong trào thi đua' });
      expect((await d.step(VILLAGE, second.id, { type: 'SUBMIT' })).state).toBe('commune.received');
    });

    it('lets one of two racing submissions for the same nominee and form through', async () => {
      const tien = await register({ kind: 'individual', fullName: 'Tòng Văn Khiêm', position: 'Phó trưởng bản', unitName: 'Bản Bình Lư', category: 'worker-farmer' }, ids.village);
      const drafts = [
        await draft(VILLAGE, 'giay-khen-chu-tich-xa', tien, { criterion: 'thanh-tich-phong-trao' }),
        await draft(VILLAGE, 'giay-khen-chu-tich-xa', tien, { criterion: 'thanh-tich-dot-xuat' }),
      ];
      const answers = await Promise.all(drafts.map((drafted) => d.send(VILLAGE, drafted.id, { type: 'SUBMIT' })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
      expect(expectErrorShape(answers.find((answer) => answer.status === 422)!, 422).details.rule).toBe('one-open-nomination');
      const states = await Promise.all(drafts.map(async (drafted) => (await d.view(VILLAGE, drafted.id)).state));
      expect(states.sort()).toEqual(['commune.received', 'draft']);
    });

    it('lets a draft change its claim and year, and fixes them once submitted', async () => {
      const person = await register({ kind: 'individual', fullName: 'Chảo A Sinh', position: 'Tổ trưởng sản xuất', unitName: 'Công ty TNHH Chè Bình Lư', category: 'worker-farmer' }, await t.organizationId(UNITS.congTyChe.name));
      const owner = UNITS.congTyChe.submitter;
      const drafted = await draft(owner, 'lao-dong-tien-tien', person, { criterion: 'hoan-thanh-tot-nhiem-vu' });
      const patch = async (body: object) => t.http().patch(`/api/nominations/${drafted.id}`).set('Authorization', await auth(owner)).send(body);
      const changed = await patch({ criterion: 'lao-dong-san-xuat-hieu-qua', awardYear: Y - 1 });
      expectStatus(changed, 200);
      expect(changed.body).toMatchObject({ criterion: 'lao-dong-san-xuat-hieu-qua', awardYear: Y - 1 });
      expectErrorShape(await patch({ awardYear: Y + 1 }), 400);
      expectErrorShape(await patch({ criterion: 'khong-co' }), 400);
      await d.step(owner, drafted.id, { type: 'SUBMIT' });
      await d.step(COMMUNE.appraiser, drafted.id, { type: 'ACCEPT' });
      await d.step(COMMUNE.appraiser, drafted.id, { type: 'REQUEST_SUPPLEMENT', reason: 'Bổ sung xác nhận của công ty', items: ['Bản xác nhận ngày công'] });
      const fixed = expectErrorShape(await patch({ criterion: 'hoan-thanh-tot-nhiem-vu' }), 422);
      expect(fixed.details.rule).toBe('eligibility-fixed-after-submission');
      expectStatus(await patch({ achievements: 'Năng suất hái chè cao nhất tổ năm qua.' }), 200);
    });
  });

  describe('flags (no award under a cloud)', () => {
    it('refuses SUBMIT while a complaint is being verified, and accepts it once the flag is lifted', async () => {
      const xuan = await register({ ...NOMINEES.tongThiXuan, fullName: 'Lò Thị Mai' }, ids.cooperative);
      const flagged = await post(OFFICE, `/${xuan}/flags`, {
        kind: 'complaint-verification',
        startsOn: TODAY,
        note: 'Đơn phản ánh về việc chia lãi của hợp tác xã đang được xác minh',
      });
      expectStatus(flagged, 201);
      expect(flagged.body.flags).toEqual([expect.objectContaining({ kind: 'complaint-verification', inForce: true, label: expect.stringContaining('khiếu nại, tố cáo') })]);
      const drafted = await draft(COOPERATIVE, 'giay-khen-chu-tich-xa', xuan, { criterion: 'thanh-tich-phong-trao' });
      const refused = await d.refuse(COOPERATIVE, drafted.id, { type: 'SUBMIT' }, 422);
      expect(refused.details).toMatchObject({ rule: 'nominee-under-review', legalBasis: expect.stringContaining('Luật Thi đua, khen thưởng') });
      expect(refused.message).toMatch(/^Chưa xét khen thưởng: đối tượng có đơn thư khiếu nại, tố cáo đang được xác minh/);

      const flagId = flagged.body.flags[0].id;
      const lifted = await post(OFFICE, `/${xuan}/flags/${flagId}/lift`, { note: 'Kết quả xác minh: không có vi phạm (Kết luận số 07/KL-UBND)' });
      expectStatus(lifted, 200);
      expect(lifted.body.flags[0]).toMatchObject({ liftedOn: TODAY, inForce: false });
      expectErrorShape(await post(OFFICE, `/${xuan}/flags/${flagId}/lift`, { note: 'Lần hai' }), 422);
      expect((await d.step(COOPERATIVE, drafted.id, { type: 'SUBMIT' })).state).toBe('commune.received');
    });

    it('refuses SIGN when the nominee came under discipline review after submission, and signs once it is lifted', async () => {
      const hai = await register(NOMINEES.nguyenVanHai, await t.organizationId(UNITS.congTyChe.name));
      const drafted = await draft(UNITS.congTyChe.submitter, 'giay-khen-chu-tich-xa', hai, { criterion: 'thanh-tich-phong-trao' });
      const awaiting = await d.advanceTo(drafted.id, 'commune.awaitingSignature');
      const flagged = await post(OFFICE, `/${hai}/flags`, { kind: 'discipline-review', startsOn: TODAY, note: 'Ủy ban Kiểm tra xem xét xử lý kỷ luật (Thông báo số 15/TB-UBKT)' });
      expectStatus(flagged, 201);
      const refused = await d.refuse(COMMUNE.signer, awaiting.id, { type: 'SIGN', number: '301/QĐ-UBND' }, 422);
      expect(refused.details).toMatchObject({ rule: 'nominee-under-review', legalBasis: expect.any(String) });
      expect(refused.message).toContain('đang bị xem xét xử lý kỷ luật');
      expectStatus(await post(OFFICE, `/${hai}/flags/${flagged.body.flags[0].id}/lift`, { note: 'Không xử lý kỷ luật' }), 200);
      expect((await d.step(COMMUNE.signer, awaiting.id, { type: 'SIGN', number: '301/QĐ-UBND' })).state).toBe('awarded');
    });

    it('refuses while a discipline runs: achievements count only from its end', async () => {
      const person = await register({ kind: 'individual', fullName: 'Lù Văn Tiến', position: 'Bí thư chi bộ bản', unitName: 'Bản Bình Lư', category: 'worker-farmer' }, ids.village);
      expectStatus(await post(OFFICE, `/${person}/flags`, { kind: 'disciplined', startsOn: TODAY, endsOn: `${Y}-12-31`, note: 'Khiển trách (Quyết định số 21/QĐ-UBKT)' }), 201);
      const noEnd = expectErrorShape(await post(OFFICE, `/${person}/flags`, { kind: 'disciplined', startsOn: TODAY, note: 'Thiếu ngày kết thúc' }), 400);
      expect(badFields(noEnd)).toEqual(['endsOn']);
      const drafted = await draft(VILLAGE, 'giay-khen-chu-tich-xa', person, { criterion: 'thanh-tich-dot-xuat' });
      const refused = await d.refuse(VILLAGE, drafted.id, { type: 'SUBMIT' }, 422);
      expect(refused).toMatchObject({ message: expect.stringContaining(`đến ngày 31/12/${Y}`), details: { rule: 'discipline-counts-from-end' } });
    });
  });

  describe('the eligibility endpoint and awards granted here', () => {
    it('lists every form with eligible or why not; an award granted here joins the history, counts for the next nomination, and keeps its revocation', async () => {
      const yen = await register({ kind: 'individual', fullName: 'Lường Thị Yên', position: 'Viên chức', unitName: 'Trung tâm Dịch vụ tổng hợp xã Bình Lư', category: 'civil-servant', dateOfBirth: '1990-03-08' }, ids.centre);
      await rate(yen, Y, 'excellent');
      await grant(yen, 'lao-dong-tien-tien', Y, '190/QĐ-UBND');
      await grant(yen, 'chien-si-thi-dua-co-so', Y - 1, '113/QĐ-UBND');

      const screen = async (year = Y) => {
        const response = await get(CENTRE, `/${yen}/eligibility?year=${year}`);
        expectStatus(response, 200);
        return new Map((response.body.forms as Array<{ formCode: string; eligible: boolean; refusals: unknown[]; alternatives: Array<{ code: string; met: boolean; failures: Array<{ rule: string; message: string }> }> }>).map((form) => [form.formCode, form]));
      };
      let forms = await screen();
      expect(forms.size).toBe(16);
      expect(forms.get('chien-si-thi-dua-co-so')!.eligible).toBe(true);
      expect(forms.get('gia-dinh-van-hoa')).toMatchObject({ eligible: false, refusals: [expect.objectContaining({ rule: 'nominee-kind' })] });
      const bangKhen = forms.get('bang-khen-chu-tich-tinh')!.alternatives.find((alternative) => alternative.code === 'hai-nam-chien-si-thi-dua-co-so')!;
      expect(bangKhen).toMatchObject({ met: false, failures: [expect.objectContaining({ rule: 'title-years', message: expect.stringContaining('mới có 1') })] });
      expect((await get(CENTRE, `/${yen}/eligibility?year=hai-nghin`)).status).toBe(400);

      // Bằng khen cấp tỉnh by 2 consecutive Chiến sĩ thi đua cơ sở: refused now, with one.
      const bangKhenDraft = await draft(CENTRE, 'bang-khen-chu-tich-tinh', yen, { criterion: 'hai-nam-chien-si-thi-dua-co-so' });
      expect((await d.refuse(CENTRE, bangKhenDraft.id, { type: 'SUBMIT' }, 422)).details.rule).toBe('title-years');

      // The year's Chiến sĩ thi đua cơ sở, granted in the system.
      const cstdcs = await draft(CENTRE, 'chien-si-thi-dua-co-so', yen, { criterion: 'hoan-thanh-xuat-sac' });
      const awarded = await d.advanceTo(cstdcs.id, 'awarded');
      const [decision] = awarded.signatures;
      const history = await registry(yen, CENTRE);
      expect(history.awards).toContainEqual(
        expect.objectContaining({
          formCode: 'chien-si-thi-dua-co-so',
          name: 'Chiến sĩ thi đua cơ sở',
          year: Y,
          source: 'system',
          nominationId: cstdcs.id,
          decisionNumber: decision.number,
          decisionDate: decision.date,
          grantingAuthority: `Chủ tịch UBND xã (${COMMUNE.name})`,
          revoked: null,
        }),
      );
      expect(history.nominations.map((nomination: { id: string; state: string }) => [nomination.id, nomination.state])).toEqual(
        expect.arrayContaining([[cstdcs.id, 'awarded'], [bangKhenDraft.id, 'draft']]),
      );
      forms = await screen();
      expect(forms.get('bang-khen-chu-tich-tinh')!.eligible).toBe(true);
      expect((await d.step(CENTRE, bangKhenDraft.id, { type: 'SUBMIT' })).state).toBe('commune.received');

      // Revoked: the history keeps the award and its revocation, and it no longer counts.
      await d.step(COMMUNE.signer, cstdcs.id, { type: 'REVOKE', number: '19/QĐ-UBND', date: TODAY, reason: 'Kê khai thành tích không trung thực' });
      const revoked = (await registry(yen, CENTRE)).awards.find((award: { nominationId: string | null }) => award.nominationId === cstdcs.id);
      expect(revoked.revoked).toEqual({ on: TODAY, number: '19/QĐ-UBND', reason: 'Kê khai thành tích không trung thực' });
      const afterRevocation = (await screen()).get('bang-khen-chu-tich-tinh')!;
      expect(afterRevocation.alternatives.find((alternative) => alternative.code === 'hai-nam-chien-si-thi-dua-co-so')).toMatchObject({ met: false });
      // …and the Bằng khen now under way is its one open nomination for that form.
      expect(afterRevocation.refusals).toEqual([expect.objectContaining({ rule: 'one-open-nomination' })]);
    });
  });
});
