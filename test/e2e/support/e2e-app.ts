import { Client } from 'pg';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Starts the full service for one e2e file (see test/support/test-app.ts).
 *
 * On PostgreSQL every test file drops and recreates the public schema of DATABASE_URL. Two files running at
 * the same time on the same database (parallel Jest workers, or the integration tier running beside this one)
 * would drop each other's tables, so each e2e worker gets its own database next to the configured one:
 * `<name>_e2e_<worker>`, created on first use. On sqlite every file already has its own temp file.
 */
export async function startE2eApp(options: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  await useWorkerDatabase();
  return startTestApp(options);
}

async function useWorkerDatabase(): Promise<void> {
  const base = process.env.E2E_BASE_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!base?.startsWith('postgres')) return;
  process.env.E2E_BASE_DATABASE_URL = base;
  const target = new URL(base);
  const database = `${decodeURIComponent(target.pathname.slice(1))}_e2e_${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) {
      try {
        await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
      } catch (error) {
        // Another process created it between the check and the CREATE.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
  target.pathname = `/${encodeURIComponent(database)}`;
  process.env.DATABASE_URL = target.toString();
}
