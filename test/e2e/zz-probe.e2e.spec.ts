import { startE2eApp } from './support/e2e-app';
it('probe', async () => {
  const t = await startE2eApp();
  const token = await t.tokenOf('vhxh.binhlu');
  const r = await t.http().get('/api/calendar/days-off?year=2026&year=1').set('Authorization', `Bearer ${token}`);
  console.log(r.status, JSON.stringify(r.body).slice(0, 300), JSON.stringify(r.headers));
  await t.close();
}, 60000);
