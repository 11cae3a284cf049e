import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { WorkflowCatalog } from '../../src/catalog/workflow-catalog.service';
import { DossierDocumentEntity } from '../../src/dossiers/dossier-document.entity';
import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { checkReplay, replayLog, type PersistedNominationSnapshot } from '../../workflows';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';

describe('persistence of the demo nominations on a real database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ withDemoNominations: true });
  }, 30_000); // the demo seed: registry, documents and every nomination's steps
  afterAll(() => t.close());

  it('keeps every demo nomination and its event log', async () => {
    const rows = await t.dataSource.getRepository(NominationEntity).find();
    expect(rows).toHaveLength(DEMO.nominations.length);
    const events = await t.dataSource.getRepository(NominationEventEntity).count();
    const steps = DEMO.nominations.reduce((sum, n) => sum + n.steps.filter((step) => 'event' in step).length, 0);
    const uploads = await t.dataSource.getRepository(DossierDocumentEntity).count();
    expect(uploads).toBeGreaterThanOrEqual(DEMO.nominations.reduce((sum, n) => sum + n.steps.filter((step) => 'upload' in step).length, 0));
    expect(events).toBe(steps + uploads + DEMO.nominations.length); // one CREATED row each, one row per document uploaded
  });

  it('keeps each demo document as a file under DOCUMENTS_DIR whose SHA-256 is the recorded one', async () => {
    const documents = await t.dataSource.getRepository(DossierDocumentEntity).find();
    expect(documents.length).toBeGreaterThan(DEMO.nominations.length);
    for (const document of documents) {
      const content = readFileSync(join(t.documentsDir, document.storageKey));
      expect(content.length).toBe(document.sizeBytes);
      expect(createHash('sha256').update(content).digest('hex')).toBe(document.sha256);
    }
  });

  it('rebuilds every stored snapshot exactly by replaying its event log', async () => {
    const catalog = t.app.get(WorkflowCatalog);
    const rows = await t.dataSource.getRepository(NominationEntity).find();
    for (const row of rows) {
      const log = await t.dataSource
        .getRepository(NominationEventEntity)
        .find({ where: { nominationId: row.id }, order: { seq: 'ASC' } });
      const workflow = catalog.workflow(row.ruleSetId, row.formCode);
      expect(checkReplay(workflow, row, log)).toEqual([]);
      const replayed = replayLog(workflow, row, log);
      expect(workflow.persist(replayed)).toEqual(row.snapshot as unknown as PersistedNominationSnapshot);
      expect(workflow.statePath(replayed)).toBe(row.state);
      expect(log.at(-1)!.toState).toBe(row.state);
      expect(row.version).toBe(log.length);
    }
  });

  it('answers 409, not 500, for a snapshot naming a state its machine lacks, and changes nothing (never reset)', async () => {
    const row = (await t.dataSource.getRepository(NominationEntity).findOneByOrFail({ state: 'commune.councilReview' }))!;
    const broken = { ...row.snapshot, value: { commune: 'noSuchStep' } };
    await t.dataSource.getRepository(NominationEntity).update({ id: row.id }, { snapshot: broken as never });
    const token = await t.tokenOf('thuky.binhlu');
    const read = await t.http().get(`/api/nominations/${row.id}`).set('Authorization', `Bearer ${token}`).expect(409);
    expect(read.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'SNAPSHOT_UNKNOWN_STATE', details: { state: 'commune.noSuchStep' } });
    expect(read.body.message).toContain('không có trong quy trình');
    const send = await t
      .http()
      .post(`/api/nominations/${row.id}/events`)
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 9, no: 0, abstain: 0 } })
      .expect(409);
    expect(send.body.code).toBe('SNAPSHOT_UNKNOWN_STATE');
    const after = await t.dataSource.getRepository(NominationEntity).findOneByOrFail({ id: row.id });
    expect(after.version).toBe(row.version);
    expect(after.snapshot).toEqual(broken);
  });

  it('refuses a snapshot saved by a machine version that is neither today’s nor kept', async () => {
    const row = await t.dataSource.getRepository(NominationEntity).findOneByOrFail({ state: 'commune.received' });
    await t.dataSource.getRepository(NominationEntity).update({ id: row.id }, { machineVersion: '0.000000000000' });
    const token = await t.tokenOf('vhxh.binhlu');
    const response = await t.http().get(`/api/nominations/${row.id}`).set('Authorization', `Bearer ${token}`).expect(409);
    expect(response.body.code).toBe('SNAPSHOT_INCOMPATIBLE');
  });
});

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 30_000);
  afterAll(() => t.close());

  it('revert to an empty schema and apply again on this database', async () => {
    const dataSource: DataSource = t.dataSource;
    while ((await dataSource.query('SELECT COUNT(*) AS n FROM migrations').then((rows: Array<{ n: string | number }>) => Number(rows[0].n))) > 0) {
      await dataSource.undoLastMigration();
    }
    const tables = async () => (await dataSource.createQueryRunner().getTables(['organizations', 'nominations'])).length;
    expect(await tables()).toBe(0);
    await dataSource.runMigrations();
    expect(await tables()).toBe(2);
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
