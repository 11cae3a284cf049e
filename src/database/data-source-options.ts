import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** How long a connection waits for another process's write lock on the sqlite file before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** One place builds the connection for the app, the CLI and the tests: never `synchronize`, always migrations. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (database.type === 'postgres') return { ...common, type: 'postgres', url: database.url };
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  // Several processes may share one file (a second instance, the CLI): wait for another's write lock, do not fail.
  // WAL lets readers go on while one writes, and a killed process leaves a committed transaction in place.
  const enableWAL = database.path !== ':memory:';
  if (database.driver === 'better-sqlite3') {
    return { ...common, type: 'better-sqlite3', database: database.path, timeout: SQLITE_BUSY_TIMEOUT_MS, enableWAL };
  }
  return { ...common, type: 'sqlite', database: database.path, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, enableWAL };
}
