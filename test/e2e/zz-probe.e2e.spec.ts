import { startE2eApp } from './support/e2e-app';
it('probe', async () => {
  const t = await startE2eApp({ withDemoNominations: true });
  const a = `Bearer ${await t.tokenOf('vhxh.binhlu')}`;
  const s = `Bearer ${await t.tokenOf('ban.binhlu')}`;
  const show = (r: any) => console.log(r.status, JSON.stringify(r.body).slice(0, 200));
  show(await t.http().get('/api/nominations?q=%00').set('Authorization', a));
  show(await t.http().get('/api/nominees?q=%00').set('Authorization', a));
  show(await t.http().post('/api/nominees').set('Authorization', a).send({ kind: 'individual', fullName: 'Lò\u0000Thị' }));
  show(await t.http().post('/api/nominations').set('Authorization', s).send({ formCode: 'giay-khen-chu-tich-xa', nominee: { kind: 'individual', fullName: 'Lò\u0000Thị Hoa' } }));
  show(await t.http().post('/api/auth/login').send({ username: 'ad\u0000min', password: 'x' }));
  show(await t.http().get('/api/award-forms/%00').set('Authorization', a));
  show(await t.http().get('/api/nominations?formCode=%00&state=%00').set('Authorization', a));
  await t.close();
}, 120000);
