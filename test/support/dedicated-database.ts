import { Client } from 'pg';
import { freshDatabaseUrl } from './test-database';

/**
 * An empty database that belongs to one test file, for tests that start several app instances on it
 * (`startTestApp({ databaseUrl })`). On sqlite, a new temp file. On PostgreSQL, `<DATABASE_URL's name>_<name>`
 * beside the configured one, created if missing and emptied: files running in parallel Jest workers never share it.
 */
export async function dedicatedDatabase(name: string): Promise<{ url: string; dispose: () => void }> {
  const base = process.env.DATABASE_URL;
  if (!base?.startsWith('postgres')) return freshDatabaseUrl();
  const target = new URL(base);
  const database = `${decodeURIComponent(target.pathname.slice(1))}_${name}`;
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
        if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile by another process
      }
    }
  } finally {
    await client.end();
  }
  target.pathname = `/${encodeURIComponent(database)}`;
  const url = target.toString();
  const reset = new Client({ connectionString: url });
  await reset.connect();
  await reset.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await reset.end();
  return { url, dispose: () => undefined };
}
