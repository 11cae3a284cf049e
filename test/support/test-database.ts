import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A fresh, empty database for one test file: a new sqlite file under the OS temp dir (opened by the driver
 * DATABASE_URL's prefix names: `sqlite:` by default, `better-sqlite3:`), or — when DATABASE_URL names PostgreSQL —
 * that database with its public schema dropped and recreated.
 */
export async function freshDatabaseUrl(): Promise<{ url: string; dispose: () => void }> {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
    return { url, dispose: () => undefined };
  }
  const file = join(tmpdir(), `tdkt-test-${randomUUID()}.sqlite`);
  return { url: `${sqlitePrefix()}${file}`, dispose: () => removeSqliteFile(file) };
}

/** The embedded driver the tests run on: `better-sqlite3:` when DATABASE_URL starts so, `sqlite:` otherwise. */
export function sqlitePrefix(): string {
  return process.env.DATABASE_URL?.startsWith('better-sqlite3:') ? 'better-sqlite3:' : 'sqlite:';
}

/** A sqlite database file and what WAL mode keeps beside it. */
export function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

export const isPostgres = () => !!process.env.DATABASE_URL?.startsWith('postgres');
