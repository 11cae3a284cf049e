import { startE2eApp } from './support/e2e-app';
import { registeredRoutes } from '../support/routes';
it('lists', async () => {
  const t = await startE2eApp({ withDemoNominations: true });
  const routes = registeredRoutes(t.app);
  console.log(routes.map((r) => `${r.method} ${r.path} ${r.isPublic ? 'PUBLIC' : ''} ${r.requiredRoles.join(',')}`).join('\n'));
  const counts = await t.dataSource.query(`SELECT (SELECT COUNT(*) FROM nominations) n, (SELECT COUNT(*) FROM campaigns) c, (SELECT COUNT(*) FROM council_sessions) s, (SELECT COUNT(*) FROM councils) co, (SELECT COUNT(*) FROM dossier_documents) d, (SELECT COUNT(*) FROM nominees) ne`);
  console.log(counts);
  await t.close();
}, 120000);
