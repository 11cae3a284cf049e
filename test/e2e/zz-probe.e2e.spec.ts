import { startE2eApp } from './support/e2e-app';
import { plausibleBodies } from './support/hostile-requests';
it('probe', async () => {
  const t = await startE2eApp();
  const openApi = (await t.http().get('/api/docs-json')).body;
  const bodies = plausibleBodies(openApi);
  for (const key of ['POST /api/organizations', 'PATCH /api/nominations/:id', 'POST /api/nominations/:id/events', 'POST /api/councils', 'POST /api/council-sessions', 'POST /api/nominees/:id/flags', 'PATCH /api/campaigns/:id', 'POST /api/users']) {
    console.log(key, JSON.stringify(bodies.get(key)));
  }
  const token = await t.tokenOf('admin');
  const r = await t.http().post('/api/organizations').set('Authorization', `Bearer ${token}`).send(bodies.get('POST /api/organizations')!);
  console.log(JSON.stringify(r.body));
  await t.close();
}, 60000);
