import { dedicatedDatabase } from '../../support/dedicated-database';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Starts the full service for one e2e file (see test/support/test-app.ts) on a database of its own.
 *
 * On PostgreSQL, DATABASE_URL names one database, and every file empties its schema on start: two files running
 * at the same time (parallel Jest workers, or the integration tier running beside this one) would drop each
 * other's tables. So each e2e worker runs on `<name>_e2e_<worker>` beside it, created on first use and emptied
 * for each file. On sqlite every file gets a new temp file, removed on close.
 */
export async function startE2eApp(options: Omit<NonNullable<Parameters<typeof startTestApp>[0]>, 'databaseUrl'> = {}): Promise<TestApp> {
  const database = await dedicatedDatabase(`e2e_${process.env.JEST_WORKER_ID ?? '1'}`);
  const t = await startTestApp({ ...options, databaseUrl: database.url });
  return {
    ...t,
    async close() {
      await t.close();
      database.dispose();
    },
  };
}
