import { dedicatedDatabase } from '../support/dedicated-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { ADMIN, COMMUNE, UNITS } from './support/binh-lu-fixtures';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus } from './support/nomination-driver';

/**
 * Failed logins are counted per username and per client address in the database: after LOGIN_MAX_FAILURES
 * consecutive failures the username is locked for LOGIN_LOCKOUT_MINUTES (429 with Retry-After, even with the right
 * password), a success resets the count, an administrator unlocks; the answers never tell whether a username exists.
 */
const PASSWORD = 'BinhLu@2026';

describe('login throttling and lockout', () => {
  let t: TestApp;
  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
  const failures = async (scope: string, subject: string) =>
    Number(((await t.dataSource.query(`SELECT failures FROM login_failures WHERE scope = '${scope}' AND subject = '${subject}'`)) as Array<{ failures: number }>)[0]?.failures ?? 0);

  beforeAll(async () => {
    t = await startE2eApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15', LOGIN_MAX_FAILURES_PER_ADDRESS: '20', TRUST_PROXY: 'loopback' } as NodeJS.ProcessEnv });
  }, 120_000);
  afterAll(() => t.close());

  it('locks a username after 3 consecutive failures, refuses even the right password with 429 and Retry-After, and an admin unlocks it', async () => {
    const username = COMMUNE.appraiser;
    expectErrorShape(await login(username, 'BinhLu@2025'), 401);
    expectErrorShape(await login(username, 'binhlu@2026'), 401);
    const third = expectErrorShape(await login(username, 'BinhLu2026'), 429);
    expect(third.code).toBe('TOO_MANY_ATTEMPTS');
    expect(third.message).toContain('tạm khóa');
    const locked = await login(username, PASSWORD);
    const body = expectErrorShape(locked, 429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(body.details.retryAfterSeconds).toBe(retryAfter);
    expect(await failures('username', username)).toBe(3);

    // Only the administrator unlocks, through the API; then the right password opens at once.
    const users = await t.http().get('/api/users').set('Authorization', `Bearer ${await t.tokenOf(ADMIN)}`);
    const userId = users.body.find((user: { username: string }) => user.username === username).id;
    expectErrorShape(await t.http().post(`/api/users/${userId}/unlock`).set('Authorization', `Bearer ${await t.tokenOf(COMMUNE.signer)}`), 403);
    expectErrorShape(await t.http().post(`/api/users/${userId}/unlock`), 401);
    expectErrorShape(await t.http().post('/api/users/khong-phai-uuid/unlock').set('Authorization', `Bearer ${await t.tokenOf(ADMIN)}`), 404);
    expectErrorShape(await t.http().post('/api/users/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/unlock').set('Authorization', `Bearer ${await t.tokenOf(ADMIN)}`), 404);
    expect(await failures('username', username)).toBe(3);
    const unlocked = await t.http().post(`/api/users/${userId}/unlock`).set('Authorization', `Bearer ${await t.tokenOf(ADMIN)}`);
    expectStatus(unlocked, 200);
    expect(unlocked.body).toMatchObject({ id: userId, username, hadFailures: true });
    expectStatus(await login(username, PASSWORD), 200);
  }, 60_000);

  it('a success resets the run: failures that are not consecutive never lock', async () => {
    const username = UNITS.banBinhLu.submitter;
    for (let round = 0; round < 3; round++) {
      expectErrorShape(await login(username, 'Sai-mat-khau-1'), 401);
      expectErrorShape(await login(username, 'Sai-mat-khau-2'), 401);
      expect(await failures('username', username)).toBe(2);
      expectStatus(await login(username, PASSWORD), 200);
      expect(await failures('username', username)).toBe(0);
    }
  }, 60_000);

  it('answers an unknown username exactly as a known one, failure after failure, lockout included', async () => {
    const known = UNITS.htxNongNghiep.submitter;
    const unknown = 'htx.tamduong';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const [a, b] = [await login(known, 'Sai@2026'), await login(unknown, 'Sai@2026')];
      expect(b.status).toBe(a.status);
      // The same answer but for the seconds left, which run on between the two requests.
      const withoutClock = (body: Record<string, any>) => ({ ...body, details: body.details && { ...body.details, retryAfterSeconds: 'n' } });
      expect(withoutClock(b.body)).toEqual(withoutClock(a.body));
      expect(Math.abs(Number(b.headers['retry-after'] ?? 0) - Number(a.headers['retry-after'] ?? 0))).toBeLessThanOrEqual(2);
    }
    expect(await failures('username', unknown)).toBe(3);
  }, 60_000);

  it('refuses a client address that keeps failing, whatever usernames it tries, until its period ends', async () => {
    const address = ((await t.dataSource.query(`SELECT subject FROM login_failures WHERE scope = 'address'`)) as Array<{ subject: string }>)[0].subject;
    const before = await failures('address', address);
    expect(before).toBe(3 + 6 + 6); // every failure of this file so far, from this one address; the limit is 20
    for (let attempt = before + 1; attempt <= 20; attempt++) expectErrorShape(await login(`can.bo.${attempt}`, 'Sai@2026'), 401);
    const refused = await login(UNITS.congTyChe.submitter, PASSWORD);
    const body = expectErrorShape(refused, 429);
    expect(body.message).toContain('địa chỉ');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(await failures('address', address)).toBe(20);
    // The administrator's unlock lifts a username's lockout, not an address's.
    expectErrorShape(await login(ADMIN, PASSWORD), 429);
    // Behind a trusted proxy (TRUST_PROXY) each client is counted by the address the proxy forwards.
    const elsewhere = await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.113.10.5').send({ username: UNITS.congTyChe.submitter, password: PASSWORD });
    expectStatus(elsewhere, 200);
  }, 60_000);
});

describe('login throttling across two instances on one database', () => {
  it('counts the failures sent to either instance, and the lockout holds on both', async () => {
    const database = await dedicatedDatabase(`login_throttle_${process.env.JEST_WORKER_ID ?? '1'}`);
    const env = { LOGIN_MAX_FAILURES: '3' } as NodeJS.ProcessEnv;
    const first = await startTestApp({ databaseUrl: database.url, env });
    const second = await startTestApp({ databaseUrl: database.url, env });
    try {
      const username = COMMUNE.signer;
      const on = (app: TestApp, password: string) => app.http().post('/api/auth/login').send({ username, password });
      expectErrorShape(await on(first, 'Sai@2026'), 401);
      expectErrorShape(await on(second, 'Sai@2027'), 401);
      expectErrorShape(await on(first, 'Sai@2028'), 429);
      expectErrorShape(await on(second, PASSWORD), 429);
      expectErrorShape(await on(first, PASSWORD), 429);
    } finally {
      await second.close();
      await first.close();
      database.dispose();
    }
  }, 120_000);
});
