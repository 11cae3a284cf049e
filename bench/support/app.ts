import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { loadAppConfig } from '../../src/config/app-config';
import { DemoSeeder, readDemoData } from '../../src/demo/demo-seeder';
import { PrincipalLoader } from '../../src/identity/principal-loader';
import type { Principal } from '../../src/identity/principal';
import { UserEntity } from '../../src/identity/user.entity';

export const BENCH_DIR = process.env.BENCH_DIR || '/tmp/tdkt-bench';
export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/tdkt_bench';
export const DEMO_PASSWORD = readDemoData().users[0].password;

/** What the benchmark's child server and in-process context share: no scheduler, a fixed secret, cheap hashes. */
export function benchEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SCHEDULER_ENABLED: 'false',
    JWT_SECRET: 'bench-secret-not-for-production',
    BCRYPT_COST: '4',
    DOCUMENTS_DIR: `${BENCH_DIR}/documents`,
    NODE_ENV: 'development',
  };
}

/** An empty database for one figure: a fresh sqlite file, or the bench's own PostgreSQL database emptied. */
export async function freshDatabase(url: string): Promise<void> {
  const sqlite = url.match(/^(?:sqlite|better-sqlite3):(.*)$/);
  if (sqlite) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(sqlite[1] + suffix, { force: true });
    return;
  }
  const { Client } = await import('pg');
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

/** The whole service without HTTP on a migrated database seeded with the demo organizations and users. */
export async function openContext(databaseUrl: string): Promise<INestApplicationContext> {
  const config = loadAppConfig(benchEnv(databaseUrl));
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: ['error'] });
  const data = readDemoData();
  await new DemoSeeder(app).seed({ ...data, nominations: [], nominees: [], campaigns: [] });
  return app;
}

export async function principalOf(app: INestApplicationContext, username: string): Promise<Principal> {
  const user = await app.get(DataSource).getRepository(UserEntity).findOneByOrFail({ username });
  return (await app.get(PrincipalLoader).load(user.id))!;
}
