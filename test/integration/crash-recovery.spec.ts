import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import request from 'supertest';
import { UNITS, COMMUNE } from '../e2e/support/binh-lu-fixtures';
import { nominationDriver, type NominationView } from '../e2e/support/nomination-driver';
import { officeKeeping, recordEligibleHistory } from '../e2e/support/nominee-history';
import { ensureServerBuild, freePort, killServer, startServer, type ServerProcess } from '../support/built-server';
import { dedicatedDatabase } from '../support/dedicated-database';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { isPostgres, removeSqliteFile, sqlitePrefix } from '../support/test-database';

const KILLS = 10;
const WORKERS = 6;
const FORM = 'giay-khen-chu-tich-xa';
/** The Giấy khen's commune route, each step a request of its own (uploads included, by whoever provides them). */
const TARGETS = ['commune.received', 'commune.appraisal', 'commune.councilReview', 'commune.awaitingSignature', 'awarded'];
const COMMUNE_UNITS = [UNITS.truongTieuHoc, UNITS.banBinhLu, UNITS.htxNongNghiep, UNITS.congTyChe, UNITS.trungTamDichVu];
const FAMILY = ['Lò', 'Lường', 'Tẩn', 'Sùng', 'Đèo', 'Hà', 'Vàng', 'Giàng', 'Lý', 'Chảo'];
const MIDDLE = ['Văn', 'Thị', 'A', 'Seo'];
const GIVEN = ['Chiến', 'Liên', 'Páo', 'Hương', 'Nga', 'Lử', 'Piêng', 'Dìn', 'Sài', 'Mỷ', 'Chứ', 'Pó'];

/** The i-th staff member proposed: a name of the commune's peoples, a birth date of their own (a registry entry each). */
function staffMember(i: number, unitName: string) {
  const day = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000 * 37).toISOString().slice(0, 10);
  return {
    kind: 'individual',
    fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    position: 'Viên chức',
    unitName,
    category: 'civil-servant',
    dateOfBirth: day,
  };
}

/** The e2e helpers over real HTTP to the child server instead of an in-process app; `answered` hears each 2xx. */
function remote(baseUrl: string, answered: () => void): TestApp {
  const tokens = new Map<string, string>();
  const agent = () => request(baseUrl);
  const http = () =>
    new Proxy(agent(), {
      get(target, method: keyof ReturnType<typeof agent>) {
        const call = target[method] as unknown as (...args: unknown[]) => request.Test;
        return (...args: unknown[]) => call.apply(target, args).on('response', (response: { status: number }) => response.status < 300 && answered());
      },
    });
  return {
    http,
    async tokenOf(username: string) {
      if (!tokens.has(username)) {
        const response = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
        if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
        tokens.set(username, response.body.accessToken);
      }
      return tokens.get(username)!;
    },
  } as unknown as TestApp;
}

/**
 * The built server as a child process under load (nominations created, documents uploaded, submitted, accepted
 * while a duplicate ACCEPT races, appraised, voted, signed), killed with SIGKILL at random moments and restarted,
 * ten times. Then every step acknowledged with 200 is still there, and `verify` (the CLI, as `npm run verify`
 * runs it) finds no problem: no torn step, no broken chain, no document row without its file.
 */
describe('crash recovery: SIGKILL under load, then verify', () => {
  const documentsDir = join(tmpdir(), `tdkt-crash-documents-${randomUUID()}`);
  const logFile = join(tmpdir(), `tdkt-crash-server-${randomUUID()}.log`);
  let databaseUrl: string;
  let dispose: () => void = () => undefined;
  let main: string;
  let passed = false;

  beforeAll(async () => {
    main = ensureServerBuild();
    if (isPostgres()) {
      const database = await dedicatedDatabase('crash');
      databaseUrl = database.url;
    } else {
      const file = join(tmpdir(), `tdkt-crash-${randomUUID()}.sqlite`);
      databaseUrl = `${sqlitePrefix()}${file}`;
      dispose = () => removeSqliteFile(file);
    }
    mkdirSync(documentsDir, { recursive: true });
    // Migrated and seeded with the demo organizations and users, in process, before the server is ever started.
    const seeded = await startTestApp({ databaseUrl, env: { DOCUMENTS_DIR: documentsDir } });
    await seeded.close();
  }, 60_000);
  afterAll(() => {
    dispose();
    rmSync(documentsDir, { recursive: true, force: true });
    // The servers' output is kept when the test fails, for the reason of the failure.
    if (passed) rmSync(logFile, { force: true });
    else console.log(`crash test: the servers' output is in ${logFile}`);
  });

  it('loses no acknowledged step and leaves nothing for verify to find after ten kills', async () => {
    const port = await freePort(3118);
    const env = { DATABASE_URL: databaseUrl, DOCUMENTS_DIR: documentsDir, JWT_SECRET: 'crash-test-secret', BCRYPT_COST: '4', SCHEDULER_ENABLED: 'false' };
    let answers = 0;
    const t = remote(`http://127.0.0.1:${port}`, () => (answers += 1));
    const d = nominationDriver(t);

    // Workers wait while the server is down; a request in flight at the kill fails and its nomination is taken up
    // again from the state it is found in.
    let up!: Promise<void>;
    let markUp!: () => void;
    const markDown = () => (up = new Promise<void>((ok) => (markUp = ok)));
    markDown();
    let stopping = false;
    let next = 0;
    const acknowledged = new Map<string, { owner: string; version: number; state: string }>();
    const counts = { completed: 0, failedAttempts: 0, abandoned: 0 };
    /** Why attempts failed, by message (a kill cuts a request: connection refused or reset, mostly). */
    const failures = new Map<string, number>();

    /** One nomination from draft to award, each stage taken up again after a kill from where it is found. */
    async function worker(index: number): Promise<void> {
      while (!stopping) {
        const i = next++;
        const unit = COMMUNE_UNITS[(index + i) % COMMUNE_UNITS.length];
        let drafted: NominationView | null = null;
        let eligible = false;
        let done = false;
        for (let attempt = 0; attempt < 12 && !done; attempt++) {
          await up;
          try {
            drafted ??= await d.draft(unit.submitter, FORM, staffMember(i, unit.name), {}, { withDocuments: false, withHistory: false });
            if (!eligible) {
              await recordEligibleHistory(t, officeKeeping(unit.submitter), drafted as never);
              eligible = true;
            }
            const reached = TARGETS.indexOf((await d.view(unit.submitter, drafted.id)).state);
            for (const target of TARGETS.slice(reached + 1)) {
              const racing = target === 'commune.appraisal' ? d.send(COMMUNE.appraiser, drafted.id, { type: 'ACCEPT' }).catch(() => null) : null;
              const view = await d.advanceTo(drafted.id, target);
              await racing;
              const earlier = acknowledged.get(drafted.id)?.version ?? 0;
              if (view.version >= earlier) acknowledged.set(drafted.id, { owner: unit.submitter, version: view.version, state: view.state });
            }
            done = true;
            counts.completed += 1;
          } catch (error) {
            const reason = String((error as Error).message ?? error).split('\n')[0].slice(0, 160);
            failures.set(reason, (failures.get(reason) ?? 0) + 1);
            counts.failedAttempts += 1;
            await sleep(50);
          }
        }
        if (!done) counts.abandoned += 1;
      }
    }

    // Each kill comes at a random moment once the load has gone somewhere since the start: after a random number
    // of answered requests (so a slow machine still gets load between kills), plus a random fraction of a second.
    const untilAnswered = async (count: number) => {
      const from = answers;
      const deadline = Date.now() + 120_000;
      while (answers - from < count) {
        if (Date.now() > deadline) throw new Error(`the server answered ${answers - from} requests in 120 s (see ${logFile})`);
        await sleep(20);
      }
    };
    let server: ServerProcess = await startServer(main, port, env, logFile);
    const workers: Array<Promise<void>> = [];
    try {
      markUp();
      workers.push(...Array.from({ length: WORKERS }, (_, index) => worker(index)));
      for (let kill = 0; kill < KILLS; kill++) {
        await untilAnswered(10 + Math.floor(Math.random() * 50));
        await sleep(Math.random() * 300);
        markDown();
        await killServer(server);
        server = await startServer(main, port, env, logFile);
        markUp();
      }
    } catch (error) {
      await killServer(server);
      throw error;
    } finally {
      stopping = true;
      markUp(); // a worker waiting for a start that failed gives up after its attempts
      await Promise.all(workers);
    }
    try {
      if (!counts.completed) console.log(`crash test: no nomination went through; attempts failed with ${JSON.stringify(Object.fromEntries(failures), null, 1)}`);
      expect(counts.completed).toBeGreaterThan(0);
      // Every step answered 200 before a kill is still there after it.
      for (const [id, ack] of acknowledged) {
        const view = await d.view(ack.owner, id);
        expect(view.version).toBeGreaterThanOrEqual(ack.version);
      }
    } finally {
      await killServer(server);
    }

    const verify = await promisify(execFile)(process.execPath, [join(dirname(main), 'cli', 'verify.js')], {
      env: { ...process.env, ...env },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect({ code: 'code' in verify ? verify.code : 0, stderr: verify.stderr, problems: verify.stdout.split('\n').filter((line) => line.startsWith('- ')) }).toEqual({
      code: 0,
      stderr: '',
      problems: [],
    });
    expect(verify.stdout).toContain('không có vấn đề nào');
    passed = true;
    console.log(`crash test: ${KILLS} kills, ${counts.completed} nominations awarded, ${counts.failedAttempts} attempts cut by a kill, ${counts.abandoned} abandoned; ${verify.stdout.trim().split('\n').at(-1)}`);
  }, 540_000); // about a minute on an idle machine; each of the eleven starts loads the whole service (~2 s of CPU)
});
