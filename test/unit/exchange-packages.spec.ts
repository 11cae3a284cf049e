import { strToU8, unzipSync, zipSync } from 'fflate';
import {
  buildPackage,
  DECISION_PACKAGE_FORMAT,
  DOSSIER_PACKAGE_FORMAT,
  exchangeOutcomeOf,
  loadRuleSets,
  machineEventsOf,
  NominationWorkflow,
  readPackage,
  receiveDossier,
  sha256Hex,
  verifyPackage,
  type DossierManifest,
  type ManifestHistoryEntry,
  type NominationContext,
  type PackageEntries,
} from '../../workflows';
import { DOSSIER_FILES } from '../support/dossier-files';

const registry = loadRuleSets();
const ruleSet = registry.byId('lai-chau-2025-07-01')!;
const form = ruleSet.forms.find((candidate) => candidate.code === 'bang-khen-thu-tuong')!;
const provinceMachine = new NominationWorkflow(form, { quorum: ruleSet.quorum, externalLevels: ['central'] });
const centralMachine = new NominationWorkflow(form, { quorum: ruleSet.quorum, externalLevels: [] });

const actor = (username: string) => ({ userId: `00000000-0000-4000-8000-${username.length.toString().padStart(12, '0')}`, username });

/** The steps a Bằng khen của Thủ tướng takes from Công ty TNHH Chè Bình Lư to the central level. */
function historyToCentral(): ManifestHistoryEntry[] {
  const steps: Array<[string, string, Record<string, unknown>]> = [
    ['SUBMIT', 'congty.binhlu', {}],
    ['ACCEPT', 'vhxh.binhlu', {}],
    ['APPRAISAL_PASSED', 'vhxh.binhlu', { note: 'Hồ sơ đầy đủ, đạt tiêu chuẩn' }],
    ['COUNCIL_APPROVED', 'thuky.binhlu', { counts: { members: 9, present: 9, yes: 9, no: 0, abstain: 0 }, meetingDate: '2026-10-12', minutesNumber: '12/BB-HĐTĐKT' }],
    ['SIGN', 'chutich.binhlu', { number: '145/TTr-UBND', date: '2026-10-14' }],
    ['ACCEPT', 'snv.laichau', {}],
    ['APPRAISAL_PASSED', 'snv.laichau', { note: 'Đủ điều kiện trình Thủ tướng Chính phủ' }],
    ['COUNCIL_APPROVED', 'thuky.laichau', { counts: { members: 15, present: 13, yes: 12, no: 1, abstain: 0 }, meetingDate: '2026-11-03', minutesNumber: '31/BB-HĐTĐKT' }],
    ['SIGN', 'chutich.laichau', { number: '402/TTr-UBND', date: '2026-11-05' }],
  ];
  let snapshot = provinceMachine.start({ formCode: form.code, entryLevel: 'commune' });
  const history: ManifestHistoryEntry[] = [
    { seq: 0, type: 'CREATED', actor: actor('congty.binhlu'), at: '2026-10-01T02:00:00.000Z', fromState: null, toState: 'draft', payload: { formCode: form.code } },
  ];
  steps.forEach(([type, username, payload], index) => {
    const event = { type, ...payload, actor: actor(username), at: `2026-10-${String(index + 2).padStart(2, '0')}T03:00:00.000Z` } as never;
    const result = provinceMachine.step(snapshot, event);
    if (result.outcome !== 'accepted') throw new Error(`${type} refused: ${JSON.stringify(result)}`);
    history.push({ seq: history.length, type, actor: actor(username), at: (event as { at: string }).at, fromState: provinceMachine.statePath(snapshot), toState: provinceMachine.statePath(result.snapshot), payload: event });
    snapshot = result.snapshot;
  });
  return history;
}

const SUBMISSION_PDF = DOSSIER_FILES.pdf('Tờ trình đề nghị khen thưởng gửi cấp Trung ương');

function dossierDraft(history = historyToCentral()): Omit<DossierManifest, 'files'> {
  const pdf = SUBMISSION_PDF;
  return {
    format: DOSSIER_PACKAGE_FORMAT,
    formatVersion: 1,
    createdAt: '2026-11-06T02:00:00.000Z',
    createdBy: actor('snv.laichau'),
    deployment: { id: 'lai-chau', name: 'Hệ thống thi đua, khen thưởng tỉnh Lai Châu' },
    nomination: {
      id: '6b1f4d2e-3a43-4c8f-9a51-1f0e1c2d3b4a',
      formCode: form.code,
      formName: form.name,
      ruleSetId: ruleSet.id,
      state: 'central.awaitingExternalDecision',
      entryLevel: 'commune',
      targetLevel: 'central',
      nominee: { kind: 'individual', fullName: 'Nguyễn Văn Hải', position: 'Giám đốc', unitName: 'Công ty TNHH Chè Bình Lư' },
      nomineeName: 'Nguyễn Văn Hải',
      criterion: 'tieu-bieu-phong-trao',
      awardYear: 2026,
      achievements: 'Dẫn đầu phong trào phát triển vùng chè Shan tuyết',
      campaignId: null,
      proposer: { id: '0d9c1b2a-1111-4222-8333-444455556666', name: 'Công ty TNHH Chè Bình Lư' },
      route: [
        { level: 'commune', organizationId: 'c1', organizationName: 'UBND xã Bình Lư', external: false, signer: 'Chủ tịch UBND xã' },
        { level: 'province', organizationId: 'p1', organizationName: 'UBND tỉnh Lai Châu', external: false, signer: 'Chủ tịch UBND tỉnh' },
        { level: 'central', organizationId: null, organizationName: null, external: true, signer: 'Thủ tướng Chính phủ' },
      ],
      submittedAt: history[1].at,
    },
    history,
    documents: [
      {
        id: 'a4f0c7d2-5b6e-4f70-8a91-b2c3d4e5f607',
        code: 'submission',
        name: 'Tờ trình đề nghị khen thưởng',
        level: 'central',
        version: 1,
        current: true,
        fileName: 'Tờ trình gửi Thủ tướng Chính phủ.pdf',
        fileType: 'pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: sha256Hex(pdf),
        path: 'documents/central/submission-v1.pdf',
        uploadedAt: '2026-11-05T01:00:00.000Z',
        uploadedBy: actor('chutich.laichau'),
      },
    ],
  };
}

function builtDossier() {
  return buildPackage<DossierManifest>(dossierDraft(), [{ path: 'documents/central/submission-v1.pdf', content: SUBMISSION_PDF }]);
}

const entriesOf = (zip: Uint8Array): PackageEntries => {
  const read = readPackage(zip, { maxBytes: 10 * 1024 * 1024, archiveName: 'goi.zip' });
  if (!read.ok) throw new Error(read.problem);
  return read.entries;
};

describe('dossier package: building', () => {
  it('lists every file with its SHA-256 and size, and manifest.sha256 holds the hash of manifest.json as written', () => {
    const { zip, manifest, manifestSha256 } = builtDossier();
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['documents/central/submission-v1.pdf', 'manifest.json', 'manifest.sha256']);
    expect(sha256Hex(files['manifest.json'])).toBe(manifestSha256);
    expect(new TextDecoder().decode(files['manifest.sha256'])).toBe(`${manifestSha256}  manifest.json\n`);
    expect(manifest.files).toEqual([
      { path: 'documents/central/submission-v1.pdf', sha256: sha256Hex(files['documents/central/submission-v1.pdf']), sizeBytes: files['documents/central/submission-v1.pdf'].length },
    ]);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).nomination.nomineeName).toBe('Nguyễn Văn Hải');
  });

  it('refuses to build a package naming one path twice', () => {
    const draft = dossierDraft();
    expect(() => buildPackage<DossierManifest>(draft, [{ path: 'documents/a.pdf', content: new Uint8Array([1]) }, { path: 'documents/a.pdf', content: new Uint8Array([2]) }])).toThrow(/hai lần/);
  });
});

describe('dossier package: verification', () => {
  it('accepts the package as built', () => {
    const { zip, manifestSha256 } = builtDossier();
    const verified = verifyPackage(entriesOf(zip), DOSSIER_PACKAGE_FORMAT);
    expect(verified).toMatchObject({ ok: true, manifestSha256 });
  });

  const tampered = (change: (entries: Record<string, Uint8Array>) => void) => {
    const files = unzipSync(builtDossier().zip);
    change(files);
    return verifyPackage(entriesOf(zipSync(files)), DOSSIER_PACKAGE_FORMAT);
  };

  it('names the document whose bytes changed', () => {
    const result = tampered((files) => {
      const pdf = files['documents/central/submission-v1.pdf'];
      pdf[pdf.length - 3] ^= 0xff;
    });
    expect(result).toMatchObject({ ok: false, file: 'documents/central/submission-v1.pdf', problem: expect.stringMatching(/SHA-256/) });
  });

  it('names the document whose size changed', () => {
    const result = tampered((files) => {
      files['documents/central/submission-v1.pdf'] = new Uint8Array([...files['documents/central/submission-v1.pdf'], 0x0a]);
    });
    expect(result).toMatchObject({ ok: false, file: 'documents/central/submission-v1.pdf', problem: expect.stringMatching(/dung lượng/) });
  });

  it('refuses a manifest edited after its hash was taken, even with the files listed again', () => {
    const result = tampered((files) => {
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      manifest.nomination.awardYear = 2025;
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    expect(result).toMatchObject({ ok: false, file: 'manifest.json', problem: expect.stringMatching(/manifest\.sha256/) });
  });

  it('refuses a file the manifest does not list, a listed file that is missing, and a missing hash', () => {
    expect(tampered((files) => (files['documents/central/extra.pdf'] = DOSSIER_FILES.pdf('Tài liệu thêm')))).toMatchObject({ ok: false, file: 'documents/central/extra.pdf' });
    expect(tampered((files) => delete files['documents/central/submission-v1.pdf'])).toMatchObject({ ok: false, file: 'documents/central/submission-v1.pdf', problem: expect.stringMatching(/thiếu/) });
    expect(tampered((files) => delete files['manifest.sha256'])).toMatchObject({ ok: false, file: 'manifest.sha256' });
  });

  it('refuses an unknown format version and the other kind of package, with a consistent hash', () => {
    for (const [field, value] of [['formatVersion', 2], ['format', DECISION_PACKAGE_FORMAT]] as const) {
      const result = tampered((files) => {
        const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
        manifest[field] = value;
        files['manifest.json'] = strToU8(JSON.stringify(manifest));
        files['manifest.sha256'] = strToU8(sha256Hex(files['manifest.json']));
      });
      expect(result).toMatchObject({ ok: false, file: 'manifest.json' });
    }
  });

  it('refuses a path that leaves the documents folder and a manifest missing its nomination', () => {
    const rewrite = (edit: (manifest: Record<string, any>) => void) =>
      tampered((files) => {
        const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
        edit(manifest);
        files['manifest.json'] = strToU8(JSON.stringify(manifest));
        files['manifest.sha256'] = strToU8(sha256Hex(files['manifest.json']));
      });
    expect(rewrite((manifest) => (manifest.files[0].path = 'documents/../../etc/passwd'))).toMatchObject({ ok: false, file: 'manifest.json', problem: expect.stringMatching(/files\[0\]\.path/) });
    expect(rewrite((manifest) => delete manifest.nomination)).toMatchObject({ ok: false, file: 'manifest.json', problem: expect.stringMatching(/nomination/) });
    expect(rewrite((manifest) => (manifest.documents[0].sha256 = '0'.repeat(64)))).toMatchObject({ ok: false, file: 'documents/central/submission-v1.pdf' });
  });

  it('refuses what is not a ZIP, and an archive that would unpack beyond the limit', () => {
    expect(readPackage(DOSSIER_FILES.pdf('Không phải gói'), { maxBytes: 1024, archiveName: 'ho-so.zip' })).toMatchObject({ ok: false, file: 'ho-so.zip' });
    const bomb = zipSync({ 'documents/big.pdf': new Uint8Array(2 * 1024 * 1024) });
    expect(readPackage(bomb, { maxBytes: 1024 * 1024, archiveName: 'ho-so.zip' })).toMatchObject({ ok: false, file: 'ho-so.zip', problem: expect.stringMatching(/vượt quá/) });
  });
});

describe('incoming dossier: where it stands at the receiving deployment', () => {
  it('the same history that waits for the central decision at the province is received at central where central runs', () => {
    const draft = dossierDraft();
    expect(provinceMachine.statePath(provinceMachine.replay({ formCode: form.code, entryLevel: 'commune' }, machineEventsOf(draft.history)))).toBe('central.awaitingExternalDecision');
    const reception = receiveDossier(centralMachine, draft as DossierManifest, '2026-11-10T02:00:00.000Z', { addWorkingDays: (date: string, days: number) => `${date}+${days}` } as never);
    expect(reception).toMatchObject({ ok: true, statePath: 'central.received' });
    if (!reception.ok) return;
    const context = reception.snapshot.context as NominationContext;
    expect(context.levelIndex).toBe(2);
    expect(context.signatures.map((signature) => signature.number)).toEqual(['145/TTr-UBND', '402/TTr-UBND']);
    expect(context.deadline).toMatchObject({ level: 'central', step: 'appraisal', startedAt: '2026-11-10T02:00:00.000Z', dueDate: '2026-11-10+20' });
    expect(centralMachine.restore(reception.snapshot).context.levelIndex).toBe(2);
  });

  it('refuses a history that does not reach the level, or that the machine does not accept', () => {
    const short = dossierDraft(historyToCentral().slice(0, 6));
    expect(receiveDossier(centralMachine, short as DossierManifest, '2026-11-10T02:00:00.000Z', { addWorkingDays: () => '2026-12-08' } as never)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/province\.received/),
    });
    const forged = historyToCentral();
    (forged[4].payload as { counts: object }).counts = { members: 9, present: 9, yes: 2, no: 7, abstain: 0 };
    expect(receiveDossier(centralMachine, dossierDraft(forged) as DossierManifest, '2026-11-10T02:00:00.000Z', { addWorkingDays: () => '2026-12-08' } as never)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/COUNCIL_APPROVED/),
    });
  });
});

describe('decision outcome', () => {
  const body = { organizationName: 'Bộ Nội vụ', officeName: 'Ban Thi đua – Khen thưởng Trung ương' };
  const base = centralMachine.start({ formCode: form.code, entryLevel: 'commune' }).context;

  it('an award answers with its Quyết định and the form’s granting authority', () => {
    const context: NominationContext = {
      ...base,
      levelIndex: 2,
      signatures: [{ level: 'central', act: 'decision', number: '1520/QĐ-TTg', date: '2026-12-18', signedBy: actor('thutuong') }],
    };
    expect(exchangeOutcomeOf(form, context, 'central', body)).toEqual({
      ok: true,
      outcome: { granted: true, number: '1520/QĐ-TTg', date: '2026-12-18', authority: 'Thủ tướng Chính phủ', reason: null },
    });
  });

  it('a refusal needs the reply letter’s number and answers with the office that refused', () => {
    const context: NominationContext = {
      ...base,
      levelIndex: 2,
      rejection: { level: 'central', step: 'appraisal', reason: 'Thành tích chưa đạt tiêu chuẩn', by: actor('ban.tdkt'), at: '2026-12-01T03:00:00.000Z' },
    };
    expect(exchangeOutcomeOf(form, context, 'central', body)).toEqual({ ok: false, missing: 'letter-number' });
    expect(exchangeOutcomeOf(form, context, 'central', body, { number: '215/BTĐKT-NV' })).toEqual({
      ok: true,
      outcome: { granted: false, number: '215/BTĐKT-NV', date: '2026-12-01', authority: 'Ban Thi đua – Khen thưởng Trung ương', reason: 'Thành tích chưa đạt tiêu chuẩn' },
    });
    expect(exchangeOutcomeOf(form, { ...base, levelIndex: 2 }, 'central', body)).toEqual({ ok: false, missing: 'decision' });
  });
});
