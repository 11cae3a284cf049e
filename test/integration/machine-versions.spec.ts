import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowCatalog } from '../../src/catalog/workflow-catalog.service';
import { verifyIntegrity } from '../../src/integrity/integrity-verifier';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { loadRuleSets, RuleSetRegistry } from '../../workflows';
import { COMMUNE, NOMINEES, UNITS } from '../e2e/support/binh-lu-fixtures';
import { expectErrorShape, nominationDriver } from '../e2e/support/nomination-driver';
import { dedicatedDatabase } from '../support/dedicated-database';
import { startTestApp, type TestApp } from '../support/test-app';

const FORM = 'giay-khen-chu-tich-xa';

/** The catalog after a change to the Giấy khen: the commune decides it as a standing body, without a council vote. */
function catalogWithoutCommuneCouncil(): RuleSetRegistry {
  const ruleSets = structuredClone(loadRuleSets().ruleSets);
  for (const ruleSet of ruleSets) {
    for (const form of ruleSet.forms.filter((candidate) => candidate.code === FORM)) {
      form.levels.commune = { ...form.levels.commune!, council: { kind: 'standing-body' } as never };
    }
  }
  return new RuleSetRegistry(ruleSets);
}

/**
 * A form's machine changes (its rule set file is edited, the service restarts) while nominations are in flight: each
 * keeps the machine it was saved with, rebuilt from the definition kept for its version; a draft moves to today's
 * machine when it is submitted; a version whose definition is lost is refused and reported, never guessed.
 */
describe('machine versions: nominations in flight keep their machine', () => {
  const documentsDir = join(tmpdir(), `tdkt-documents-${randomUUID()}`);
  let database: { url: string; dispose: () => void };
  let t: TestApp;
  const start = (registry?: RuleSetRegistry) => startTestApp({ databaseUrl: database.url, env: { DOCUMENTS_DIR: documentsDir }, registry });
  const stored = (id: string) => t.dataSource.getRepository(NominationEntity).findOneByOrFail({ id });
  const verify = () => verifyIntegrity({ dataSource: t.dataSource, catalog: t.app.get(WorkflowCatalog), documentsDir });

  let inFlight: string;
  let drafted: string;
  let firstVersion: string;

  beforeAll(async () => {
    database = await dedicatedDatabase('machine_versions');
    t = await start();
    const d = nominationDriver(t);
    inFlight = (await d.nominationAt(UNITS.truongTieuHoc.submitter, FORM, NOMINEES.loThiHuong, 'commune.appraisal')).id;
    drafted = (await d.draft(UNITS.trungTamDichVu.submitter, FORM, NOMINEES.sungAPao)).id;
    firstVersion = (await stored(inFlight)).machineVersion;
    await t.close();
    t = await start(catalogWithoutCommuneCouncil());
  }, 60_000);
  afterAll(async () => {
    await t.close();
    database.dispose();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  it('goes on with a nomination on the machine it started with after the form changed', async () => {
    const today = t.app.get(WorkflowCatalog).workflow((await stored(inFlight)).ruleSetId, FORM).version;
    expect(today).not.toBe(firstVersion);
    const d = nominationDriver(t);
    const before = await d.view(COMMUNE.appraiser, inFlight);
    expect(before).toMatchObject({ state: 'commune.appraisal', machineVersion: firstVersion });
    const passed = await d.step(COMMUNE.appraiser, inFlight, { type: 'APPRAISAL_PASSED', note: 'Hồ sơ đầy đủ, đạt tiêu chuẩn' });
    // The old machine still has the council vote.
    expect(passed).toMatchObject({ state: 'commune.councilReview', machineVersion: firstVersion });
  });

  it('starts a new nomination, and submits a kept draft, on today’s machine', async () => {
    const d = nominationDriver(t);
    const fresh = await d.nominationAt(UNITS.banBinhLu.submitter, FORM, NOMINEES.luongThiNga, 'commune.appraisal');
    const today = fresh.machineVersion;
    expect(today).not.toBe(firstVersion);
    expect(await d.step(COMMUNE.appraiser, fresh.id, { type: 'APPRAISAL_PASSED', note: 'Hồ sơ đầy đủ, đạt tiêu chuẩn' })).toMatchObject({
      state: 'commune.awaitingSignature',
    });
    expect((await stored(drafted)).machineVersion).toBe(firstVersion);
    const submitted = await d.step(UNITS.trungTamDichVu.submitter, drafted, { type: 'SUBMIT' });
    expect(submitted).toMatchObject({ state: 'commune.received', machineVersion: today });
  });

  it('replays every nomination through its own machine version: verify finds nothing', async () => {
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.nominations).toBe(3);
  });

  it('refuses, and verify reports, a nomination whose machine version is not kept, changing nothing', async () => {
    const [query, parameters] = t.dataSource.driver.escapeQueryWithParameters('DELETE FROM machine_definitions WHERE version = :version', { version: firstVersion }, {});
    await t.dataSource.query(query, parameters);
    await t.close();
    t = await start(catalogWithoutCommuneCouncil());
    const before = await stored(inFlight);
    const d = nominationDriver(t);
    const read = expectErrorShape(await d.get(COMMUNE.secretary, inFlight), 409);
    expect(read).toMatchObject({ code: 'SNAPSHOT_INCOMPATIBLE', details: { machineVersion: firstVersion } });
    const send = await d.send(COMMUNE.secretary, inFlight, { type: 'COUNCIL_APPROVED', counts: { members: 9, present: 9, yes: 9, no: 0, abstain: 0 } });
    expect(expectErrorShape(send, 409).code).toBe('SNAPSHOT_INCOMPATIBLE');
    expect(await stored(inFlight)).toEqual(before);
    const { problems } = await verify();
    expect(problems).toEqual([expect.objectContaining({ nominationId: inFlight, seq: before.version - 1, check: 'machine', kind: 'machine-version-unknown' })]);
  });
});
