import fc from 'fast-check';
import type { Response } from 'supertest';
import type { TestApp } from '../support/test-app';
import { fillPath, registeredRoutes, type RegisteredRoute } from '../support/routes';
import { ADMIN, COMMUNE, UNITS } from './support/binh-lu-fixtures';
import { councilSessions } from './support/council-sessions';
import { startE2eApp } from './support/e2e-app';
import {
  bodyArbitrary,
  bodyShapes,
  databaseFingerprint,
  headersArbitrary,
  hostileString,
  HOSTILE_STRINGS,
  problemsWith,
  queryArbitrary,
  queryString,
  QUERY_KEYS,
  send,
  type BodyKind,
} from './support/hostile-requests';
import { resourceIds } from './support/resource-ids';

/**
 * Malformed and hostile input to every route the application registers (read from Nest's routing metadata, so a
 * route added tomorrow is covered tomorrow), sent as users of several roles: never a 5xx, every refusal in the one
 * error shape with a Vietnamese message, and a refused request changes nothing in the database.
 */
const RUNS_PER_ROUTE = Number(process.env.ABUSE_RUNS_PER_ROUTE ?? 10);
const USERS = [UNITS.banBinhLu.submitter, UNITS.truongTieuHoc.submitter, COMMUNE.appraiser, COMMUNE.secretary, COMMUNE.signer, 'hoidong.binhlu', ADMIN];

describe('hostile input to every registered route', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  let tokens: Record<string, string>;
  let shapes: Map<string, ReturnType<typeof bodyShapes> extends Map<string, infer S> ? S : never>;
  let ids: Awaited<ReturnType<typeof resourceIds>>;
  let fingerprint: () => Promise<Record<string, string>>;
  const failures: string[] = [];
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await startE2eApp({ withDemoNominations: true });
    routes = registeredRoutes(t.app);
    tokens = Object.fromEntries(await Promise.all(USERS.map(async (username) => [username, await t.tokenOf(username)])));
    // A council with a scheduled session, so that the council routes get real identifiers too.
    const councils = councilSessions(t);
    const { councilId } = await councils.communeCouncil(3, '2026-01-01');
    const waiting = (await t.dataSource.query(`SELECT id FROM nominations WHERE state = 'commune.councilReview'`)) as Array<{ id: string }>;
    const scheduled = await councils.schedule(councilId, '2026-12-15', waiting.map((row) => row.id));
    expect(scheduled.status).toBe(201);
    const forms = await t.http().get('/api/award-forms').set('Authorization', `Bearer ${tokens[COMMUNE.appraiser]}`);
    expect(forms.status).toBe(200);
    const formCodes = (forms.body.items ?? forms.body.forms ?? forms.body).map?.((form: { code: string }) => form.code) ?? [];
    ids = await resourceIds(t.dataSource, { code: formCodes.slice(0, 3), year: ['2026'] });
    shapes = bodyShapes((await t.http().get('/api/docs-json')).body);
    fingerprint = databaseFingerprint(t.dataSource);
  }, 120_000);
  afterAll(() => t?.close());

  it('finds the routes of every feature, from the application itself', () => {
    expect(routes.length).toBeGreaterThan(60);
    for (const path of ['/api/auth/login', '/api/nominations/:id/events', '/api/council-sessions/:id/items/:itemId/ballots', '/api/users/:id/unlock']) {
      expect(routes.map((route) => route.path)).toContain(path);
    }
  });

  /** Sends one request and records every broken rule (with the request) instead of stopping at the first. */
  async function probe(route: RegisteredRoute, as: string, params: Record<string, string>, query: Array<[string, string]>, headers: Record<string, string>, body: BodyKind) {
    const url = fillPath(route, (param) => params[param] ?? '00000000-0000-4000-8000-000000000000') + queryString(query);
    const before = await fingerprint();
    let response: Response;
    try {
      response = await send(t, route, url, tokens[as], headers, body);
    } catch (error) {
      // Node's client refuses to send some requests (a header it cannot encode): nothing reached the server.
      if ((error as { code?: string }).code === 'ERR_INVALID_CHAR') return;
      throw error;
    }
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const problems = problemsWith(response);
    if (response.status >= 400) {
      const after = await fingerprint();
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) problems.push(`refused with ${response.status} but changed ${changed.map((table) => `${table} ${before[table]}→${after[table]}`).join(', ')}`);
    }
    if (problems.length) {
      const sent = body.kind === 'json' ? JSON.stringify(body.value)?.slice(0, 300) : body.kind === 'raw' ? body.text.slice(0, 120) : body.kind;
      failures.push(`${route.method} ${url.slice(0, 200)} as ${as} [${Object.keys(headers).join(',')}] body=${sent} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}: ${problems.join('; ')}`);
    }
  }

  function paramsArbitrary(route: RegisteredRoute) {
    const real = fc.nat({ max: 39 }).map((pick) => ids.fill(route, pick) ?? {});
    const hostile = fc.record(Object.fromEntries(route.params.map((param) => [param, hostileString])) as Record<string, fc.Arbitrary<string>>);
    return route.params.length ? fc.oneof({ weight: 3, arbitrary: real }, { weight: 2, arbitrary: hostile }) : fc.constant({});
  }

  it('answers every route, for every kind of hostile input, without a 5xx, in the error shape, changing nothing on refusal', async () => {
    for (const route of routes) {
      const shape = shapes.get(`${route.method} ${route.path}`) ?? [];
      // Each kind of hostility once for sure, on real identifiers where there are some …
      const real = ids.fill(route, 0) ?? {};
      const fixed: Array<[Record<string, string>, Array<[string, string]>, Record<string, string>, BodyKind]> = [
        [real, [], {}, { kind: 'raw', text: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": "có"}}}', contentType: 'application/json' }],
        [real, [], {}, { kind: 'raw', text: '{', contentType: 'application/json' }],
        [real, [], {}, { kind: 'raw', text: 'type=SUBMIT', contentType: 'text/plain' }],
        [real, [['page', '-1'], ['pageSize', '1e309'], ['q', "' OR 1=1 --"], ['year', '0'], ['overdue', 'có'], ['dueWithinDays', '-5']], {}, { kind: 'none' }],
        // Every query key twice: Express hands the handler an array where it expects a string.
        [real, QUERY_KEYS.flatMap((key): Array<[string, string]> => [[key, '2026'], [key, '1']]), {}, { kind: 'none' }],
        [real, [], {}, { kind: 'raw', text: `"${'x'.repeat(1_100_000)}"`, contentType: 'application/json' }],
        // NUL: sqlite stores it, PostgreSQL refuses it in text (a 500 once, on every search and every name).
        [real, QUERY_KEYS.map((key): [string, string] => [key, 'Bình\u0000Lư']), {}, { kind: 'none' }],
        [real, [], {}, { kind: 'json', value: Object.fromEntries(shape.map(({ name }) => [name, 'Lò\u0000Thị Hương'])) }],
        [real, [], {}, { kind: 'json', value: { nominee: { kind: 'individual', fullName: 'Lò\u0000Thị Hương' }, username: 'ad\u0000min', password: 'BinhLu@2026' } }],
        [real, [], { 'If-Match': 'W/"không-phải-số"'.normalize('NFD').replace(/[^\x20-\x7e]/g, ''), 'Idempotency-Key': 'x'.repeat(5000) }, { kind: 'json', value: {} }],
        [real, [], {}, { kind: 'json', value: Object.fromEntries(shape.map(({ name }) => [name, { $gt: '' }])) }],
        ...route.params.map((param): [Record<string, string>, Array<[string, string]>, Record<string, string>, BodyKind] => [
          { ...real, [param]: "1' OR '1'='1" },
          [],
          {},
          { kind: 'none' },
        ]),
        ...route.params.map((param): [Record<string, string>, Array<[string, string]>, Record<string, string>, BodyKind] => [
          { ...real, [param]: param === 'code' ? 'giay-khen\u0000' : '../../../../etc/passwd' },
          [],
          {},
          { kind: 'none' },
        ]),
      ];
      for (const [index, [params, query, headers, body]] of fixed.entries()) await probe(route, USERS[index % USERS.length], params, query, headers, body);
      // … then random combinations of all of them.
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...USERS), paramsArbitrary(route), queryArbitrary, headersArbitrary, bodyArbitrary(shape), async (as, params, query, headers, body) => {
          await probe(route, as, params, query, headers, body);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.ABUSE_SEED ?? 20261201) },
      );
    }
    if (process.env.ABUSE_PRINT) console.log(JSON.stringify([...statuses].sort()), routes.filter((route) => route.params.length && !ids.fill(route, 0)).map((route) => route.path));
    expect(failures).toEqual([]);
  }, 600_000);

  it('leaves Object.prototype untouched after every prototype-pollution body', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(HOSTILE_STRINGS).toContain('__proto__');
  });
});
