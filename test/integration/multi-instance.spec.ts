import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import request, { type Response } from 'supertest';
import { In } from 'typeorm';
import { DecisionEntity } from '../../src/decisions/decision.entity';
import { DocumentNumberEntity } from '../../src/nominations/document-number.entity';
import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { NomineeEntity } from '../../src/nominees/nominee.entity';
import { LoginFailureEntity } from '../../src/identity/login-failure.entity';
import { NomineeBlockResultEntity } from '../../src/nominees/nominee-block-result.entity';
import { NomineeRatingEntity } from '../../src/nominees/nominee-rating.entity';
import { NotificationEntity } from '../../src/notifications/notification.entity';
import { ReminderSentEntity } from '../../src/notifications/reminder-sent.entity';
import { WebhookOutboxEntity } from '../../src/webhooks/webhook-outbox.entity';
import { COMMUNE, UNITS } from '../e2e/support/binh-lu-fixtures';
import { councilSessions, type Choice, type CouncilMember } from '../e2e/support/council-sessions';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver, type NominationView } from '../e2e/support/nomination-driver';
import { officeKeeping } from '../e2e/support/nominee-history';
import { BUILD_DIR, ensureServerBuild, freePort, killServer, startServer, type ServerProcess } from '../support/built-server';
import { dedicatedDatabase } from '../support/dedicated-database';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { isPostgres, removeSqliteFile, sqlitePrefix } from '../support/test-database';

jest.setTimeout(180_000);

const GIAY_KHEN = 'giay-khen-chu-tich-xa';
const TERM_START = '2026-01-01';
const COMMUNE_UNITS = [UNITS.truongTieuHoc, UNITS.banBinhLu, UNITS.htxNongNghiep, UNITS.congTyChe, UNITS.trungTamDichVu];
const FAMILY = ['Lò', 'Lường', 'Tẩn', 'Sùng', 'Đèo', 'Hà', 'Vàng', 'Giàng', 'Lý', 'Chảo', 'Tòng', 'Quàng'];
const MIDDLE = ['Văn', 'Thị', 'A', 'Seo'];
const GIVEN = ['Chiến', 'Liên', 'Páo', 'Hương', 'Nga', 'Lử', 'Piêng', 'Dìn', 'Sài', 'Mỷ', 'Chứ', 'Pó', 'Khiêm'];
const WEBHOOK_SECRET = 'bí-mật-webhook-của-tỉnh-Lai-Châu';

/** The i-th staff member proposed by a unit of the commune: a name of its peoples, a birth date of their own. */
function staffMember(i: number) {
  const unit = COMMUNE_UNITS[i % COMMUNE_UNITS.length];
  return {
    unit,
    nominee: {
      kind: 'individual',
      fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      position: 'Viên chức',
      unitName: unit.name,
      category: 'civil-servant',
      dateOfBirth: new Date(Date.UTC(1968, 0, 1) + i * 86_400_000 * 41).toISOString().slice(0, 10),
    },
  };
}

/** The e2e helpers over real HTTP to one server process; organizations are looked up in the shared database. */
function remote(baseUrl: string, local: TestApp): TestApp {
  const tokens = new Map<string, string>();
  const http = () => request(baseUrl);
  return {
    http,
    dataSource: local.dataSource,
    organizationId: local.organizationId,
    async tokenOf(username: string) {
      if (!tokens.has(username)) {
        const response = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
        if (response.status !== 200) throw new Error(`login ${username} at ${baseUrl}: ${response.status}`);
        tokens.set(username, response.body.accessToken);
      }
      return tokens.get(username)!;
    },
  } as unknown as TestApp;
}

/** A webhook receiver on 127.0.0.1 that answers 200 and counts each delivery by its X-Event-Id. */
class Receiver {
  readonly deliveries = new Map<string, number>();
  private server!: Server;

  async start(port: number): Promise<string> {
    this.server = createServer((incoming, response) => {
      incoming.resume();
      incoming.on('end', () => {
        const id = String(incoming.headers['x-event-id'] ?? '');
        this.deliveries.set(id, (this.deliveries.get(id) ?? 0) + 1);
        response.statusCode = 200;
        response.end('đã nhận');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}/hooks/tdkt`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const statuses = (answers: Response[]) => answers.map((answer) => answer.status).sort();
const count = (answers: Response[], status: number) => answers.filter((answer) => answer.status === status).length;

/**
 * Two processes of the built server (`node …/src/main.js`) on ONE database — PostgreSQL when DATABASE_URL says so,
 * else one sqlite file both open — sharing JWT_SECRET and DOCUMENTS_DIR, both with the scheduler ticking, driven at
 * once by many clients split over both: racing events (with and without If-Match, the same Idempotency-Key on both),
 * council ballots sent to both, signatures and batch decisions racing for nominations and numbers, overdue reminders
 * and webhook deliveries. Exactly one writer wins each step; the log has no gap and no repeat; `verify` finds nothing.
 */
describe(`two server processes on one ${isPostgres() ? 'PostgreSQL database' : 'sqlite file'}`, () => {
  const documentsDir = join(tmpdir(), `tdkt-multi-documents-${randomUUID()}`);
  const logFile = join(tmpdir(), `tdkt-multi-servers-${randomUUID()}.log`);
  const receiver = new Receiver();
  let databaseUrl: string;
  let dispose: () => void = () => undefined;
  let env: NodeJS.ProcessEnv;
  let local: TestApp;
  const servers: ServerProcess[] = [];
  /** The two instances as the e2e helpers see them, and a driver on each. */
  let a: TestApp;
  let b: TestApp;
  let da: NominationDriver;
  let db: NominationDriver;
  let passed = false;
  let nextPerson = 0;

  beforeAll(async () => {
    const main = ensureServerBuild();
    if (isPostgres()) {
      const database = await dedicatedDatabase('multi');
      databaseUrl = database.url;
    } else {
      const file = join(tmpdir(), `tdkt-multi-${randomUUID()}.sqlite`);
      databaseUrl = `${sqlitePrefix()}${file}`;
      dispose = () => removeSqliteFile(file);
    }
    mkdirSync(documentsDir, { recursive: true });
    const webhookUrl = await receiver.start(await freePort(3132));
    // Migrated and seeded in process; kept open (no scheduler, no webhook) to read and age rows directly.
    local = await startTestApp({ databaseUrl, env: { DOCUMENTS_DIR: documentsDir } });
    env = {
      DATABASE_URL: databaseUrl,
      DOCUMENTS_DIR: documentsDir,
      JWT_SECRET: 'multi-instance-test-secret',
      BCRYPT_COST: '4',
      SCHEDULER_ENABLED: 'true',
      REMINDER_INTERVAL_SECONDS: '1',
      WEBHOOK_URL: webhookUrl,
      WEBHOOK_SECRET,
      WEBHOOK_INTERVAL_SECONDS: '1',
      WEBHOOK_BACKOFF_SECONDS: '1',
    };
    const ports = [await freePort(3130)];
    ports.push(await freePort(ports[0] + 1));
    for (const port of ports) servers.push(await startServer(main, port, env, logFile));
    a = remote(servers[0].baseUrl, local);
    b = remote(servers[1].baseUrl, local);
    da = nominationDriver(a);
    db = nominationDriver(b);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await killServer(server, 'SIGTERM');
    await local?.close();
    await receiver.stop();
    dispose();
    rmSync(documentsDir, { recursive: true, force: true });
    // The servers' output is kept unless the run got through to the end, for the reason of a failure.
    if (passed) rmSync(logFile, { force: true });
    else console.log(`multi-instance test: the servers' output is in ${logFile}`);
  });

  /** `n` new nominations of the commune driven to `target` through instance A, each for its own person. */
  async function nominationsAt(n: number, target: string): Promise<NominationView[]> {
    const people = Array.from({ length: n }, () => staffMember(nextPerson++));
    return Promise.all(people.map(({ unit, nominee }) => da.nominationAt(unit.submitter, GIAY_KHEN, nominee, target)));
  }

  /** Both instances, alternately: request i goes to A when i is even, to B otherwise. */
  const driverFor = (i: number) => (i % 2 === 0 ? da : db);

  /** The stored row and log: version = number of log rows, seq 0 … version - 1 each once. */
  async function expectWholeLog(id: string): Promise<NominationEventEntity[]> {
    const row = await local.dataSource.getRepository(NominationEntity).findOneByOrFail({ id });
    const log = await local.dataSource.getRepository(NominationEventEntity).find({ where: { nominationId: id }, order: { seq: 'ASC' } });
    expect({ version: row.version, seqs: log.map((entry) => entry.seq) }).toEqual({ version: log.length, seqs: log.map((_, index) => index) });
    return log;
  }

  describe('conflicting events', () => {
    it('lets one of ten ACCEPTs split over both instances through, on five nominations at once (50 requests)', async () => {
      const received = await nominationsAt(5, 'commune.received');
      const answers = await Promise.all(received.map((nomination) => Promise.all(Array.from({ length: 10 }, (_, i) => driverFor(i).send(COMMUNE.appraiser, nomination.id, { type: 'ACCEPT' })))));
      for (const [index, nomination] of received.entries()) {
        expect(statuses(answers[index])).toEqual([200, ...Array(9).fill(409)]);
        for (const refused of answers[index].filter((answer) => answer.status === 409)) expect(['VERSION_STALE', 'EVENT_NOT_ALLOWED']).toContain(expectErrorShape(refused, 409).code);
        const log = await expectWholeLog(nomination.id);
        expect(log.filter((entry) => entry.type === 'ACCEPT')).toHaveLength(1);
        expect(log).toHaveLength(nomination.version + 1);
        expect((await db.view(COMMUNE.appraiser, nomination.id)).state).toBe('commune.appraisal');
      }
    });

    it('lets one of ten ACCEPTs with the same If-Match through; the nine others are VERSION_STALE (50 requests)', async () => {
      const received = await nominationsAt(5, 'commune.received');
      const answers = await Promise.all(
        received.map((nomination) =>
          Promise.all(Array.from({ length: 10 }, (_, i) => driverFor(i).send(COMMUNE.appraiser, nomination.id, { type: 'ACCEPT' }, { 'If-Match': `"${nomination.version}"` }))),
        ),
      );
      for (const [index, nomination] of received.entries()) {
        expect(statuses(answers[index])).toEqual([200, ...Array(9).fill(409)]);
        for (const refused of answers[index].filter((answer) => answer.status === 409)) expect(expectErrorShape(refused, 409).code).toBe('VERSION_STALE');
        expect((await expectWholeLog(nomination.id)).length).toBe(nomination.version + 1);
      }
    });

    it('races APPRAISAL_PASSED against APPRAISAL_REJECTED on both instances: one outcome per nomination (60 requests)', async () => {
      const inAppraisal = await nominationsAt(5, 'commune.appraisal');
      const answers = await Promise.all(
        inAppraisal.map((nomination) =>
          Promise.all(
            Array.from({ length: 12 }, (_, i) =>
              // Half of them decided on the version they saw, half without If-Match.
              driverFor(i).send(
                COMMUNE.appraiser,
                nomination.id,
                Math.floor(i / 2) % 2 === 0 ? { type: 'APPRAISAL_PASSED', note: `Hồ sơ đầy đủ, đạt tiêu chuẩn (ý kiến ${i})` } : { type: 'APPRAISAL_REJECTED', reason: `Chưa đạt tiêu chuẩn (ý kiến ${i})` },
                i % 3 === 0 ? { 'If-Match': String(nomination.version) } : {},
              ),
            ),
          ),
        ),
      );
      for (const [index, nomination] of inAppraisal.entries()) {
        expect(statuses(answers[index])).toEqual([200, ...Array(11).fill(409)]);
        const winner = answers[index].find((answer) => answer.status === 200)!;
        const log = await expectWholeLog(nomination.id);
        expect(log.filter((entry) => entry.type === 'APPRAISAL_PASSED' || entry.type === 'APPRAISAL_REJECTED')).toHaveLength(1);
        expect(log.at(-1)!.toState).toBe(winner.body.state);
        expect((await da.view(COMMUNE.appraiser, nomination.id))).toMatchObject({ state: winner.body.state, version: winner.body.version });
      }
    });

    it('answers ten retries with the same Idempotency-Key on both instances alike, applying the step once (50 requests)', async () => {
      const received = await nominationsAt(5, 'commune.received');
      const answers = await Promise.all(
        received.map((nomination, n) =>
          Promise.all(Array.from({ length: 10 }, (_, i) => driverFor(i).send(COMMUNE.appraiser, nomination.id, { type: 'ACCEPT' }, { 'Idempotency-Key': `vhxh-binhlu-tiep-nhan-${n}-${nomination.id}` }))),
        ),
      );
      for (const [index, nomination] of received.entries()) {
        expect(statuses(answers[index])).toEqual(Array(10).fill(200));
        for (const answer of answers[index]) expect(answer.body).toEqual(answers[index][0].body);
        expect(answers[index][0].body).toMatchObject({ state: 'commune.appraisal', version: nomination.version + 1 });
        const log = await expectWholeLog(nomination.id);
        expect(log.filter((entry) => entry.type === 'ACCEPT')).toHaveLength(1);
      }
    });
    it('keeps every acknowledged draft edit when edits and SUBMITs race on both instances (40 requests): none lost, none doubled', async () => {
      const people = Array.from({ length: 4 }, () => staffMember(nextPerson++));
      const drafts = await Promise.all(people.map(({ unit, nominee }) => da.draft(unit.submitter, GIAY_KHEN, nominee)));
      const answers = await Promise.all(
        drafts.map((draft, n) =>
          Promise.all(
            Array.from({ length: 10 }, async (_, i) => {
              const t = i % 2 === 0 ? a : b;
              const owner = people[n].unit.submitter;
              if (i === 4 || i === 7) return { kind: 'submit', answer: await driverFor(i).send(owner, draft.id, { type: 'SUBMIT' }) };
              const achievements = `Hoàn thành xuất sắc nhiệm vụ năm học 2025–2026 (bản sửa ${i} của ${people[n].nominee.fullName})`;
              const answer = await t.http().patch(`/api/nominations/${draft.id}`).set('Authorization', `Bearer ${await t.tokenOf(owner)}`).send({ achievements });
              return { kind: 'edit', answer };
            }),
          ),
        ),
      );
      for (const [n, draft] of drafts.entries()) {
        for (const { answer } of answers[n]) expect([200, 409]).toContain(answer.status);
        const accepted = (kind: string) => answers[n].filter((entry) => entry.kind === kind && entry.answer.status === 200).length;
        const log = await expectWholeLog(draft.id);
        const added = log.slice(draft.version);
        expect({ edits: added.filter((entry) => entry.type === 'DRAFT_UPDATED').length, submits: added.filter((entry) => entry.type === 'SUBMIT').length }).toEqual({
          edits: accepted('edit'),
          submits: accepted('submit'),
        });
        expect(accepted('submit')).toBeLessThanOrEqual(1);
        // The stored dossier is what the last accepted edit wrote.
        const lastEdit = [...added].reverse().find((entry) => entry.type === 'DRAFT_UPDATED');
        const row = await local.dataSource.getRepository(NominationEntity).findOneByOrFail({ id: draft.id });
        if (lastEdit) expect(row.achievements).toBe(lastEdit.payload.achievements);
      }
    });
  });

  describe('council ballots', () => {
    let councilId: string;
    let members: CouncilMember[];
    let ca: ReturnType<typeof councilSessions>;
    let cb: ReturnType<typeof councilSessions>;

    beforeAll(async () => {
      ca = councilSessions(a);
      cb = councilSessions(b);
      ({ councilId, members } = await ca.communeCouncil(10, TERM_START));
      // Logged in one by one before the races: a login tried concurrently with the demo password first would count
      // as repeated failures and lock the member out (TOO_MANY_ATTEMPTS).
      for (const member of members) for (const c of [ca, cb]) await c.tokenOf(member.username);
    });

    const everyone = () => members.map((member) => ({ userId: member.userId, status: 'present' }));

    async function openSession(nominationIds: string[]) {
      const scheduled = await ca.schedule(councilId, '2026-11-27', nominationIds);
      expectStatus(scheduled, 201);
      const opened = await cb.open(scheduled.body.id, everyone());
      expectStatus(opened, 200);
      return opened.body as Record<string, any>;
    }

    it('puts a nomination on one session only and opens a session once when both instances are asked at once', async () => {
      const [waiting] = await nominationsAt(1, 'commune.councilReview');
      const scheduled = await Promise.all([ca.schedule(councilId, '2026-11-26', [waiting.id]), cb.schedule(councilId, '2026-11-26', [waiting.id])]);
      expect(statuses(scheduled)).toEqual([201, 409]);
      expect(expectErrorShape(scheduled.find((answer) => answer.status === 409)!, 409).code).toBe('NOMINATION_ON_AGENDA');
      const sessionId = scheduled.find((answer) => answer.status === 201)!.body.id;
      const opened = await Promise.all([ca.open(sessionId, everyone()), cb.open(sessionId, everyone()), ca.open(sessionId, everyone()), cb.open(sessionId, everyone())]);
      expect(statuses(opened)).toEqual([200, 409, 409, 409]);
      const seen = await cb.session(sessionId);
      expect(seen.status).toBe('open');
      expect(seen.members).toHaveLength(members.length);
      const closed = await ca.close(sessionId);
      expectStatus(closed, 200);
    });

    it('counts each member once when every member sends the same ballot to both instances at once (60 requests)', async () => {
      const waiting = await nominationsAt(3, 'commune.councilReview');
      const session = await openSession(waiting.map((nomination) => nomination.id));
      const choices: Choice[] = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'yes', 'yes', 'no', 'yes'];
      const requests = session.items.flatMap((item: { id: string }) =>
        members.flatMap((member, i) => [ca.vote(session.id, item.id, member.username, choices[i]), cb.vote(session.id, item.id, member.username, choices[i])]),
      );
      const answers = await Promise.all(requests);
      expect(count(answers, 201)).toBe(members.length * session.items.length);
      expect(count(answers, 409)).toBe(members.length * session.items.length);
      for (const refused of answers.filter((answer) => answer.status === 409)) expect(expectErrorShape(refused, 409).code).toBe('BALLOT_ALREADY_CAST');
      const seen = await cb.session(session.id);
      for (const item of seen.items) expect(item.ballotsCast).toBe(members.length);
      const closed = await ca.close(session.id);
      expectStatus(closed, 200);
      for (const item of closed.body.items) expect(item.result).toMatchObject({ members: 10, present: 10, yes: 7, no: 2, abstain: 1 });
      for (const nomination of waiting) {
        const log = await expectWholeLog(nomination.id);
        expect(log.filter((entry) => entry.type === 'COUNCIL_APPROVED')).toHaveLength(1);
        expect(log.at(-1)!.toState).toBe('commune.awaitingSignature');
      }
    });

    it('loses no accepted ballot when a close on one instance races ballots on both', async () => {
      const waiting = await nominationsAt(2, 'commune.councilReview');
      const session = await openSession(waiting.map((nomination) => nomination.id));
      // Six members have voted on every item; the four others vote (each to both instances) while the close runs.
      for (const item of session.items) await ca.castAll(session.id, item.id, members.slice(0, 6).map((member): [string, Choice] => [member.username, 'yes']));
      const late: Choice[] = ['yes', 'no', 'abstain', 'yes'];
      const ballots: Array<{ item: number; choice: Choice; answer: Promise<Response> }> = [];
      session.items.forEach((item: { id: string }, itemIndex: number) =>
        members.slice(6).forEach((member, i) => {
          for (const c of [ca, cb]) ballots.push({ item: itemIndex, choice: late[i], answer: c.vote(session.id, item.id, member.username, late[i]) });
        }),
      );
      const [closing, ...answers] = await Promise.all([cb.close(session.id), ...ballots.map((ballot) => ballot.answer)]);
      expectStatus(closing, 200);
      for (const answer of answers) expect([201, 409]).toContain(answer.status);
      session.items.forEach((_: unknown, itemIndex: number) => {
        const accepted = (choice: Choice) => ballots.filter((ballot, i) => ballot.item === itemIndex && ballot.choice === choice && answers[i].status === 201).length;
        expect(accepted('yes') + accepted('no') + accepted('abstain')).toBeLessThanOrEqual(4);
        expect(closing.body.items[itemIndex].result).toMatchObject({ yes: 6 + accepted('yes'), no: accepted('no'), abstain: accepted('abstain') });
      });
      const after = await ca.session(session.id);
      for (const [itemIndex, item] of after.items.entries()) {
        const result = closing.body.items[itemIndex].result;
        expect(item.ballotsCast).toBe(result.yes + result.no + result.abstain);
      }
      expectErrorShape(await ca.vote(session.id, session.items[0].id, members[9].username, 'yes'), 409);
      for (const nomination of waiting) await expectWholeLog(nomination.id);
    });
  });

  describe('signatures and decision numbers', () => {
    it('signs one nomination once when ten signatures with different numbers race on both instances', async () => {
      const [nomination] = await nominationsAt(1, 'commune.awaitingSignature');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => driverFor(i).send(COMMUNE.signer, nomination.id, { type: 'SIGN', number: `${310 + i}/QĐ-UBND`, date: '2026-12-01' })),
      );
      expect(statuses(answers)).toEqual([200, ...Array(9).fill(409)]);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect(winner.body.state).toBe('awarded');
      const log = await expectWholeLog(nomination.id);
      expect(log.filter((entry) => entry.type === 'SIGN')).toHaveLength(1);
      // The losers' numbers stay free: only the winner's is reserved.
      const reserved = await local.dataSource.getRepository(DocumentNumberEntity).findBy({ nominationId: nomination.id });
      expect(reserved.map((entry) => entry.number)).toEqual([log.at(-1)!.payload.number]);
    });

    it('awards one decision number once at the organization and year when four nominations race for it', async () => {
      const awaiting = await nominationsAt(4, 'commune.awaitingSignature');
      const answers = await Promise.all(awaiting.map((nomination, i) => driverFor(i).send(COMMUNE.signer, nomination.id, { type: 'SIGN', number: '320/QĐ-UBND', date: '2026-12-01' })));
      expect(statuses(answers)).toEqual([200, 422, 422, 422]);
      for (const refused of answers.filter((answer) => answer.status === 422)) expect(expectErrorShape(refused, 422).details.rule).toBe('document-number-unique');
      const rows = await local.dataSource.getRepository(NominationEntity).findBy({ id: In(awaiting.map((nomination) => nomination.id)) });
      expect(rows.map((row) => row.state).sort()).toEqual(['awarded', 'commune.awaitingSignature', 'commune.awaitingSignature', 'commune.awaitingSignature']);
      expect(await local.dataSource.getRepository(DocumentNumberEntity).countBy({ number: '320/QĐ-UBND', year: 2026 })).toBe(1);
      for (const [index, nomination] of awaiting.entries()) expect((await expectWholeLog(nomination.id)).length).toBe(nomination.version + (answers[index].status === 200 ? 1 : 0));
    });

    it('lets one of two batch decisions on overlapping nominations through, all or nothing, and one of two with the same number', async () => {
      const awaiting = await nominationsAt(8, 'commune.awaitingSignature');
      const ids = awaiting.map((nomination) => nomination.id);
      const sign = async (t: TestApp, body: Record<string, unknown>) => t.http().post('/api/decisions').set('Authorization', `Bearer ${await t.tokenOf(COMMUNE.signer)}`).send(body);
      // Overlapping: 0–3 on A, 2–5 on B, different numbers.
      const [first, second] = await Promise.all([
        sign(a, { number: '330', date: '2026-12-02', nominationIds: ids.slice(0, 4) }),
        sign(b, { number: '331', date: '2026-12-02', nominationIds: ids.slice(2, 6) }),
      ]);
      expect([first.status, second.status].filter((status) => status === 201)).toHaveLength(1);
      const loser = first.status === 201 ? second : first;
      expect([409, 422]).toContain(loser.status);
      expectErrorShape(loser, loser.status);
      const won = first.status === 201 ? ids.slice(0, 4) : ids.slice(2, 6);
      const rows = await local.dataSource.getRepository(NominationEntity).findBy({ id: In(ids.slice(0, 6)) });
      for (const row of rows) expect(row.state).toBe(won.includes(row.id) ? 'awarded' : 'commune.awaitingSignature');
      expect(await local.dataSource.getRepository(DecisionEntity).countBy({ number: In(['330/QĐ-UBND', '331/QĐ-UBND']) })).toBe(1);

      // Disjoint nominations, the same number at once on both instances: one decision.
      const left = awaiting.filter((nomination) => !won.includes(nomination.id)).map((nomination) => nomination.id);
      const half = Math.floor(left.length / 2);
      const [third, fourth] = await Promise.all([
        sign(a, { number: '332', date: '2026-12-02', nominationIds: left.slice(0, half) }),
        sign(b, { number: '332', date: '2026-12-02', nominationIds: left.slice(half) }),
      ]);
      expect(statuses([third, fourth])).toEqual([201, 422]);
      expect(expectErrorShape(third.status === 422 ? third : fourth, 422).details.rule).toBe('document-number-unique');
      expect(await local.dataSource.getRepository(DecisionEntity).countBy({ number: '332/QĐ-UBND' })).toBe(1);
      for (const nomination of awaiting) {
        const log = await expectWholeLog(nomination.id);
        expect(log.filter((entry) => entry.type === 'SIGN').length).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('the nominee registry', () => {
    it('records one entry, one rating a year and one block result a year when the same record races on both instances (18 requests): the others 422', async () => {
      const { unit, nominee } = staffMember(nextPerson++);
      const office = officeKeeping(unit.submitter);
      const post = async (t: TestApp, path: string, body: object) => t.http().post(path).set('Authorization', `Bearer ${await t.tokenOf(office)}`).send(body);
      const organizationId = await local.organizationId(unit.name);
      const created = await Promise.all(Array.from({ length: 6 }, (_, i) => post(i % 2 === 0 ? a : b, '/api/nominees', { ...nominee, organizationId })));
      expect(statuses(created)).toEqual([201, 422, 422, 422, 422, 422]);
      for (const refused of created.filter((answer) => answer.status === 422)) expect(expectErrorShape(refused, 422).details.rule).toBe('nominee-unique');
      const entry = created.find((answer) => answer.status === 201)!.body;
      expect(await local.dataSource.getRepository(NomineeEntity).countBy({ organizationId, name: nominee.fullName })).toBe(1);

      const rated = await Promise.all(
        Array.from({ length: 6 }, (_, i) => post(i % 2 === 0 ? a : b, `/api/nominees/${entry.id}/ratings`, { year: 2025, rating: i % 3 === 0 ? 'excellent' : 'good' })),
      );
      expect(statuses(rated)).toEqual([201, 422, 422, 422, 422, 422]);
      for (const refused of rated.filter((answer) => answer.status === 422)) expect(expectErrorShape(refused, 422).details.rule).toBe('rating-year-unique');
      expect(await local.dataSource.getRepository(NomineeRatingEntity).countBy({ nomineeId: entry.id, year: 2025 })).toBe(1);

      const cooperative = { kind: 'collective', name: UNITS.htxNongNghiep.name, category: 'cooperative', organizationId: await local.organizationId(UNITS.htxNongNghiep.name) };
      const collective = await post(a, '/api/nominees', cooperative);
      expectStatus(collective, 201);
      const elected = await Promise.all(
        Array.from({ length: 6 }, (_, i) => post(i % 2 === 0 ? a : b, `/api/nominees/${collective.body.id}/block-results`, { year: 2025, blockName: 'Khối thi đua các hợp tác xã xã Bình Lư' })),
      );
      expect(statuses(elected)).toEqual([201, 422, 422, 422, 422, 422]);
      for (const refused of elected.filter((answer) => answer.status === 422)) expect(expectErrorShape(refused, 422).details.rule).toBe('block-result-year-unique');
      expect(await local.dataSource.getRepository(NomineeBlockResultEntity).countBy({ nomineeId: collective.body.id, year: 2025 })).toBe(1);
    });
  });

  describe('background jobs on both instances', () => {
    it('reminds of each overdue dossier once, both schedulers ticking every second', async () => {
      const late = await nominationsAt(6, 'commune.received');
      const ids = late.map((nomination) => nomination.id);
      const pastDue = new Date(Date.now() + 7 * 3600_000 - 3 * 86_400_000).toISOString().slice(0, 10);
      await local.dataSource.getRepository(NominationEntity).update({ id: In(ids) }, { dueDate: pastDue });
      const reminders = local.dataSource.getRepository(ReminderSentEntity);
      const deadline = Date.now() + 20_000;
      while ((await reminders.countBy({ nominationId: In(ids) })) < ids.length && Date.now() < deadline) await sleep(200);
      // A few more ticks of both instances: nothing more is sent.
      await sleep(3500);
      const sent = await reminders.findBy({ nominationId: In(ids) });
      expect(sent.map((row) => row.nominationId).sort()).toEqual([...ids].sort());
      const notifications = await local.dataSource.getRepository(NotificationEntity).findBy({ nominationId: In(ids), kind: 'overdue' });
      // One acting user (the commune's appraiser) per dossier, notified once.
      expect(notifications.map((row) => row.nominationId).sort()).toEqual([...ids].sort());
    });

    it('delivers every webhook event of every step above exactly once between the two dispatchers', async () => {
      const outbox = local.dataSource.getRepository(WebhookOutboxEntity);
      const total = await outbox.count();
      expect(total).toBeGreaterThan(100);
      const deadline = Date.now() + 60_000;
      while ((await outbox.countBy({ status: 'delivered' })) < total && Date.now() < deadline) await sleep(250);
      await sleep(2500);
      const rows = await outbox.find();
      expect(rows.filter((row) => row.status !== 'delivered' || row.attempts !== 1)).toEqual([]);
      const repeated = [...receiver.deliveries].filter(([, times]) => times !== 1);
      expect({ received: receiver.deliveries.size, repeated }).toEqual({ received: rows.length, repeated: [] });
      expect([...receiver.deliveries.keys()].sort()).toEqual(rows.map((row) => row.id).sort());
    });
  });

  describe('login throttling', () => {
    // Last of the scenarios that log in: the failures also count against the test's one client address.
    it('counts every failed login of twenty racing on both instances and locks the account on both (20 requests)', async () => {
      const username = UNITS.vanPhongUbndTinh.submitter;
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).http().post('/api/auth/login').send({ username, password: `SaiMatKhau@${2000 + i}` })),
      );
      // Failures 1–4 are answered 401; the fifth locks the account, and it and every later one answer 429.
      expect({ unauthorized: count(attempts, 401), locked: count(attempts, 429) }).toEqual({ unauthorized: 4, locked: 16 });
      for (const attempt of attempts) expectErrorShape(attempt, attempt.status);
      const row = await local.dataSource.getRepository(LoginFailureEntity).findOneByOrFail({ scope: 'username', subject: username });
      // Counted: at least the five that locked it (an attempt arriving after the lock is refused before it is counted).
      expect(row.failures).toBeGreaterThanOrEqual(5);
      expect(row.failures).toBeLessThanOrEqual(20);
      expect(row.lockedUntil).not.toBeNull();
      for (const t of [a, b]) expectErrorShape(await t.http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD }), 429);
    });
  });

  describe('afterwards', () => {
  it('leaves every log whole and every snapshot equal to the replay of its log (npm run verify)', async () => {
    const verify = await promisify(execFile)(process.execPath, [join(BUILD_DIR, 'src', 'cli', 'verify.js')], { env: { ...process.env, ...env } }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect({ code: 'code' in verify ? verify.code : 0, stderr: verify.stderr, problems: verify.stdout.split('\n').filter((line) => line.startsWith('- ')) }).toEqual({
      code: 0,
      stderr: '',
      problems: [],
    });
    expect(verify.stdout).toContain('không có vấn đề nào');
    // No request answered 500 and no background job failed in either instance.
    expect(readFileSync(logFile, 'utf8').split('\n').filter((line) => /\bERROR\b/.test(line))).toEqual([]);
    const nominations = await local.dataSource.getRepository(NominationEntity).count();
    expect(nominations).toBeGreaterThanOrEqual(40);
    passed = true;
  });
  });
});
