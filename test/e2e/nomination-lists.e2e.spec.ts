import type { TestApp } from '../support/test-app';
import { ADMIN, COMMUNE, NOMINEES, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectStatus, nominationDriver, type NominationDriver, type NominationView } from './support/nomination-driver';

/** GET /api/nominations: scoped to what the caller's organization may see, filtered, paged. */
describe('nomination lists', () => {
  let t: TestApp;
  let d: NominationDriver;
  const made: Record<string, NominationView> = {};

  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
    made.huong = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong, 'commune.appraisal');
    made.nga = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'chien-si-thi-dua-co-so', NOMINEES.luongThiNga, 'commune.received');
    made.truongDraft = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.truongTieuHoc, 'draft');
    made.pieng = await d.nominationAt(UNITS.banBinhLu.submitter, 'giay-khen-chu-tich-xa', NOMINEES.deoVanPieng, 'awarded');
    made.household = await d.nominationAt(UNITS.banBinhLu.submitter, 'gia-dinh-van-hoa', NOMINEES.hoOngTongVanPieng, 'commune.councilReview');
    made.ban = await d.nominationAt(UNITS.banBinhLu.submitter, 'bang-khen-chu-tich-tinh', NOMINEES.banBinhLu, 'province.received');
    made.xuanDraft = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'giay-khen-chu-tich-xa', NOMINEES.tongThiXuan, 'draft');
    made.hai = await d.nominationAt(UNITS.congTyChe.submitter, 'bang-khen-thu-tuong', NOMINEES.nguyenVanHai, 'central.awaitingExternalDecision');
  });
  afterAll(() => t.close());

  async function listed(as: string, query: Record<string, string | number> = {}) {
    const response = await d.list(as, { pageSize: 100, ...query });
    expectStatus(response, 200);
    return { ids: (response.body.items as NominationView[]).map((item) => item.id).sort(), total: response.body.total as number, body: response.body };
  }
  const ids = (...keys: string[]) => keys.map((key) => made[key].id).sort();

  describe('scoping', () => {
    it('a unit sees only its own nominations, drafts included', async () => {
      expect(await listed(UNITS.truongTieuHoc.submitter)).toMatchObject({ ids: ids('huong', 'nga', 'truongDraft'), total: 3 });
      expect(await listed(UNITS.banBinhLu.submitter)).toMatchObject({ ids: ids('pieng', 'household', 'ban'), total: 3 });
      expect(await listed(UNITS.htxNongNghiep.submitter)).toMatchObject({ ids: ids('xuanDraft'), total: 1 });
      expect(await listed(UNITS.trungTamDichVu.submitter)).toMatchObject({ ids: [], total: 0 });
    });

    it('the commune sees every submitted dossier of its units, but no drafts', async () => {
      expect(await listed(COMMUNE.appraiser)).toMatchObject({ ids: ids('huong', 'nga', 'pieng', 'household', 'ban', 'hai'), total: 6 });
      expect(await listed(COMMUNE.signer)).toMatchObject({ total: 6 });
    });

    it('the province sees only what reached it', async () => {
      expect(await listed(PROVINCE.appraiser)).toMatchObject({ ids: ids('ban', 'hai'), total: 2 });
    });

    it('the administrator sees everything', async () => {
      expect(await listed(ADMIN)).toMatchObject({ total: 8 });
    });

    it('an item is the same view as GET /:id, with the caller’s allowed events', async () => {
      const { body } = await listed(COMMUNE.appraiser, { formCode: 'giay-khen-chu-tich-xa', state: 'commune.appraisal' });
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toEqual(await d.view(COMMUNE.appraiser, made.huong.id));
      expect(body.items[0].allowedEvents).toEqual(['REQUEST_SUPPLEMENT', 'APPRAISAL_PASSED', 'APPRAISAL_REJECTED']);
    });
  });

  describe('filters', () => {
    it('state=commune matches every commune.* step; a full path matches exactly; a final state by name', async () => {
      expect(await listed(COMMUNE.appraiser, { state: 'commune' })).toMatchObject({ ids: ids('huong', 'nga', 'household'), total: 3 });
      expect(await listed(COMMUNE.appraiser, { state: 'commune.received' })).toMatchObject({ ids: ids('nga'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { state: 'province' })).toMatchObject({ ids: ids('ban'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { state: 'central' })).toMatchObject({ ids: ids('hai'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { state: 'awarded' })).toMatchObject({ ids: ids('pieng'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { state: 'comm' })).toMatchObject({ ids: [], total: 0 });
      expect(await listed(UNITS.truongTieuHoc.submitter, { state: 'draft' })).toMatchObject({ ids: ids('truongDraft'), total: 1 });
    });

    it('formCode and organizationId narrow the list, combined with the scope', async () => {
      expect(await listed(COMMUNE.appraiser, { formCode: 'giay-khen-chu-tich-xa' })).toMatchObject({ ids: ids('huong', 'pieng'), total: 2 });
      expect(await listed(COMMUNE.appraiser, { formCode: 'bang-khen-chu-tich-tinh' })).toMatchObject({ ids: ids('ban'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { formCode: 'huan-chuong-lao-dong-hang-ba' })).toMatchObject({ ids: [], total: 0 });
      const truong = await t.organizationId(UNITS.truongTieuHoc.name);
      expect(await listed(COMMUNE.appraiser, { organizationId: truong })).toMatchObject({ ids: ids('huong', 'nga'), total: 2 });
      expect(await listed(COMMUNE.appraiser, { organizationId: truong, state: 'commune.received' })).toMatchObject({ ids: ids('nga'), total: 1 });
      // A unit cannot widen its scope by naming another unit.
      expect(await listed(UNITS.banBinhLu.submitter, { organizationId: truong })).toMatchObject({ ids: [], total: 0 });
    });

    it('q finds a nominee by part of the name, whatever the letter case, Vietnamese capitals included', async () => {
      expect(await listed(COMMUNE.appraiser, { q: 'Hương' })).toMatchObject({ ids: ids('huong'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { q: 'lò thị' })).toMatchObject({ ids: ids('huong'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { q: 'LƯỜNG THỊ NGA' })).toMatchObject({ ids: ids('nga'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { q: 'Piềng' })).toMatchObject({ ids: ids('household'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { q: 'bình lư' })).toMatchObject({ ids: ids('ban'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { q: 'Đèo Văn' })).toMatchObject({ ids: ids('pieng'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { q: 'đèo văn piêng' })).toMatchObject({ ids: ids('pieng'), total: 1 });
      expect(await listed(COMMUNE.appraiser, { q: 'Tòng Thị Xuân' })).toMatchObject({ ids: [], total: 0 }); // a draft of another unit
      expect(await listed(UNITS.htxNongNghiep.submitter, { q: 'xuân' })).toMatchObject({ ids: ids('xuanDraft'), total: 1 });
    });

    it('q is matched literally: % and _ are not wildcards', async () => {
      expect(await listed(COMMUNE.appraiser, { q: '%' })).toMatchObject({ total: 0 });
      expect(await listed(COMMUNE.appraiser, { q: 'L_ Thị' })).toMatchObject({ total: 0 });
    });
  });

  describe('pagination', () => {
    it('pages through the list with a stable order and the same total on every page', async () => {
      const pages = [];
      for (const page of [1, 2, 3, 4]) {
        const response = await d.list(COMMUNE.appraiser, { page, pageSize: 2 });
        expectStatus(response, 200);
        expect(response.body).toMatchObject({ total: 6, page, pageSize: 2 });
        pages.push((response.body.items as NominationView[]).map((item) => item.id));
      }
      expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 0]);
      const seen = pages.flat();
      expect(new Set(seen).size).toBe(6);
      expect([...seen].sort()).toEqual(ids('huong', 'nga', 'pieng', 'household', 'ban', 'hai'));
      // Most recently updated first.
      const updated = await Promise.all(seen.map(async (id) => (await d.view(COMMUNE.appraiser, id)).updatedAt as string));
      expect([...updated].sort().reverse()).toEqual(updated);
    });

    it('defaults to the first page of 20', async () => {
      const response = await d.list(COMMUNE.appraiser);
      expect(response.body).toMatchObject({ total: 6, page: 1, pageSize: 20 });
      expect(response.body.items).toHaveLength(6);
    });
  });
});
