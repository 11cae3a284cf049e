import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerBuild, freePort, killServer, startServer } from '../support/built-server';
import { dedicatedDatabase } from '../support/dedicated-database';
import { startTestApp } from '../support/test-app';

/**
 * NODE_ENV=production: the compiled server (test/support/built-server.ts) refuses to start, with a Vietnamese
 * message and exit code 1, when JWT_SECRET is missing or weak, when ADMIN_PASSWORD is a demo password or too
 * short, or when any account still opens with the demo password; with proper secrets and no demo data it serves,
 * with its security headers.
 */
const STRONG_SECRET = '9f4c1e7a2b8d6e3f0a5c7b9d1e2f4a6c8b0d3e5f7a9c1b3d';
const STRONG_ADMIN_PASSWORD = 'Quan-tri@LaiChau-2026';

describe('a production start', () => {
  let main: string;
  let work: string;
  beforeAll(() => {
    main = ensureServerBuild();
    work = mkdtempSync(join(tmpdir(), 'tdkt-production-'));
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Runs the server until it exits (or 60 s), and answers its exit code and what it wrote. */
  function runUntilExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [main], {
        cwd: join(__dirname, '..', '..'),
        env: { ...process.env, PORT: '0', SCHEDULER_ENABLED: 'false', DOCUMENTS_DIR: join(work, 'documents'), JWT_SECRET: '', ADMIN_USERNAME: '', ADMIN_PASSWORD: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  const sqliteOrPostgres = async (name: string) => dedicatedDatabase(`${name}_${process.env.JEST_WORKER_ID ?? '1'}`);

  it.each([
    [{}, 'JWT_SECRET là bắt buộc khi NODE_ENV=production'],
    [{ JWT_SECRET: 'e2e-secret' }, 'JWT_SECRET phải có ít nhất 32 ký tự'],
    [{ JWT_SECRET: 'abcabcabcabcabcabcabcabcabcabcabcabc' }, 'JWT_SECRET quá dễ đoán'],
    [{ JWT_SECRET: STRONG_SECRET, ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'BinhLu@2026' }, 'ADMIN_PASSWORD đang là mật khẩu của dữ liệu mẫu'],
    [{ JWT_SECRET: STRONG_SECRET, ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'LaiChau@26' }, 'ADMIN_PASSWORD phải có ít nhất 12 ký tự'],
  ])('refuses %j with exit code 1', async (env, message) => {
    const { code, output } = await runUntilExit({ NODE_ENV: 'production', DATABASE_URL: `sqlite:${join(work, 'never-opened.sqlite')}`, ...env });
    expect(code).toBe(1);
    expect(output).toContain(`Không khởi động được: `);
    expect(output).toContain(message);
  }, 90_000);

  it('refuses a database whose accounts still open with the demo password, naming them, and starts once they do not', async () => {
    const database = await sqliteOrPostgres('production_demo');
    try {
      const seeded = await startTestApp({ databaseUrl: database.url });
      await seeded.close();
      const refused = await runUntilExit({ NODE_ENV: 'production', DATABASE_URL: database.url, JWT_SECRET: STRONG_SECRET });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/NODE_ENV=production nhưng 17 tài khoản còn dùng mật khẩu của dữ liệu mẫu \(admin, ban\.binhlu, /);
      // The same database outside production starts as before (the demo).
      const port = await freePort(3109);
      const demo = await startServer(main, port, { DATABASE_URL: database.url, JWT_SECRET: STRONG_SECRET, SCHEDULER_ENABLED: 'false', DOCUMENTS_DIR: join(work, 'documents') }, join(work, 'demo.log'));
      await killServer(demo, 'SIGTERM');
    } finally {
      database.dispose();
    }
  }, 180_000);

  it('serves with proper secrets and no demo data, with its security headers on the API, the API docs and the web pages', async () => {
    const database = await sqliteOrPostgres('production_clean');
    const port = await freePort(3109);
    const log = join(work, 'production.log');
    const server = await startServer(
      main,
      port,
      { NODE_ENV: 'production', DATABASE_URL: database.url, JWT_SECRET: STRONG_SECRET, ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: STRONG_ADMIN_PASSWORD, SCHEDULER_ENABLED: 'false', DOCUMENTS_DIR: join(work, 'documents') },
      log,
    );
    try {
      const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'quantri', password: STRONG_ADMIN_PASSWORD }) });
      expect(login.status).toBe(200);
      // An administrator cannot give a new account a demo password in production either.
      const { accessToken } = (await login.json()) as { accessToken: string };
      const demoPassword = await fetch(`${server.baseUrl}/api/users`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ username: 'quantri.hai', password: 'BinhLu@2026', fullName: 'Quản trị thứ hai', roles: ['admin'] }),
      });
      expect(demoPassword.status).toBe(400);
      expect(JSON.stringify(await demoPassword.json())).toContain('mật khẩu của dữ liệu mẫu');
      for (const path of ['/api/auth/me', '/api/docs', '/api/docs-json', '/']) {
        const response = await fetch(`${server.baseUrl}${path}`);
        expect(response.status).toBeLessThan(500);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('upgrade-insecure-requests');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+$/);
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
      const docs = await fetch(`${server.baseUrl}/api/docs`);
      expect(docs.status).toBe(200);
      const html = await docs.text();
      // Swagger UI loads its scripts from its own folder (allowed by script-src 'self'), none inline.
      expect(html).toContain('swagger-ui-init.js');
      expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
      expect((await fetch(`${server.baseUrl}/api/docs/swagger-ui-init.js`)).status).toBe(200);
      expect(readFileSync(log, 'utf8')).not.toContain('Không khởi động được');
    } finally {
      await killServer(server, 'SIGTERM');
      database.dispose();
    }
  }, 180_000);
});
