import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One place builds the connection for the app, the CLI and the tests: never `synchronize`, always migrations. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (database.type === 'postgres') return { ...common, type: 'postgres', url: database.url };
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  // Several processes may share one file (a second instance, the CLI): wait for another's write lock, do not fail.
  return { ...common, type: 'sqlite', database: database.path, busyTimeout: 5000 };
}
