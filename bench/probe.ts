import { BENCH_DIR, freshDatabase, openContext } from './support/app';
import { NominationFactory } from './support/synthesize';
async function main() {
  const url = `sqlite:${BENCH_DIR}/probe.sqlite`;
  await freshDatabase(url);
  const app = await openContext(url);
  const f = await NominationFactory.create(app);
  const n = f.build(5, { organizationId: f.unitIds[0], communeId: f.communeId, nomineeName: 'Lò Văn Thắng', createdAt: new Date('2026-10-01T02:00:00Z'), chained: true });
  console.log(JSON.stringify(n.row, null, 1).slice(0, 3000), JSON.stringify(n.row).length, n.events.length, JSON.stringify(n.events[4]));
  await app.close();
}
main();
