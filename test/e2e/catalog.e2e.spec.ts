import type { TestApp } from '../support/test-app';
import { UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { badFields, expectErrorShape, expectStatus } from './support/nomination-driver';

const FORM_CODES = [
  'lao-dong-tien-tien',
  'chien-si-thi-dua-co-so',
  'tap-the-lao-dong-tien-tien',
  'gia-dinh-van-hoa',
  'thon-van-hoa',
  'giay-khen-chu-tich-xa',
  'giay-khen-thu-truong',
  'bang-khen-chu-tich-tinh',
  'tap-the-lao-dong-xuat-sac',
  'chien-si-thi-dua-tinh',
  'co-thi-dua-tinh',
  'bang-khen-thu-tuong',
  'co-thi-dua-chinh-phu',
  'huan-chuong-lao-dong-hang-ba',
  'huan-chuong-lao-dong-hang-nhi',
  'huan-chuong-lao-dong-hang-nhat',
];

/** The award catalog, each form's machine as a diagram, and the OpenAPI document. */
describe('catalog API', () => {
  let t: TestApp;
  let bearer: string;
  beforeAll(async () => {
    t = await startE2eApp();
    bearer = `Bearer ${await t.tokenOf(UNITS.truongTieuHoc.submitter)}`;
  });
  afterAll(() => t.close());

  it('lists the 16 award forms and titles in force for the caller’s province, named in Vietnamese', async () => {
    const response = await t.http().get('/api/award-forms').set('Authorization', bearer);
    expectStatus(response, 200);
    expect(response.body.ruleSet).toMatchObject({ id: 'lai-chau-2025-07-01', jurisdiction: 'lai-chau' });
    const items = response.body.items as Array<Record<string, any>>;
    expect(items.map((item) => item.code).sort()).toEqual([...FORM_CODES].sort());
    const byCode = Object.fromEntries(items.map((item) => [item.code, item]));
    expect(byCode['giay-khen-chu-tich-xa'].name).toBe('Giấy khen của Chủ tịch UBND xã');
    expect(byCode['bang-khen-chu-tich-tinh'].name).toBe('Bằng khen của Chủ tịch UBND tỉnh');
    expect(byCode['bang-khen-thu-tuong'].name).toBe('Bằng khen của Thủ tướng Chính phủ');
    expect(byCode['huan-chuong-lao-dong-hang-ba'].name).toBe('Huân chương Lao động hạng Ba');
    expect(byCode['chien-si-thi-dua-co-so'].name).toBe('Chiến sĩ thi đua cơ sở');
    for (const item of items) {
      expect(item.name).toMatch(/[À-ỹĐđ]/);
      expect(item.nomineeKinds.length).toBeGreaterThan(0);
      expect(item.route.length).toBeGreaterThan(0);
      expect(typeof item.grantingAuthority).toBe('string');
      expect(Array.isArray(item.requiredDocuments)).toBe(true);
    }
  });

  it('describes one form: route, councils, granting authority, documents', async () => {
    const response = await t.http().get('/api/award-forms/bang-khen-chu-tich-tinh').set('Authorization', bearer);
    expectStatus(response, 200);
    expect(response.body).toMatchObject({
      code: 'bang-khen-chu-tich-tinh',
      name: 'Bằng khen của Chủ tịch UBND tỉnh',
      nomineeKinds: ['individual', 'collective', 'household'],
      entryLevels: ['commune', 'agency'],
      upperLevels: ['province'],
      levels: {
        commune: { council: { kind: 'majority-of-present' } },
        province: { council: { kind: 'standing-body' } },
      },
    });
    expect(response.body.route).toEqual(['commune|agency', 'province']);
    expect(response.body.grantingAuthority).toContain('Chủ tịch UBND tỉnh');
    expect(response.body.requiredDocuments.map((doc: { code: string }) => doc.code)).toContain('submission');
    const chienSi = await t.http().get('/api/award-forms/chien-si-thi-dua-co-so').set('Authorization', bearer);
    expect(chienSi.body.levels.commune).toMatchObject({ council: { kind: 'share-of-all', minPercent: 80 }, appraisalWorkingDays: 20 });
  });

  it('draws the form’s state machine as Mermaid text', async () => {
    const response = await t.http().get('/api/award-forms/giay-khen-chu-tich-xa/diagram').set('Authorization', bearer);
    expectStatus(response, 200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const lines = response.text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['---', 'title: Giấy khen của Chủ tịch UBND xã', '---', 'stateDiagram-v2']);
    for (const state of ['draft', 'commune_received', 'commune_appraisal', 'commune_councilReview', 'commune_awaitingSignature', 'awarded', 'rejected', 'withdrawn', 'revoked']) {
      expect(response.text).toContain(state);
    }
    expect(response.text).toMatch(/commune_awaitingSignature --> awarded: SIGN/);
    const thuTuong = await t.http().get('/api/award-forms/bang-khen-thu-tuong/diagram').set('Authorization', bearer);
    expect(thuTuong.text).toContain('central_awaitingExternalDecision');
    expect(thuTuong.text).toMatch(/RECORD_EXTERNAL_DECISION/);
  });

  it('draws it as SVG on ?format=svg', async () => {
    const response = await t.http().get('/api/award-forms/bang-khen-chu-tich-tinh/diagram').query({ format: 'svg' }).set('Authorization', bearer).buffer(true);
    expectStatus(response, 200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.text;
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg).toContain('</svg>');
    expect(svg).toContain('Bằng khen của Chủ tịch UBND tỉnh');
  });

  it('answers 404 for an unknown form code and 400 for an unknown diagram format', async () => {
    const unknown = expectErrorShape(await t.http().get('/api/award-forms/bang-khen-bo-truong').set('Authorization', bearer), 404);
    expect(unknown.message).toContain('bang-khen-bo-truong');
    expectErrorShape(await t.http().get('/api/award-forms/bang-khen-bo-truong/diagram').set('Authorization', bearer), 404);
    const format = expectErrorShape(await t.http().get('/api/award-forms/giay-khen-chu-tich-xa/diagram').query({ format: 'png' }).set('Authorization', bearer), 400);
    expect(badFields(format)).toEqual(['format']);
    expectErrorShape(await t.http().get('/api/award-forms'), 401);
  });

  it('serves the OpenAPI document, listing the nomination routes', async () => {
    const response = await t.http().get('/api/docs-json');
    expectStatus(response, 200);
    expect(response.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/nominations',
        '/api/nominations/{id}',
        '/api/nominations/{id}/events',
        '/api/nominations/{id}/history',
        '/api/award-forms',
        '/api/award-forms/{code}',
        '/api/award-forms/{code}/diagram',
        '/api/organizations',
        '/api/users',
      ]),
    );
    const events = response.body.paths['/api/nominations/{id}/events'].post;
    expect(events.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
    const ui = await t.http().get('/api/docs/');
    expectStatus(ui, 200);
    expect(ui.text).toMatch(/swagger/i);
  });
});
