import type { Response } from 'supertest';
import type { Role } from '../../workflows';
import type { TestApp } from '../support/test-app';
import { fillPath, registeredRoutes, type RegisteredRoute } from '../support/routes';
import { ADMIN, COMMUNE, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { councilSessions } from './support/council-sessions';
import { startE2eApp } from './support/e2e-app';
import { databaseFingerprint, plausibleBodies, problemsWith } from './support/hostile-requests';
import { resourceIds } from './support/resource-ids';

/**
 * Every registered route × every role of Bình Lư, anonymous, and the users of a foreign commune of the same
 * province (UBND xã Bản Bo, created through the admin API), each asked once with Bình Lư's real identifiers and a
 * plausible body. The expectations come from the routes themselves, not from a list: `@Public()` routes answer
 * without a token and every other answers anonymous 401; a `@RequireRoles(...)` route answers 403 to a caller
 * holding none of them; the foreign commune never gets a 2xx on one of Bình Lư's nominations, documents,
 * campaigns, councils, sessions or nominees, never sees their identifiers in a list, and changes nothing; no 5xx.
 */
const FOREIGN_PASSWORD = 'BanBo@Kiem-tra-2026';
const FOREIGN = {
  commune: { name: 'UBND xã Bản Bo', kind: 'commune', appraisalOfficeName: 'Phòng Văn hóa – Xã hội xã Bản Bo' },
  unit: { name: 'Trường Tiểu học Bản Bo', kind: 'unit' },
  users: [
    { username: 'truong.banbo', fullName: 'Lò Thị Mai', at: 'unit', roles: ['submitter'] },
    { username: 'vhxh.banbo', fullName: 'Tẩn Văn Sơn', at: 'commune', roles: ['appraiser'] },
    { username: 'thuky.banbo', fullName: 'Vàng Thị Dợ', at: 'commune', roles: ['council-secretary', 'council-member'] },
    { username: 'chutich.banbo', fullName: 'Lý A Sử', at: 'commune', roles: ['signer', 'council-member'] },
  ],
} as const;

interface Caller {
  label: string;
  username: string | null;
  roles: Role[];
  foreign: boolean;
}

const BINH_LU_CALLERS: Caller[] = [
  { label: 'submitter', username: UNITS.truongTieuHoc.submitter, roles: ['submitter'], foreign: false },
  { label: 'appraiser', username: COMMUNE.appraiser, roles: ['appraiser'], foreign: false },
  { label: 'council-member', username: COMMUNE.councilMember, roles: ['council-member'], foreign: false },
  { label: 'council-secretary', username: COMMUNE.secretary, roles: ['council-secretary', 'council-member'], foreign: false },
  { label: 'signer', username: COMMUNE.signer, roles: ['signer', 'council-member'], foreign: false },
  { label: 'province appraiser', username: PROVINCE.appraiser, roles: ['appraiser'], foreign: false },
  { label: 'admin', username: ADMIN, roles: ['admin'], foreign: false },
];
const FOREIGN_CALLERS: Caller[] = FOREIGN.users.map((user) => ({ label: `foreign ${user.roles[0]}`, username: user.username, roles: [...user.roles], foreign: true }));
const ANONYMOUS: Caller = { label: 'anonymous', username: null, roles: [], foreign: false };

/** Route segments whose identifiers are Bình Lư's own records, out of a foreign commune's reach. */
const PROTECTED_SEGMENTS = ['nominations', 'documents', 'campaigns', 'councils', 'council-sessions', 'nominees', 'items', 'members', 'reports', 'flags'];

describe('the authorization matrix, generated from the registered routes', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  let tokens: Map<string, string>;
  let bodies: Map<string, Record<string, unknown>>;
  let ids: Awaited<ReturnType<typeof resourceIds>>;
  let protectedIds: string[];
  let binhLuOrganizations: string[];
  let fingerprint: () => Promise<Record<string, string>>;
  const violations: string[] = [];
  const seen = new Map<string, Map<string, number>>();

  beforeAll(async () => {
    t = await startE2eApp({ withDemoNominations: true });
    routes = registeredRoutes(t.app);
    tokens = new Map();
    for (const caller of BINH_LU_CALLERS) tokens.set(caller.username!, await t.tokenOf(caller.username!));
    // The foreign commune and its users, as a deployment's administrator creates them.
    const admin = `Bearer ${tokens.get(ADMIN)}`;
    const province = await t.organizationId(PROVINCE.name);
    const commune = await t.http().post('/api/organizations').set('Authorization', admin).send({ ...FOREIGN.commune, parentId: province });
    expect(commune.status).toBe(201);
    const unit = await t.http().post('/api/organizations').set('Authorization', admin).send({ ...FOREIGN.unit, parentId: commune.body.id });
    expect(unit.status).toBe(201);
    for (const user of FOREIGN.users) {
      const organizationId = user.at === 'unit' ? unit.body.id : commune.body.id;
      const created = await t.http().post('/api/users').set('Authorization', admin).send({ username: user.username, password: FOREIGN_PASSWORD, fullName: user.fullName, organizationId, roles: user.roles });
      expect(created.status).toBe(201);
      const login = await t.http().post('/api/auth/login').send({ username: user.username, password: FOREIGN_PASSWORD });
      expect(login.status).toBe(200);
      tokens.set(user.username, login.body.accessToken);
    }
    // Bình Lư's council with a scheduled session, so the council routes have Bình Lư identifiers too.
    const councils = councilSessions(t);
    const { councilId } = await councils.communeCouncil(3, '2026-01-01');
    const waiting = (await t.dataSource.query(`SELECT id FROM nominations WHERE state = 'commune.councilReview'`)) as Array<{ id: string }>;
    expect((await councils.schedule(councilId, '2026-12-15', waiting.map((row) => row.id))).status).toBe(201);
    const forms = await t.http().get('/api/award-forms').set('Authorization', admin);
    const formCodes = ((forms.body.items ?? forms.body) as Array<{ code: string }>).map((form) => form.code);
    ids = await resourceIds(t.dataSource, { code: formCodes.slice(0, 1), year: ['2026'] });
    // `organizationId` is Bình Lư's commune, any other `…Id` the first row of the table its name gives.
    const binhLu = await t.organizationId(COMMUNE.name);
    const kebabPlural = (name: string) => `${name.replace(/Id$/, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}s`;
    bodies = plausibleBodies((await t.http().get('/api/docs-json')).body, (property) =>
      /organizationId$/i.test(property) ? binhLu : ids.idsOf(kebabPlural(property))[0],
    );
    protectedIds = PROTECTED_SEGMENTS.flatMap((segment) => ids.idsOf(segment));
    binhLuOrganizations = [binhLu, ...((await t.dataSource.query(`SELECT id FROM organizations WHERE parent_id = '${binhLu}'`)) as Array<{ id: string }>).map((row) => row.id)];
    expect(protectedIds.length).toBeGreaterThan(20);
    fingerprint = databaseFingerprint(t.dataSource);
  }, 180_000);
  afterAll(() => t?.close());

  function record(caller: Caller, route: RegisteredRoute, status: number) {
    const key = `${route.method} ${route.path}`;
    if (!seen.has(key)) seen.set(key, new Map());
    seen.get(key)!.set(caller.label, status);
  }

  async function ask(caller: Caller, route: RegisteredRoute): Promise<{ response: Response; changed: string[]; url: string }> {
    const params = ids.fill(route, 0) ?? {};
    const url = fillPath(route, (param) => params[param] ?? '00000000-0000-4000-8000-000000000000');
    const before = await fingerprint();
    let request = t.http()[route.method.toLowerCase() as 'get'](url);
    if (caller.username) request = request.set('Authorization', `Bearer ${tokens.get(caller.username)}`);
    const body = bodies.get(`${route.method} ${route.path}`);
    const response = route.method === 'GET' || route.method === 'DELETE' || !body ? await request : await request.send(body);
    const after = await fingerprint();
    record(caller, route, response.status);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    const problems = problemsWith(response);
    if (problems.length) violations.push(`${route.method} ${url} as ${caller.label}: ${response.status} ${problems.join('; ')}`);
    if (response.status >= 400 && changed.length) violations.push(`${route.method} ${url} as ${caller.label}: refused ${response.status} but changed ${changed.join(', ')}`);
    return { response, changed, url };
  }

  const touchesBinhLu = (route: RegisteredRoute) => {
    const parts = route.path.split('/');
    return parts.some((part, index) => part.startsWith(':') && PROTECTED_SEGMENTS.includes(parts[index - 1]));
  };

  it('anonymous: 401 on every route but the public ones, which answer without a token', async () => {
    const open = routes.filter((route) => route.isPublic).map((route) => `${route.method} ${route.path}`);
    expect(open).toContain('POST /api/auth/login');
    for (const route of routes) {
      const { response, changed, url } = await ask(ANONYMOUS, route);
      if (route.isPublic) {
        if (response.status === 401 && route.path !== '/api/auth/login') violations.push(`${route.method} ${url} is public but answered 401`);
      } else {
        if (response.status !== 401) violations.push(`${route.method} ${url} answered ${response.status} without a token`);
        if (changed.length) violations.push(`${route.method} ${url} without a token changed ${changed.join(', ')}`);
      }
    }
    expect(violations).toEqual([]);
  }, 300_000);

  it('a foreign commune never reads or changes what belongs to Bình Lư', async () => {
    for (const caller of FOREIGN_CALLERS) {
      for (const route of routes) {
        if (route.path === '/api/auth/login') continue;
        const { response, changed, url } = await ask(caller, route);
        const ok = response.status >= 200 && response.status < 300;
        const body = JSON.stringify(bodies.get(`${route.method} ${route.path}`) ?? {});
        const namesBinhLu = route.method !== 'GET' && [...binhLuOrganizations, ...protectedIds].some((id) => body.includes(id));
        if (namesBinhLu && ok) violations.push(`${route.method} ${url} as ${caller.label} answered ${response.status} to a body naming Bình Lư's records: ${body}`);
        if (touchesBinhLu(route) && ok) violations.push(`${route.method} ${url} as ${caller.label} (${caller.username}) answered ${response.status} on a Bình Lư record`);
        if (touchesBinhLu(route) && changed.length) violations.push(`${route.method} ${url} as ${caller.label} changed ${changed.join(', ')}`);
        if (ok && route.method === 'GET') {
          const text = Buffer.isBuffer(response.body) ? '' : JSON.stringify(response.body ?? '') + (response.text ?? '');
          const leaked = protectedIds.filter((id) => text.includes(id));
          if (leaked.length) violations.push(`${route.method} ${url} as ${caller.label} shows ${leaked.length} Bình Lư identifiers (${leaked.slice(0, 3).join(', ')})`);
        }
      }
    }
    expect(violations).toEqual([]);
  }, 600_000);

  it('a route that declares its roles refuses, with 403 and no change, every caller holding none of them', async () => {
    const declared = routes.filter((route) => route.requiredRoles.length);
    expect(declared.map((route) => `${route.method} ${route.path}`)).toEqual(expect.arrayContaining(['POST /api/users', 'POST /api/users/:id/unlock', 'POST /api/organizations']));
    for (const route of declared) {
      for (const caller of [...BINH_LU_CALLERS, ...FOREIGN_CALLERS]) {
        if (caller.roles.some((role) => route.requiredRoles.includes(role))) continue;
        const { response, changed, url } = await ask(caller, route);
        if (response.status !== 403) violations.push(`${route.method} ${url} requires ${route.requiredRoles.join('|')} but answered ${response.status} to ${caller.label}`);
        if (changed.length) violations.push(`${route.method} ${url} as ${caller.label} changed ${changed.join(', ')}`);
      }
    }
    expect(violations).toEqual([]);
  }, 300_000);

  it("Bình Lư's own roles get an answer on every route: never a 5xx, refusals in the error shape", async () => {
    // Last, since an allowed request may change what the others were asked about.
    for (const caller of BINH_LU_CALLERS) for (const route of routes) if (route.path !== '/api/auth/login') await ask(caller, route);
    expect(violations).toEqual([]);
    if (process.env.MATRIX_PRINT) console.log([...seen].map(([route, byCaller]) => `${route}: ${[...byCaller].map(([caller, status]) => `${caller}=${status}`).join(' ')}`).join('\n'));
    // Every route was asked of every caller: the matrix is complete.
    for (const route of routes) expect(seen.get(`${route.method} ${route.path}`)?.size ?? 0).toBeGreaterThanOrEqual(route.path === '/api/auth/login' ? 1 : BINH_LU_CALLERS.length + FOREIGN_CALLERS.length + 1);
  }, 600_000);
});
