import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowCatalog } from '../../src/catalog/workflow-catalog.service';
import { AuditChain1763900011000 } from '../../src/database/migrations/1763900011000-audit-chain';
import { DossierDocumentEntity } from '../../src/dossiers/dossier-document.entity';
import { verifyIntegrity, type IntegrityProblem } from '../../src/integrity/integrity-verifier';
import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { startTestApp, type TestApp } from '../support/test-app';

/** `npm run verify` as a function, on the demo data: clean at first, then each kind of tampering found where it was done. */
describe('verify: replay, audit chain and documents', () => {
  let t: TestApp;
  const verify = () => verifyIntegrity({ dataSource: t.dataSource, catalog: t.app.get(WorkflowCatalog), documentsDir: t.documentsDir });
  /** Plain SQL with named parameters on either database, as an intruder with database access would write it. */
  const sql = (text: string, values: Record<string, unknown>) => {
    const [query, parameters] = t.dataSource.driver.escapeQueryWithParameters(text, values, {});
    return t.dataSource.query(query, parameters);
  };
  const located = (problems: IntegrityProblem[]) => problems.map(({ nominationId, seq, check, kind }) => ({ nominationId, seq, check, kind }));

  beforeAll(async () => {
    t = await startTestApp({ withDemoNominations: true });
  }, 60_000);
  afterAll(() => t.close());

  it('runs on the driver DATABASE_URL names', () => {
    const url = process.env.DATABASE_URL ?? '';
    const expected = url.startsWith('postgres') ? 'postgres' : url.startsWith('better-sqlite3:') ? 'better-sqlite3' : 'sqlite';
    expect(t.dataSource.options.type).toBe(expected);
  });

  it('finds no problem in the demo data, every log row chained to the one before it', async () => {
    const report = await verify();
    expect(report.problems).toEqual([]);
    const nominations = await t.dataSource.getRepository(NominationEntity).count();
    expect(report).toMatchObject({ nominations, events: await t.dataSource.getRepository(NominationEventEntity).count() });
    expect(report.documents).toBeGreaterThan(nominations);
    const first = await t.dataSource.getRepository(NominationEventEntity).find({ where: { seq: 0 } });
    expect(first.every((row) => row.prevHash === null && /^[0-9a-f]{64}$/.test(row.hash ?? ''))).toBe(true);
    const second = await t.dataSource.getRepository(NominationEventEntity).findOneByOrFail({ nominationId: first[0].nominationId, seq: 1 });
    expect(second.prevHash).toBe(first.find((row) => row.nominationId === first[0].nominationId)!.hash);
  });

  it('links rows written before the chain existed exactly as the service links new ones (the migration)', async () => {
    const before = await t.dataSource.getRepository(NominationEventEntity).find({ order: { nominationId: 'ASC', seq: 'ASC' } });
    await t.dataSource.query('UPDATE nomination_events SET prev_hash = NULL, hash = NULL');
    expect((await verify()).problems.filter((problem) => problem.kind === 'hash-missing')).toHaveLength(before.length);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new AuditChain1763900011000().linkExistingRows(runner);
    } finally {
      await runner.release();
    }
    const after = await t.dataSource.getRepository(NominationEventEntity).find({ order: { nominationId: 'ASC', seq: 'ASC' } });
    expect(after.map((row) => [row.prevHash, row.hash])).toEqual(before.map((row) => [row.prevHash, row.hash]));
    expect((await verify()).problems).toEqual([]);
  });

  it('detects and locates an edited payload, a deleted row, a changed document file and an altered snapshot', async () => {
    const rows = await t.dataSource.getRepository(NominationEntity).find({ order: { id: 'ASC' } });
    const documents = await t.dataSource.getRepository(DossierDocumentEntity).find();
    const long = rows.filter((row) => row.version >= 4);
    expect(long.length).toBeGreaterThanOrEqual(4);
    const [edited, cut, altered, shortened] = long;
    const tampered = [edited.id, cut.id, altered.id, shortened.id];
    const document = documents.find((d) => !tampered.includes(d.nominationId))!;

    // 1. An event's payload edited in place: that row's own hash no longer matches.
    const target = await t.dataSource.getRepository(NominationEventEntity).findOneByOrFail({ nominationId: edited.id, seq: 2 });
    await sql('UPDATE nomination_events SET payload = :payload WHERE nomination_id = :id AND seq = 2', {
      payload: JSON.stringify({ ...target.payload, at: '2026-01-01T00:00:00.000Z' }),
      id: edited.id,
    });
    // 2. A row deleted from the middle of a log: the next row's link and the sequence break there.
    await sql('DELETE FROM nomination_events WHERE nomination_id = :id AND seq = 1', { id: cut.id });
    // …and the last row of another: the log ends before the nomination's version.
    await sql('DELETE FROM nomination_events WHERE nomination_id = :id AND seq = :seq', { id: shortened.id, seq: shortened.version - 1 });
    // 3. A document's bytes changed on disk (same size).
    const file = join(t.documentsDir, document.storageKey);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(file, bytes);
    // 4. A stored snapshot altered: its context no longer what the log leads to.
    const snapshot = { ...altered.snapshot, context: { ...(altered.snapshot.context as object), submittedAt: '2020-01-01T00:00:00.000Z' } };
    await sql('UPDATE nominations SET snapshot = :snapshot WHERE id = :id', { snapshot: JSON.stringify(snapshot), id: altered.id });

    const { problems } = await verify();
    const where = located(problems);
    expect(where).toContainEqual({ nominationId: edited.id, seq: 2, check: 'chain', kind: 'hash-mismatch' });
    expect(where).toContainEqual({ nominationId: cut.id, seq: 2, check: 'chain', kind: 'prev-hash-mismatch' });
    expect(where).toContainEqual({ nominationId: cut.id, seq: 2, check: 'chain', kind: 'seq-gap' });
    expect(where).toContainEqual({ nominationId: shortened.id, seq: shortened.version - 1, check: 'chain', kind: 'log-length' });
    expect(where).toContainEqual({ nominationId: document.nominationId, seq: document.nominationVersion - 1, check: 'document', kind: 'document-hash' });
    expect(where).toContainEqual({ nominationId: altered.id, seq: altered.version - 1, check: 'replay', kind: 'snapshot-mismatch' });
    // Nothing is reported about the nominations left alone.
    expect(new Set(problems.map((p) => p.nominationId))).toEqual(new Set([...tampered, document.nominationId]));
    expect(problems.find((p) => p.check === 'document')!.message).toContain(document.code);

    // A missing file and a snapshot naming a state the machine lacks are reported, never repaired.
    writeFileSync(file, bytes.subarray(0, 10));
    const unknown = { ...snapshot, value: { commune: 'buocDaBo' } };
    await sql('UPDATE nominations SET snapshot = :snapshot WHERE id = :id', { snapshot: JSON.stringify(unknown), id: altered.id });
    const again = located((await verify()).problems);
    expect(again).toContainEqual({ nominationId: document.nominationId, seq: document.nominationVersion - 1, check: 'document', kind: 'document-size' });
    expect(again).toContainEqual({ nominationId: altered.id, seq: altered.version - 1, check: 'replay', kind: 'unknown-state' });
    expect((await t.dataSource.getRepository(NominationEntity).findOneByOrFail({ id: altered.id })).snapshot).toEqual(unknown);
  });
});
