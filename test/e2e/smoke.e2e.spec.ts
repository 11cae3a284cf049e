import type { TestApp } from '../support/test-app';
import { startE2eApp } from './support/e2e-app';

describe('the service on a real database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startE2eApp({ withDemoNominations: true });
  }, 30_000); // the demo seed: registry, documents and every nomination's steps
  afterAll(() => t.close());

  it('serves the demo nominations to the commune office', async () => {
    const token = await t.tokenOf('vhxh.binhlu');
    const response = await t.http().get('/api/nominations').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.body.total).toBeGreaterThan(3);
  });
});
