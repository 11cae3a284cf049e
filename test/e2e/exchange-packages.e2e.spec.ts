import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Response } from 'supertest';
import { DossierDocumentEntity } from '../../src/dossiers/dossier-document.entity';
import { UserEntity } from '../../src/identity/user.entity';
import { ExchangePackageEntity } from '../../src/exchange/exchange-package.entity';
import { IncomingDossierEntity } from '../../src/exchange/incoming-dossier.entity';
import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { dedicatedDatabase } from '../support/dedicated-database';
import { DOSSIER_FILES } from '../support/dossier-files';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { NOMINEES, PROVINCE, UNITS, COMMUNE } from './support/binh-lu-fixtures';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver } from './support/nomination-driver';

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const text = (content: Uint8Array) => new TextDecoder().decode(content);

/** The central deployment's people: Bộ Nội vụ and its Ban Thi đua – Khen thưởng Trung ương. */
const CENTRAL = {
  organization: { name: 'Bộ Nội vụ', kind: 'central', appraisalOfficeName: 'Ban Thi đua – Khen thưởng Trung ương' },
  appraiser: { username: 'btdkt.trunguong', fullName: 'Phạm Thị Thu Hà', roles: ['appraiser'] },
  signer: { username: 'lanhdao.chinhphu', fullName: 'Trần Quốc Bảo', roles: ['signer'] },
};

/** A body as bytes whatever its type (an error's as JSON). */
function binary(request: ReturnType<ReturnType<TestApp['http']>['get']>): Promise<Response> {
  return request.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      const body = Buffer.concat(chunks);
      callback(null, /json/.test(String(response.headers['content-type'])) ? JSON.parse(body.toString('utf8')) : body);
    });
  });
}

function rezip(zip: Buffer, change: (files: Record<string, Uint8Array>) => void): Buffer {
  const files = unzipSync(new Uint8Array(zip));
  change(files);
  return Buffer.from(zipSync(files));
}

function editManifest(files: Record<string, Uint8Array>, edit: (manifest: Record<string, any>) => void, { rehash = false } = {}) {
  const manifest = JSON.parse(text(files['manifest.json']));
  edit(manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  if (rehash) files['manifest.sha256'] = strToU8(`${sha256(files['manifest.json'])}  manifest.json\n`);
}

/** Rows and files a refused request must leave as they were. */
async function footprint(t: TestApp) {
  const count = (entity: Parameters<TestApp['dataSource']['getRepository']>[0]) => t.dataSource.getRepository(entity).count();
  const files = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.name !== '.tmp')
      .reduce((total, entry) => total + (entry.isDirectory() ? files(join(dir, entry.name)) : 1), 0);
  return {
    nominations: await count(NominationEntity),
    events: await count(NominationEventEntity),
    documents: await count(DossierDocumentEntity),
    packages: await count(ExchangePackageEntity),
    incoming: await count(IncomingDossierEntity),
    files: files(t.documentsDir),
  };
}

describe('export packages between a province deployment and the central one', () => {
  let province: TestApp;
  let central: TestApp;
  let d: NominationDriver;
  const disposals: Array<() => void> = [];
  const bearer = async (t: TestApp, username: string) => `Bearer ${await t.tokenOf(username)}`;

  const importDossier = async (as: string, zip: Buffer, fileName = 'goi-ho-so.zip') =>
    central.http().post('/api/incoming-dossiers').set('Authorization', await bearer(central, as)).attach('file', zip, { filename: fileName, contentType: 'application/zip' });
  const importDecision = async (as: string, zip: Buffer) =>
    province.http().post('/api/exchange/decisions').set('Authorization', await bearer(province, as)).attach('file', zip, { filename: 'goi-quyet-dinh.zip', contentType: 'application/zip' });

  beforeAll(async () => {
    const worker = process.env.JEST_WORKER_ID ?? '1';
    const provinceDatabase = await dedicatedDatabase(`exchange_province_${worker}`);
    const centralDatabase = await dedicatedDatabase(`exchange_central_${worker}`);
    disposals.push(provinceDatabase.dispose, centralDatabase.dispose);
    province = await startTestApp({
      databaseUrl: provinceDatabase.url,
      env: { DEPLOYMENT_ID: 'lai-chau', DEPLOYMENT_NAME: 'Hệ thống thi đua, khen thưởng tỉnh Lai Châu' },
    });
    central = await startTestApp({
      databaseUrl: centralDatabase.url,
      env: { EXTERNAL_LEVELS: '', DEPLOYMENT_ID: 'trung-uong', DEPLOYMENT_NAME: 'Hệ thống thi đua, khen thưởng Trung ương' },
    });
    d = nominationDriver(province);
    const admin = await bearer(central, 'admin');
    const organization = await central.http().post('/api/organizations').set('Authorization', admin).send(CENTRAL.organization);
    expectStatus(organization, 201);
    for (const user of [CENTRAL.appraiser, CENTRAL.signer]) {
      expectStatus(await central.http().post('/api/users').set('Authorization', admin).send({ ...user, password: DEMO_PASSWORD, organizationId: organization.body.id }), 201);
    }
  }, 120_000);

  afterAll(async () => {
    await province?.close();
    await central?.close();
    for (const dispose of disposals) dispose();
  });

  it('sends a Bằng khen của Thủ tướng to the central level, brings the decision back, and refuses every altered package', async () => {
    const waiting = await d.nominationAt(UNITS.congTyChe.submitter, 'bang-khen-thu-tuong', NOMINEES.nguyenVanHai, 'central.awaitingExternalDecision');
    expect(waiting.state).toBe('central.awaitingExternalDecision');

    // Only the office that forwarded it (its appraiser or signer) packs it; the commune's office does not.
    expectErrorShape(await binary(province.http().get(`/api/nominations/${waiting.id}/export-package`)), 401);
    expectErrorShape(await binary(province.http().get(`/api/nominations/${waiting.id}/export-package`).set('Authorization', await bearer(province, COMMUNE.appraiser))), 403);

    const exported = await binary(province.http().get(`/api/nominations/${waiting.id}/export-package`).set('Authorization', await bearer(province, PROVINCE.appraiser)));
    expectStatus(exported, 200);
    expect(exported.headers['content-type']).toMatch(/application\/zip/);
    expect(exported.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const zip = exported.body as Buffer;

    // The package checks: manifest.sha256, every file's hash and size, the nomination, its history and documents.
    const files = unzipSync(new Uint8Array(zip));
    const manifest = JSON.parse(text(files['manifest.json']));
    const manifestSha256 = sha256(files['manifest.json']);
    expect(text(files['manifest.sha256'])).toBe(`${manifestSha256}  manifest.json\n`);
    expect(exported.headers['x-manifest-sha256']).toBe(manifestSha256);
    expect(manifest).toMatchObject({
      format: 'tdkt-dossier-package',
      formatVersion: 1,
      deployment: { id: 'lai-chau', name: 'Hệ thống thi đua, khen thưởng tỉnh Lai Châu' },
      nomination: {
        id: waiting.id,
        formCode: 'bang-khen-thu-tuong',
        formName: 'Bằng khen của Thủ tướng Chính phủ',
        ruleSetId: waiting.ruleSetId,
        targetLevel: 'central',
        nomineeName: 'Nguyễn Văn Hải',
        proposer: { name: UNITS.congTyChe.name },
        route: [
          { level: 'commune', organizationName: COMMUNE.name, external: false },
          { level: 'province', organizationName: PROVINCE.name, external: false },
          { level: 'central', organizationId: null, external: true, signer: 'Thủ tướng Chính phủ' },
        ],
      },
    });
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'manifest.sha256', ...manifest.files.map((file: { path: string }) => file.path)].sort());
    for (const file of manifest.files) {
      expect(files[file.path].length).toBe(file.sizeBytes);
      expect(sha256(files[file.path])).toBe(file.sha256);
    }
    const history = await d.history(UNITS.congTyChe.submitter, waiting.id);
    expect(manifest.history).toEqual(history);
    const provinceDocuments = (await province.dataSource.getRepository(DossierDocumentEntity).findBy({ nominationId: waiting.id })).map((row) => `${row.code}@${row.level}#${row.version}:${row.sha256}`).sort();
    expect(manifest.documents.map((doc: any) => `${doc.code}@${doc.level}#${doc.version}:${doc.sha256}`).sort()).toEqual(provinceDocuments);
    expect(manifest.documents.some((doc: any) => doc.code === 'submission' && doc.level === 'central')).toBe(true);
    expect(await province.dataSource.getRepository(ExchangePackageEntity).findBy({ nominationId: waiting.id })).toEqual([
      expect.objectContaining({ direction: 'out', kind: 'dossier', manifestSha256, createdByUsername: PROVINCE.appraiser }),
    ]);

    // Altered packages are refused at the central deployment, naming the file, and nothing is written.
    const document = manifest.documents.find((doc: any) => doc.code === 'submission' && doc.level === 'central');
    const before = await footprint(central);
    const refusals: Array<[string, Buffer, string]> = [
      ['a document changed', rezip(zip, (entries) => { entries[document.path][entries[document.path].length - 10] ^= 0x20; }), document.path],
      ['the manifest changed', rezip(zip, (entries) => editManifest(entries, (m) => { m.nomination.awardYear = 2025; })), 'manifest.json'],
      ['an extra file', rezip(zip, (entries) => { entries['documents/central/bang-ke-bo-sung.pdf'] = entries[document.path]; }), 'documents/central/bang-ke-bo-sung.pdf'],
      ['a file removed', rezip(zip, (entries) => { delete entries[document.path]; }), document.path],
      ['a newer format', rezip(zip, (entries) => editManifest(entries, (m) => { m.formatVersion = 2; }, { rehash: true })), 'manifest.json'],
      ['a form this catalog lacks', rezip(zip, (entries) => editManifest(entries, (m) => { m.nomination.formCode = 'huan-chuong-sao-vang'; }, { rehash: true })), 'manifest.json'],
      ['not a ZIP', Buffer.from('%PDF-1.7 không phải gói'), 'goi-ho-so.zip'],
    ];
    for (const [what, altered, file] of refusals) {
      const body = expectErrorShape(await importDossier(CENTRAL.appraiser.username, altered), 422);
      expect({ what, rule: body.details.rule, file: body.details.file }).toEqual({ what, rule: 'package-integrity', file });
    }
    // Only the appraiser of an organization of the level the dossier is sent to receives it.
    expectErrorShape(await importDossier(PROVINCE.appraiser, zip), 403);
    expectErrorShape(await importDossier(CENTRAL.signer.username, zip), 403);
    expect(await footprint(central)).toEqual(before);

    // Accepted: a nomination in central.received, its history and documents intact.
    const imported = await importDossier(CENTRAL.appraiser.username, zip);
    expectStatus(imported, 201);
    const incoming = imported.body;
    expect(incoming).toMatchObject({
      state: 'central.received',
      level: 'central',
      source: { deploymentId: 'lai-chau', deploymentName: 'Hệ thống thi đua, khen thưởng tỉnh Lai Châu', nominationId: waiting.id },
      proposerName: UNITS.congTyChe.name,
      manifestSha256,
    });
    expect(incoming.history).toEqual(history);
    const centralAppraiser = await bearer(central, CENTRAL.appraiser.username);
    const received = await central.http().get(`/api/nominations/${incoming.nominationId}`).set('Authorization', centralAppraiser);
    expectStatus(received, 200);
    expect(received.body).toMatchObject({
      formCode: 'bang-khen-thu-tuong',
      state: 'central.received',
      level: 'central',
      nominee: { fullName: 'Nguyễn Văn Hải' },
      allowedEvents: ['ACCEPT'],
      deadlines: { current: { level: 'central', step: 'appraisal' } },
    });
    expect(received.body.signatures.map((signature: { level: string }) => signature.level)).toEqual(['commune', 'province']);
    const ownHistory = await central.http().get(`/api/nominations/${incoming.nominationId}/history`).set('Authorization', centralAppraiser);
    expect(ownHistory.body).toEqual([expect.objectContaining({ seq: 0, type: 'DOSSIER_IMPORTED', toState: 'central.received', payload: expect.objectContaining({ manifestSha256, originalNominationId: waiting.id }) })]);
    const listed = await central.http().get(`/api/nominations/${incoming.nominationId}/documents`).set('Authorization', centralAppraiser);
    expectStatus(listed, 200);
    const centralDocuments = listed.body.items.flatMap((item: any) => [item.current, ...item.earlierVersions]);
    expect(centralDocuments.map((doc: any) => `${doc.code}@${doc.level}#${doc.version}:${doc.sha256}`).sort()).toEqual(provinceDocuments);
    const submission = centralDocuments.find((doc: any) => doc.code === 'submission' && doc.level === 'central');
    const content = await binary(central.http().get(submission.contentUrl).set('Authorization', centralAppraiser));
    expectStatus(content, 200);
    expect(sha256(content.body)).toBe(document.sha256);

    // The same package twice, or the same dossier exported again, is not a second dossier.
    const afterImport = await footprint(central);
    expect(expectErrorShape(await importDossier(CENTRAL.appraiser.username, zip), 409).code).toBe('PACKAGE_ALREADY_IMPORTED');
    const again = await binary(province.http().get(`/api/nominations/${waiting.id}/export-package`).set('Authorization', await bearer(province, PROVINCE.signer)));
    expectStatus(again, 200);
    expect(expectErrorShape(await importDossier(CENTRAL.appraiser.username, again.body), 409).code).toBe('DOSSIER_ALREADY_IMPORTED');
    expect(await footprint(central)).toEqual(afterImport);

    // Received here, it waits for no external decision: nothing to export from this deployment.
    expect(expectErrorShape(await binary(central.http().get(`/api/nominations/${incoming.nominationId}/export-package`).set('Authorization', centralAppraiser)), 409).code).toBe('EXPORT_NOT_ALLOWED');

    // No decision to send back before there is one.
    const decisionUrl = `/api/incoming-dossiers/${incoming.id}/decision-package`;
    expect(expectErrorShape(await binary(central.http().get(decisionUrl).set('Authorization', centralAppraiser)), 409).code).toBe('DECISION_NOT_READY');

    // The central office appraises it and the signer grants the award, with the existing workflow.
    const send = async (as: string, event: Record<string, unknown>) => {
      const response = await central.http().post(`/api/nominations/${incoming.nominationId}/events`).set('Authorization', await bearer(central, as)).send(event);
      expectStatus(response, 200);
      return response.body;
    };
    await send(CENTRAL.appraiser.username, { type: 'ACCEPT' });
    await send(CENTRAL.appraiser.username, { type: 'APPRAISAL_PASSED', note: 'Đủ điều kiện trình Thủ tướng Chính phủ' });
    const awarded = await send(CENTRAL.signer.username, { type: 'SIGN', number: '1520/QĐ-TTg', date: '2026-12-18' });
    expect(awarded.state).toBe('awarded');

    // No form lets the deciding level upload a file of its own yet: the annex list of the Quyết định is stored here as
    // the dossier storage would (file under DOCUMENTS_DIR, metadata with its SHA-256, after the import's version).
    const annex = DOSSIER_FILES.pdf('Danh sách kèm theo Quyết định số 1520/QĐ-TTg', ['Ông Nguyễn Văn Hải, Giám đốc Công ty TNHH Chè Bình Lư']);
    const annexId = randomUUID();
    mkdirSync(join(central.documentsDir, incoming.nominationId), { recursive: true });
    writeFileSync(join(central.documentsDir, incoming.nominationId, `${annexId}.pdf`), annex);
    const signer = await central.dataSource.getRepository(UserEntity).findOneByOrFail({ username: CENTRAL.signer.username });
    await central.dataSource.getRepository(DossierDocumentEntity).insert({
      id: annexId, nominationId: incoming.nominationId, code: 'annex-list', level: 'central', version: 1,
      fileName: 'Danh sách kèm theo Quyết định 1520-QĐ-TTg.pdf', fileType: 'pdf', contentType: 'application/pdf',
      sizeBytes: annex.length, sha256: sha256(annex), storageKey: `${incoming.nominationId}/${annexId}.pdf`,
      uploadedBy: signer.id, uploadedByUsername: signer.username, uploadedForOrganizationId: received.body.route[2].organizationId,
      uploadedAt: new Date().toISOString(), nominationState: 'awarded', nominationVersion: awarded.version,
    });

    const decision = await binary(central.http().get(decisionUrl).set('Authorization', centralAppraiser));
    expectStatus(decision, 200);
    const decisionZip = decision.body as Buffer;
    const decisionFiles = unzipSync(new Uint8Array(decisionZip));
    const decisionManifest = JSON.parse(text(decisionFiles['manifest.json']));
    expect(text(decisionFiles['manifest.sha256'])).toBe(`${sha256(decisionFiles['manifest.json'])}  manifest.json\n`);
    expect(decisionManifest).toMatchObject({
      format: 'tdkt-decision-package',
      deployment: { id: 'trung-uong' },
      answers: { manifestSha256, deployment: { id: 'lai-chau' }, nominationId: waiting.id },
      outcome: { granted: true, number: '1520/QĐ-TTg', date: '2026-12-18', authority: 'Thủ tướng Chính phủ', reason: null },
      documents: [{ code: 'annex-list', level: 'central', version: 1, sha256: sha256(annex), path: 'documents/central/annex-list-v1.pdf' }],
    });
    expect(sha256(decisionFiles['documents/central/annex-list-v1.pdf'])).toBe(sha256(annex));

    // At the province: an altered or mismatching decision, or the wrong office, changes nothing.
    const unchanged = await d.fingerprint(waiting.id);
    const provinceBefore = await footprint(province);
    const decisionRefusals: Array<[string, Buffer, string, string]> = [
      ['the outcome changed', rezip(decisionZip, (entries) => editManifest(entries, (m) => { m.outcome.number = '9999/QĐ-TTg'; })), 'package-integrity', 'manifest.json'],
      ['another package answered', rezip(decisionZip, (entries) => editManifest(entries, (m) => { m.answers.manifestSha256 = sha256(strToU8('khác')); }, { rehash: true })), 'decision-mismatch', 'manifest.json'],
      ['another deployment answered', rezip(decisionZip, (entries) => editManifest(entries, (m) => { m.answers.deployment.id = 'dien-bien'; }, { rehash: true })), 'decision-mismatch', 'manifest.json'],
      ['an extra file', rezip(decisionZip, (entries) => { entries['documents/central/quyet-dinh.pdf'] = strToU8('%PDF-1.7'); }), 'package-integrity', 'documents/central/quyet-dinh.pdf'],
    ];
    for (const [what, altered, rule, file] of decisionRefusals) {
      const body = expectErrorShape(await importDecision(PROVINCE.appraiser, altered), 422);
      expect({ what, rule: body.details.rule, file: body.details.file }).toEqual({ what, rule, file });
    }
    expectErrorShape(await importDecision(COMMUNE.appraiser, decisionZip), 403);
    expect(await d.fingerprint(waiting.id)).toEqual(unchanged);
    expect(await footprint(province)).toEqual(provinceBefore);

    // Applied: the original is awarded with the central decision's number, the package recorded with the step.
    const applied = await importDecision(PROVINCE.appraiser, decisionZip);
    expectStatus(applied, 200);
    expect(applied.body.nomination).toMatchObject({
      id: waiting.id,
      state: 'awarded',
      externalDecision: { level: 'central', granted: true, number: '1520/QĐ-TTg', date: '2026-12-18', authority: 'Thủ tướng Chính phủ', reason: null },
    });
    const original = await d.history(UNITS.congTyChe.submitter, waiting.id);
    expect(original.at(-1)).toMatchObject({ type: 'RECORD_EXTERNAL_DECISION', actor: { username: PROVINCE.appraiser }, fromState: 'central.awaitingExternalDecision', toState: 'awarded' });
    expect(await province.dataSource.getRepository(ExchangePackageEntity).findBy({ nominationId: waiting.id, direction: 'in' })).toEqual([
      expect.objectContaining({ kind: 'decision', manifestSha256: sha256(decisionFiles['manifest.json']), answersManifestSha256: manifestSha256, counterpartDeploymentId: 'trung-uong' }),
    ]);

    const originalDocuments = await province.http().get(`/api/nominations/${waiting.id}/documents`).set('Authorization', await bearer(province, PROVINCE.appraiser));
    expect(originalDocuments.body.items).toContainEqual(
      expect.objectContaining({ code: 'annex-list', level: 'central', current: expect.objectContaining({ sha256: sha256(annex), version: 1, fileName: 'Danh sách kèm theo Quyết định 1520-QĐ-TTg.pdf' }) }),
    );

    // Replayed, it is refused and nothing moves.
    const settled = await d.fingerprint(waiting.id);
    expect(expectErrorShape(await importDecision(PROVINCE.appraiser, decisionZip), 409).code).toBe('PACKAGE_ALREADY_IMPORTED');
    expect(await d.fingerprint(waiting.id)).toEqual(settled);
  }, 180_000);

  it('a refusal at the central level goes back with its reply letter and ends the original rejected', async () => {
    const waiting = await d.nominationAt(UNITS.htxNongNghiep.submitter, 'bang-khen-thu-tuong', NOMINEES.tongThiXuan, 'central.awaitingExternalDecision');
    const exported = await binary(province.http().get(`/api/nominations/${waiting.id}/export-package`).set('Authorization', await bearer(province, PROVINCE.signer)));
    expectStatus(exported, 200);
    const imported = await importDossier(CENTRAL.appraiser.username, exported.body);
    expectStatus(imported, 201);
    const appraiser = await bearer(central, CENTRAL.appraiser.username);
    const events = `/api/nominations/${imported.body.nominationId}/events`;
    expectStatus(await central.http().post(events).set('Authorization', appraiser).send({ type: 'ACCEPT' }), 200);
    const reason = 'Thành tích chưa đạt tiêu chuẩn Bằng khen của Thủ tướng Chính phủ';
    expectStatus(await central.http().post(events).set('Authorization', appraiser).send({ type: 'APPRAISAL_REJECTED', reason }), 200);

    const url = `/api/incoming-dossiers/${imported.body.id}/decision-package`;
    const withoutNumber = expectErrorShape(await binary(central.http().get(url).set('Authorization', appraiser)), 400);
    expect(withoutNumber.details.fields.map((field: { field: string }) => field.field)).toEqual(['number']);
    const decision = await binary(central.http().get(url).query({ number: '215/BTĐKT-NV', date: '2026-12-05' }).set('Authorization', appraiser));
    expectStatus(decision, 200);

    const applied = await importDecision(PROVINCE.appraiser, decision.body);
    expectStatus(applied, 200);
    expect(applied.body.nomination).toMatchObject({
      state: 'rejected',
      externalDecision: { level: 'central', granted: false, number: '215/BTĐKT-NV', date: '2026-12-05', authority: 'Ban Thi đua – Khen thưởng Trung ương', reason },
      rejection: { level: 'central', step: 'external', reason },
    });
  }, 120_000);
});
