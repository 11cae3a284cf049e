import { provideDocumentsFor } from '../support/dossier-uploads';
import type { TestApp } from '../support/test-app';
import { ADMIN, COMMUNE, NOMINEES, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { badFields, expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

const BOOTSTRAP_ADMIN = { username: 'quantri', password: 'QuanTri@LaiChau2026' };

/** Organizations and users are set up by a system administrator; the environment can create the first one. */
describe('administration', () => {
  let t: TestApp;
  let d: NominationDriver;
  beforeAll(async () => {
    t = await startE2eApp({ env: { ADMIN_USERNAME: BOOTSTRAP_ADMIN.username, ADMIN_PASSWORD: BOOTSTRAP_ADMIN.password } });
    d = nominationDriver(t);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

  it('bootstraps the administrator named by ADMIN_USERNAME / ADMIN_PASSWORD, able to log in and administer', async () => {
    const response = await login(BOOTSTRAP_ADMIN.username, BOOTSTRAP_ADMIN.password);
    expectStatus(response, 200);
    expect(response.body.user).toMatchObject({ username: 'quantri', roles: ['admin'], organizationId: null });
    expectErrorShape(await login(BOOTSTRAP_ADMIN.username, 'BinhLu@2026'), 401);
    const users = await t.http().get('/api/users').set('Authorization', `Bearer ${response.body.accessToken}`);
    expectStatus(users, 200);
    expect(users.body.map((user: { username: string }) => user.username)).toEqual(expect.arrayContaining(['quantri', ADMIN, COMMUNE.appraiser]));
    expect(JSON.stringify(users.body)).not.toMatch(/password|\$2[aby]\$/i);
  });

  it('creates a unit under UBND xã Bình Lư and a submitter there, who can then propose through the commune', async () => {
    const admin = await t.tokenOf(ADMIN);
    const binhLu = await t.organizationId(COMMUNE.name);
    const organization = await t
      .http()
      .post('/api/organizations')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Trường Mầm non Bình Lư', kind: 'unit', parentId: binhLu });
    expectStatus(organization, 201);
    expect(organization.body).toMatchObject({ id: expect.any(String), name: 'Trường Mầm non Bình Lư', kind: 'unit', parentId: binhLu });
    const listed = await t.http().get('/api/organizations').set('Authorization', `Bearer ${admin}`);
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: organization.body.id, name: 'Trường Mầm non Bình Lư' })]));

    const user = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'mamnon.binhlu', password: 'MamNon@2026', fullName: 'Lò Thị Thanh', organizationId: organization.body.id, roles: ['submitter'] });
    expectStatus(user, 201);
    expect(user.body).toMatchObject({ username: 'mamnon.binhlu', fullName: 'Lò Thị Thanh', organizationId: organization.body.id, roles: ['submitter'] });
    expect(JSON.stringify(user.body)).not.toMatch(/password|MamNon@2026/i);

    const loggedIn = await login('mamnon.binhlu', 'MamNon@2026');
    expectStatus(loggedIn, 200);
    expect(loggedIn.body.user).toMatchObject({ username: 'mamnon.binhlu', roles: ['submitter'], organizationId: organization.body.id });
    const created = await t
      .http()
      .post('/api/nominations')
      .set('Authorization', `Bearer ${loggedIn.body.accessToken}`)
      .send({
        formCode: 'giay-khen-chu-tich-xa',
        criterion: 'thanh-tich-phong-trao',
        nominee: { kind: 'individual', fullName: 'Vàng Thị Sua', position: 'Giáo viên mầm non', category: 'civil-servant' },
      });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ organizationName: 'Trường Mầm non Bình Lư', route: [expect.objectContaining({ level: 'commune', organizationName: COMMUNE.name })] });
    expect(await provideDocumentsFor(t, `Bearer ${loggedIn.body.accessToken}`, created.body.id, 'SUBMIT')).toBe(2); // Tờ trình, báo cáo thành tích
    const submitted = await t
      .http()
      .post(`/api/nominations/${created.body.id}/events`)
      .set('Authorization', `Bearer ${loggedIn.body.accessToken}`)
      .send({ type: 'SUBMIT' });
    expectStatus(submitted, 200);
    expect((await d.view(COMMUNE.appraiser, created.body.id)).allowedEvents).toEqual(['ACCEPT']);
  });

  it('creates a council member with several roles at the commune', async () => {
    const admin = await t.tokenOf(ADMIN);
    const user = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        username: 'phochutich.binhlu',
        password: 'PhoChuTich@2026',
        fullName: 'Hà Văn Duy',
        organizationId: await t.organizationId(COMMUNE.name),
        roles: ['council-member', 'council-secretary'],
      });
    expectStatus(user, 201);
    expect([...user.body.roles].sort()).toEqual(['council-member', 'council-secretary']);
    const inCouncil = await d.nominationAt(UNITS.truongTieuHoc.submitter, 'giay-khen-chu-tich-xa', NOMINEES.loThiHuong, 'commune.councilReview');
    const token = (await login('phochutich.binhlu', 'PhoChuTich@2026')).body.accessToken;
    const seen = await t.http().get(`/api/nominations/${inCouncil.id}`).set('Authorization', `Bearer ${token}`);
    expect(seen.body.allowedEvents).toEqual(['COUNCIL_APPROVED', 'COUNCIL_REJECTED']);
  });

  it('refuses administration to everyone else (403), changing nothing', async () => {
    const before = await t.http().get('/api/organizations').set('Authorization', `Bearer ${await t.tokenOf(ADMIN)}`);
    for (const username of [UNITS.truongTieuHoc.submitter, COMMUNE.appraiser, COMMUNE.signer, PROVINCE.signer]) {
      const token = await t.tokenOf(username);
      const organization = await t
        .http()
        .post('/api/organizations')
        .set('Authorization', `Bearer ${token}`)
        .send({ name: 'Bản Nà Pa', kind: 'unit', parentId: await t.organizationId(COMMUNE.name) });
      expect(expectErrorShape(organization, 403).details).toMatchObject({ requiredRole: 'admin' });
      const user = await t
        .http()
        .post('/api/users')
        .set('Authorization', `Bearer ${token}`)
        .send({ username: 'napa.binhlu', password: 'BanNaPa@2026', fullName: 'Lò Văn Pánh', organizationId: await t.organizationId(COMMUNE.name), roles: ['admin'] });
      expectErrorShape(user, 403);
      expectErrorShape(await t.http().get('/api/users').set('Authorization', `Bearer ${token}`), 403);
    }
    const after = await t.http().get('/api/organizations').set('Authorization', `Bearer ${await t.tokenOf(ADMIN)}`);
    expect(after.body).toHaveLength(before.body.length);
    expectErrorShape(await login('napa.binhlu', 'BanNaPa@2026'), 401);
    expectErrorShape(await t.http().post('/api/organizations').send({ name: 'Bản Nà Pa', kind: 'unit' }), 401);
  });

  it('refuses a duplicate username (409), a bad kind or role (400), and a unit placed outside a commune or agency (422)', async () => {
    const admin = `Bearer ${await t.tokenOf(ADMIN)}`;
    const binhLu = await t.organizationId(COMMUNE.name);
    const duplicate = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ username: COMMUNE.appraiser, password: 'BinhLu@2027', fullName: 'Đèo Thị Thu Hà', organizationId: binhLu, roles: ['appraiser'] });
    expect(expectErrorShape(duplicate, 409).details).toMatchObject({ field: 'username' });
    const stillOldPassword = await login(COMMUNE.appraiser, 'BinhLu@2026');
    expectStatus(stillOldPassword, 200);

    const badKind = expectErrorShape(await t.http().post('/api/organizations').set('Authorization', admin).send({ name: 'Bản Nà Pa', kind: 'village', parentId: binhLu }), 400);
    expect(badFields(badKind)).toEqual(['kind']);
    const badRole = expectErrorShape(
      await t.http().post('/api/users').set('Authorization', admin).send({ username: 'napa.binhlu', password: 'BanNaPa@2026', fullName: 'Lò Văn Pánh', organizationId: binhLu, roles: ['chairman'] }),
      400,
    );
    expect(badFields(badRole)).toEqual(['roles']);
    const shortPassword = expectErrorShape(
      await t.http().post('/api/users').set('Authorization', admin).send({ username: 'napa.binhlu', password: 'napa', fullName: 'Lò Văn Pánh', organizationId: binhLu, roles: ['submitter'] }),
      400,
    );
    expect(badFields(shortPassword)).toEqual(['password']);
    const noOrganization = expectErrorShape(
      await t.http().post('/api/users').set('Authorization', admin).send({ username: 'napa.binhlu', password: 'BanNaPa@2026', fullName: 'Lò Văn Pánh', roles: ['submitter'] }),
      400,
    );
    expect(badFields(noOrganization)).toEqual(['organizationId']);

    const unitUnderProvince = expectErrorShape(
      await t.http().post('/api/organizations').set('Authorization', admin).send({ name: 'Bản Nà Pa', kind: 'unit', parentId: await t.organizationId(PROVINCE.name) }),
      422,
    );
    expect(unitUnderProvince.details).toMatchObject({ rule: 'organization-hierarchy' });
    const unknownParent = await t
      .http()
      .post('/api/organizations')
      .set('Authorization', admin)
      .send({ name: 'Bản Nà Pa', kind: 'unit', parentId: '00000000-0000-4000-8000-000000000000' });
    expectErrorShape(unknownParent, 404);
    expectErrorShape(await login('napa.binhlu', 'BanNaPa@2026'), 401);
  });
});
