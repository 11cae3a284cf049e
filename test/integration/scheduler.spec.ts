import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { NotificationEntity } from '../../src/notifications/notification.entity';
import { ReminderSentEntity } from '../../src/notifications/reminder-sent.entity';
import { Scheduler, type JobRun } from '../../src/scheduler';
import { ScheduledJobEntity } from '../../src/scheduler/scheduled-job.entity';
import { WebhookOutboxEntity } from '../../src/webhooks/webhook-outbox.entity';
import { dedicatedDatabase } from '../support/dedicated-database';
import { provideDocumentsFor } from '../support/dossier-uploads';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The background jobs on a real database, through several app instances sharing it: overdue reminders are sent once
 * per step deadline whatever the runs, restarts and instances; the webhook outbox is delivered signed, retried with
 * back-off, exactly once across a restart, and given up after its attempts.
 */

const SCHOOL = 'truong.binhlu';
const APPRAISER = 'vhxh.binhlu';
const LO_THI_HUONG = { kind: 'individual', fullName: 'Lò Thị Hương', position: 'Giáo viên', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' };

const vietnamToday = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};
const dmy = (isoDate: string) => isoDate.split('-').reverse().join('/');

async function submitted(t: TestApp, fullName: string, formCode = 'giay-khen-chu-tich-xa'): Promise<string> {
  const token = `Bearer ${await t.tokenOf(SCHOOL)}`;
  const created = await t.http().post('/api/nominations').set('Authorization', token).send({ formCode, criterion: 'thanh-tich-phong-trao', nominee: { ...LO_THI_HUONG, fullName } });
  expect(created.status).toBe(201);
  await provideDocumentsFor(t, token, created.body.id, 'SUBMIT'); // Tờ trình and báo cáo thành tích: versions 2 and 3
  const submit = await t.http().post(`/api/nominations/${created.body.id}/events`).set('Authorization', token).send({ type: 'SUBMIT' });
  expect(submit.status).toBe(200);
  return created.body.id;
}

const run = (t: TestApp, job: string): Promise<JobRun> => t.app.get(Scheduler).runNow(job);
const counts = (outcome: JobRun) => (outcome.claimed ? outcome.result : null);

describe('overdue reminders', () => {
  let database: { url: string; dispose: () => void };
  const apps: TestApp[] = [];
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    const t = await startTestApp({ databaseUrl: database.url, env });
    apps.push(t);
    return t;
  };
  const close = async (t: TestApp) => {
    apps.splice(apps.indexOf(t), 1);
    await t.close();
  };

  beforeAll(async () => {
    database = await dedicatedDatabase('scheduler');
  });
  afterAll(async () => {
    for (const t of [...apps]) await close(t);
    database.dispose();
  });

  const overdueNotifications = (t: TestApp, nominationId: string) =>
    t.dataSource.getRepository(NotificationEntity).find({ where: { nominationId, kind: 'overdue' } });

  it('reminds the acting users once, whatever the runs and restarts', async () => {
    let t = await start();
    const late = await submitted(t, 'Lò Thị Hương');
    const onTime = await submitted(t, 'Lường Thị Nga');
    const finished = await submitted(t, 'Sùng A Páo');
    const pastDue = addDays(vietnamToday(), -2);
    const nominations = t.dataSource.getRepository(NominationEntity);
    await nominations.update({ id: late }, { dueDate: pastDue });
    await nominations.update({ id: onTime }, { dueDate: vietnamToday() });
    // A final state's stale due date binds nobody.
    await nominations.update({ id: finished }, { dueDate: pastDue, state: 'withdrawn' });

    expect(counts(await run(t, 'overdue-reminders'))).toEqual({ reminded: 1, notified: 1 });
    expect(counts(await run(t, 'overdue-reminders'))).toEqual({ reminded: 0, notified: 0 });

    const sent = await overdueNotifications(t, late);
    expect(sent).toHaveLength(1);
    const appraiserToken = `Bearer ${await t.tokenOf(APPRAISER)}`;
    const inbox = await t.http().get('/api/notifications').query({ unread: 'true' }).set('Authorization', appraiserToken);
    expect(inbox.body.items[0]).toMatchObject({
      id: sent[0].id,
      kind: 'overdue',
      eventType: 'OVERDUE',
      nominationId: late,
      state: 'commune.received',
      message: `Hồ sơ đề nghị Giấy khen của Chủ tịch UBND xã cho Lò Thị Hương đã quá hạn xử lý (hạn ${dmy(pastDue)}) và đang chờ thẩm định`,
    });
    expect(await overdueNotifications(t, onTime)).toHaveLength(0);
    expect(await overdueNotifications(t, finished)).toHaveLength(0);
    expect(await t.dataSource.getRepository(ReminderSentEntity).findBy({ nominationId: late })).toEqual([
      expect.objectContaining({ state: 'commune.received', dueDate: pastDue }),
    ]);

    // A restart on the same database: the reminder is remembered.
    await close(t);
    t = await start();
    expect(counts(await run(t, 'overdue-reminders'))).toEqual({ reminded: 0, notified: 0 });
    expect(await overdueNotifications(t, late)).toHaveLength(1);

    // A new deadline missed is a new reminder, once.
    const laterPastDue = addDays(vietnamToday(), -1);
    await t.dataSource.getRepository(NominationEntity).update({ id: late }, { dueDate: laterPastDue });
    expect(counts(await run(t, 'overdue-reminders'))).toEqual({ reminded: 1, notified: 1 });
    expect(counts(await run(t, 'overdue-reminders'))).toEqual({ reminded: 0, notified: 0 });
    const messages = (await overdueNotifications(t, late)).map((n) => n.message);
    expect(messages).toHaveLength(2);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(`(hạn ${dmy(pastDue)})`), expect.stringContaining(`(hạn ${dmy(laterPastDue)})`)]));
    await close(t);
  });

  it('sends one reminder when two instances run the job at the same moment', async () => {
    const first = await start();
    const second = await start();
    const late = await submitted(first, 'Đèo Văn Piêng');
    await first.dataSource.getRepository(NominationEntity).update({ id: late }, { dueDate: addDays(vietnamToday(), -5) });

    const outcomes = await Promise.all([run(first, 'overdue-reminders'), run(second, 'overdue-reminders'), run(first, 'overdue-reminders'), run(second, 'overdue-reminders')]);
    const reminded = outcomes.reduce((sum, outcome) => sum + (outcome.claimed ? outcome.result.reminded : 0), 0);
    expect(reminded).toBe(1);
    expect(outcomes.some((outcome) => outcome.claimed)).toBe(true);
    expect(await overdueNotifications(second, late)).toHaveLength(1);
    await close(first);
    await close(second);
  });

  it("leaves a job alone while another instance's lease runs, and takes it over once the lease has expired", async () => {
    const t = await start();
    const late = await submitted(t, 'Tòng Thị Xuân');
    await t.dataSource.getRepository(NominationEntity).update({ id: late }, { dueDate: addDays(vietnamToday(), -1) });
    const jobs = t.dataSource.getRepository(ScheduledJobEntity);
    const inTenMinutes = new Date(Date.now() + 600_000).toISOString();
    await jobs.update({ name: 'overdue-reminders' }, { lockedUntil: inTenMinutes, lockedBy: 'another-host:4242:abcd' });

    expect(await run(t, 'overdue-reminders')).toEqual({ job: 'overdue-reminders', claimed: false });
    expect(await overdueNotifications(t, late)).toHaveLength(0);
    expect(await jobs.findOneByOrFail({ name: 'overdue-reminders' })).toMatchObject({ lockedUntil: inTenMinutes, lockedBy: 'another-host:4242:abcd' });

    await jobs.update({ name: 'overdue-reminders' }, { lockedUntil: new Date(Date.now() - 1000).toISOString() });
    expect(counts(await run(t, 'overdue-reminders'))).toEqual({ reminded: 1, notified: 1 });
    const released = await jobs.findOneByOrFail({ name: 'overdue-reminders' });
    expect(released).toMatchObject({ lockedUntil: null, lockedBy: null, lastError: null });
    expect(released.lastFinishedAt! >= released.lastRunAt!).toBe(true);
    await close(t);
  });

  it('ticks on its own when the scheduler is enabled, and stops with the application', async () => {
    const t = await start({ SCHEDULER_ENABLED: 'true', REMINDER_INTERVAL_SECONDS: '1' });
    const late = await submitted(t, 'Lò Văn Pọm');
    await t.dataSource.getRepository(NominationEntity).update({ id: late }, { dueDate: addDays(vietnamToday(), -3) });
    const deadline = Date.now() + 10_000;
    while ((await overdueNotifications(t, late)).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await overdueNotifications(t, late)).toHaveLength(1);
    await close(t);

    // Stopped: a later instance without the scheduler sees nothing more happen on its own.
    const after = await start();
    const another = await submitted(after, 'Lò Thị Mai');
    await after.dataSource.getRepository(NominationEntity).update({ id: another }, { dueDate: addDays(vietnamToday(), -3) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await overdueNotifications(after, another)).toHaveLength(0);
    await close(after);
  });
});

/** A webhook receiver on 127.0.0.1: answers each call with the next status of `script` (then the last one). */
class Receiver {
  readonly calls: Array<{ path: string; headers: IncomingHttpHeaders; body: string }> = [];
  script: number[] = [200];
  private server: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.calls.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.script[Math.min(this.calls.length - 1, this.script.length - 1)];
        if (status === 302) response.setHeader('Location', '/elsewhere');
        response.statusCode = status;
        response.end(status < 300 ? 'đã nhận' : 'lỗi');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/tdkt`;
  }

  reset(script: number[]) {
    this.calls.length = 0;
    this.script = script;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('webhook outbox', () => {
  const SECRET = 'bí-mật-webhook-của-tỉnh-Lai-Châu';
  const receiver = new Receiver();
  let url: string;
  let database: { url: string; dispose: () => void };
  let t: TestApp | null = null;
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    t = await startTestApp({ databaseUrl: database.url, env: { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, WEBHOOK_BACKOFF_SECONDS: '60', ...env } });
    return t;
  };
  const stop = async () => {
    await t?.close();
    t = null;
  };
  const outbox = (app: TestApp) => app.dataSource.getRepository(WebhookOutboxEntity);

  beforeAll(async () => {
    url = await receiver.start();
    database = await dedicatedDatabase('webhooks');
  });
  afterAll(async () => {
    await stop();
    await receiver.stop();
    database.dispose();
  });

  it('delivers a step signed, retries after a failure with back-off, and exactly once across a restart', async () => {
    receiver.reset([500, 200]);
    let app = await start();
    const id = await submitted(app, 'Lò Thị Hương');
    const [row] = await outbox(app).findBy({ nominationId: id });
    expect(row).toMatchObject({ eventType: 'nomination.step', status: 'pending', attempts: 0, version: 4 });

    // First attempt: the receiver fails.
    const beforeAttempt = Date.now();
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(receiver.calls).toHaveLength(1);
    const [first] = receiver.calls;
    expect(first.path).toBe('/hooks/tdkt');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['x-event-id']).toBe(row.id);
    expect(first.headers['x-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(first.body).digest('hex')}`);
    expect(JSON.parse(first.body)).toEqual({
      id: row.id,
      type: 'nomination.step',
      event: 'SUBMIT',
      nominationId: id,
      formCode: 'giay-khen-chu-tich-xa',
      fromState: 'draft',
      toState: 'commune.received',
      version: 4,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      actor: SCHOOL,
    });
    const retrying = await outbox(app).findOneByOrFail({ id: row.id });
    expect(retrying).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', deliveredAt: null });
    expect(Date.parse(retrying.nextAttemptAt) - beforeAttempt).toBeGreaterThanOrEqual(60_000);

    // Not due yet: nothing is sent before the back-off ends.
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.calls).toHaveLength(1);

    // Restart on the same database; the back-off has run out.
    await stop();
    app = await start();
    await outbox(app).update({ id: row.id }, { nextAttemptAt: new Date(Date.now() - 1000).toISOString() });
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.calls).toHaveLength(2);
    expect(receiver.calls[1].headers['x-event-id']).toBe(row.id);
    expect(receiver.calls[1].body).toBe(first.body);
    expect(receiver.calls[1].headers['x-signature']).toBe(first.headers['x-signature']);
    expect(await outbox(app).findOneByOrFail({ id: row.id })).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });

    // Delivered means delivered: neither another run nor another restart sends it again.
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    await stop();
    app = await start();
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.calls).toHaveLength(2);
    await stop();
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS, marking the row failed', async () => {
    receiver.reset([503]);
    const app = await start({ WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_BACKOFF_SECONDS: '0' });
    const id = await submitted(app, 'Lường Thị Nga');
    const [row] = await outbox(app).findBy({ nominationId: id });
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(await outbox(app).findOneByOrFail({ id: row.id })).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 503' });
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.calls).toHaveLength(3);
    await stop();
  });

  it('sends only to the configured address: a redirect is a failed attempt, not followed', async () => {
    receiver.reset([302]);
    const app = await start();
    const id = await submitted(app, 'Sùng A Páo');
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(receiver.calls.map((call) => call.path)).toEqual(['/hooks/tdkt']);
    expect(await outbox(app).findOneByOrFail({ nominationId: id })).toMatchObject({ status: 'pending', lastError: 'HTTP 302' });
    await stop();
  });

  it('writes no outbox rows when no webhook is configured, and refuses a URL without a secret', async () => {
    const app = await startTestApp({ databaseUrl: database.url, env: { WEBHOOK_URL: '', WEBHOOK_SECRET: '' } });
    const before = await outbox(app).count();
    await submitted(app, 'Nguyễn Văn Hải');
    expect(await outbox(app).count()).toBe(before);
    expect(counts(await run(app, 'webhook-dispatch'))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    await app.close();
    await expect(startTestApp({ databaseUrl: database.url, env: { WEBHOOK_URL: url, WEBHOOK_SECRET: '' } })).rejects.toThrow(/WEBHOOK_SECRET/);
  });
});
