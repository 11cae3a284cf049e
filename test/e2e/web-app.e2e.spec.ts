import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';
import { startE2eApp } from './support/e2e-app';

/**
 * The web application's files are served by the same app as the API (src/web/web-app.ts): its own files, and
 * index.html for every other page path so the browser's routes survive a reload; nothing under /api changes. This
 * file serves a small stand-in build (WEB_DIR) so it does not depend on the vite build.
 */
describe('the web pages beside the API', () => {
  const webDir = join(tmpdir(), `tdkt-web-${process.pid}`);
  const INDEX = '<!doctype html><html lang="vi"><head><title>Thi đua – Khen thưởng</title></head><body><div id="root"></div></body></html>';
  let t: TestApp;
  let previous: string | undefined;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-3f9a1c.js'), 'console.log("Thi đua – Khen thưởng");');
    previous = process.env.WEB_DIR;
    process.env.WEB_DIR = webDir;
    t = await startE2eApp();
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    if (previous === undefined) delete process.env.WEB_DIR;
    else process.env.WEB_DIR = previous;
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers index.html at / and at every page path, never cached', async () => {
    for (const path of ['/', '/ho-so/moi', '/phien-hop/0f1efd82-5c9f-4e3c-af85-0f5f524f4ae9', '/thong-ke?tab=thang']) {
      const response = await t.http().get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toBe(INDEX);
    }
  });

  it('serves the hashed assets as they are, cached for a year', async () => {
    const response = await t.http().get('/assets/index-3f9a1c.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toContain('Thi đua – Khen thưởng');
  });

  it('leaves /api as it was: unknown paths answer the JSON error, the docs and the calls still answer', async () => {
    const unknown = await t.http().get('/api/khong-co');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/json/);
    expect(unknown.body.message).toBe('Không tìm thấy địa chỉ được yêu cầu');
    expect((await t.http().get('/api/docs-json')).status).toBe(200);
    const unauthenticated = await t.http().get('/api/nominations');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.message).toMatch(/đăng nhập/);
    const token = await t.tokenOf('vhxh.binhlu');
    expect((await t.http().get('/api/nominations').set('Authorization', `Bearer ${token}`)).status).toBe(200);
  });

  it('does not answer other methods on page paths with the page', async () => {
    const response = await t.http().post('/ho-so').send({});
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
  });
});
