import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A fresh, empty database for one test file: a new sqlite file under the OS temp dir, or — when DATABASE_URL
 * names PostgreSQL — that database with its public schema dropped and recreated.
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
  return { url: `sqlite:${file}`, dispose: () => rmSync(file, { force: true }) };
}

export const isPostgres = () => !!process.env.DATABASE_URL?.startsWith('postgres');
