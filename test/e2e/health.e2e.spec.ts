import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../src/database/migrations';
import { startE2eApp } from './support/e2e-app';
import type { TestApp } from '../support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startE2eApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers without a token once the database answers, naming the newest migration applied', async () => {
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
    const newest = new MIGRATIONS[MIGRATIONS.length - 1]() as { name: string };
    expect(response.body).toEqual({ status: 'ok', database: t.dataSource.options.type, schema: newest.name });
  });

  it('answers 503 in the error shape while the database does not answer, and ok again once it does', async () => {
    const dataSource = t.app.get(DataSource);
    const query = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockRejectedValueOnce(new Error('connection refused'));
    const down = await t.http().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ statusCode: 503, error: expect.any(String), code: 'DATABASE_UNAVAILABLE', message: 'Cơ sở dữ liệu không trả lời; dịch vụ chưa sẵn sàng' });
    spy.mockRestore();
    expect((await query('SELECT 1 AS one'))[0].one).toBe(1);
    expect((await t.http().get('/api/health')).status).toBe(200);
  });
});
