import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { RuleSetRegistry } from '../../workflows';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { loadAppConfig } from '../../src/config/app-config';
import { DemoSeeder, readDemoData } from '../../src/demo/demo-seeder';
import { OrganizationEntity } from '../../src/organizations/organization.entity';
import { freshDatabaseUrl } from './test-database';

export const DEMO = readDemoData();
export const DEMO_PASSWORD = DEMO.users[0].password;

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  /** A bearer token for a demo user (data/demo/binh-lu.json). */
  tokenOf: (username: string) => Promise<string>;
  organizationId: (name: string) => Promise<string>;
  /** Where this app keeps dossier files: a temp folder of its own unless `env.DOCUMENTS_DIR` names one. */
  documentsDir: string;
  close: () => Promise<void>;
}

/**
 * The full service over HTTP on a real, freshly migrated database (a sqlite file, or PostgreSQL when DATABASE_URL
 * says so), seeded with the demo organizations and users of data/demo. `withDemoNominations: false` seeds the
 * organizations and users only. `databaseUrl` runs it on a database the caller owns instead (a restart, or a second
 * instance beside the first): it is neither emptied first nor removed on close, and seeded only if empty.
 * `registry` runs it on another catalog than data/rule-sets (a catalog changed while nominations are in flight). The
 * background scheduler does not tick unless `env` sets `SCHEDULER_ENABLED`.
 */
export async function startTestApp({
  withDemoNominations = false,
  env = {} as NodeJS.ProcessEnv,
  databaseUrl = undefined as string | undefined,
  registry = undefined as RuleSetRegistry | undefined,
} = {}): Promise<TestApp> {
  const database = databaseUrl ? { url: databaseUrl, dispose: () => undefined } : await freshDatabaseUrl();
  // Named, not created: the app creates it when it starts, so a configuration refused at start leaves nothing behind.
  const ownDocumentsDir = env.DOCUMENTS_DIR ? null : join(tmpdir(), `tdkt-documents-${randomUUID()}`);
  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: database.url,
    BCRYPT_COST: '4',
    // Every test logs in from one address; login-throttling.e2e sets its own limits.
    LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    JWT_SECRET: 'e2e-secret',
    SCHEDULER_ENABLED: 'false',
    ...(ownDocumentsDir ? { DOCUMENTS_DIR: ownDocumentsDir } : {}),
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forConfig(config, registry)] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] });
  configureApp(app);
  await app.init();
  const data = readDemoData();
  if (!withDemoNominations) {
    data.nominations = [];
    data.nominees = [];
    data.campaigns = [];
  }
  await new DemoSeeder(app).seed(data);
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  const dataSource = app.get(DataSource);
  return {
    app,
    dataSource,
    http,
    documentsDir: config.documents.dir,
    async tokenOf(username) {
      if (!tokens.has(username)) {
        const response = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
        tokens.set(username, response.body.accessToken);
      }
      return tokens.get(username)!;
    },
    async organizationId(name) {
      return (await dataSource.getRepository(OrganizationEntity).findOneByOrFail({ name })).id;
    },
    async close() {
      await app.close();
      database.dispose();
      if (ownDocumentsDir) rmSync(ownDocumentsDir, { recursive: true, force: true });
    },
  };
}
