import { strFromU8, unzipSync } from 'fflate';
import { In } from 'typeorm';
import { DecisionEntity } from '../../src/decisions/decision.entity';
import { DossierDocumentEntity } from '../../src/dossiers/dossier-document.entity';
import { DocumentNumberEntity } from '../../src/nominations/document-number.entity';
import { NominationEventEntity } from '../../src/nominations/nomination-event.entity';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { checklistOf, pdfFor, uploadDocument } from '../support/dossier-uploads';
import type { TestApp } from '../support/test-app';
import { COMMUNE, NEIGHBOURS, NOMINEES, PROVINCE, UNITS } from './support/binh-lu-fixtures';
import { tableRows, textOf } from './support/council-sessions';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus, nominationDriver, type NominationDriver, type NominationView } from './support/nomination-driver';

// Each test drives dozens of dossiers through HTTP, and a batch signs 20 in one transaction: more than Jest's 5 s.
jest.setTimeout(120_000);

const GIAY_KHEN = 'giay-khen-chu-tich-xa';
const BANG_KHEN = 'bang-khen-chu-tich-tinh';

/** The submitter of the unit a person works in, by the unit's name. */
const SUBMITTER_BY_UNIT = new Map<string, string>(Object.values(UNITS).map((unit) => [unit.name, unit.submitter]));

type Person = { kind: string; fullName: string; unitName: string } & Record<string, unknown>;
type Collective = { kind: string; name: string } & Record<string, unknown>;

/** 16 people of the five units and 4 collectives, interleaved as an office's list would be. */
const PEOPLE: Person[] = [NOMINEES.loThiHuong, NOMINEES.luongThiNga, NOMINEES.sungAPao, NOMINEES.nguyenVanHai, NOMINEES.deoVanPieng, NOMINEES.tongThiXuan, ...NEIGHBOURS];
const COLLECTIVES: Collective[] = [NOMINEES.htxNongNghiep, NOMINEES.banBinhLu, NOMINEES.truongTieuHoc, NOMINEES.congTyChe];
const TWENTY: Array<Person | Collective> = [...PEOPLE.slice(0, 5), COLLECTIVES[0], ...PEOPLE.slice(5, 10), COLLECTIVES[1], COLLECTIVES[2], ...PEOPLE.slice(10), COLLECTIVES[3]];

const isPerson = (nominee: Person | Collective): nominee is Person => nominee.kind === 'individual';
const nameOf = (nominee: Person | Collective) => (isPerson(nominee) ? nominee.fullName : nominee.name);
/** The unit a person works in; a collective's own name (it is a unit of the commune). */
const unitNameOf = (nominee: Person | Collective) => (isPerson(nominee) ? nominee.unitName : nominee.name);
/** A collective is proposed by itself; a person by the unit they work in. */
const proposerOf = (nominee: Person | Collective) => SUBMITTER_BY_UNIT.get(unitNameOf(nominee))!;

/**
 * Decisions and submissions signed in batches through HTTP: one Quyết định of UBND xã Bình Lư for 20 Giấy khen, all
 * or none; its DOCX and annex; the certificates; one Tờ trình forwarding Bằng khen to the province, which goes on.
 */
describe('batch decisions and submissions', () => {
  let t: TestApp;
  let d: NominationDriver;
  /** The 20 Giấy khen nominations, in the order of TWENTY. */
  let twenty: NominationView[];
  /** A household's Giấy khen still in appraisal: not ready to sign. */
  let household: NominationView;

  beforeAll(async () => {
    t = await startE2eApp();
    d = nominationDriver(t);
    twenty = [];
    for (const nominee of TWENTY) twenty.push(await d.nominationAt(proposerOf(nominee), GIAY_KHEN, nominee, 'commune.awaitingSignature'));
    household = await d.nominationAt(UNITS.banBinhLu.submitter, GIAY_KHEN, NOMINEES.hoOngTongVanPieng, 'commune.appraisal');
  }, 600_000);
  afterAll(() => t.close());

  const as = (username: string) => d.bearer(username);
  const sign = async (username: string, body: Record<string, unknown>) => t.http().post('/api/decisions').set('Authorization', await as(username)).send(body);

  /** What a refused batch must leave as it was: every nomination's state, version and log, the numbers, the documents. */
  async function snapshotOf(ids: string[]) {
    const rows = await t.dataSource.getRepository(NominationEntity).findBy({ id: In(ids) });
    const events = await t.dataSource.getRepository(NominationEventEntity).countBy({ nominationId: In(ids) });
    return {
      nominations: rows.map((row) => ({ id: row.id, state: row.state, version: row.version })).sort((a, b) => a.id.localeCompare(b.id)),
      events,
      documentNumbers: await t.dataSource.getRepository(DocumentNumberEntity).count(),
      decisions: await t.dataSource.getRepository(DecisionEntity).count(),
      documents: await t.dataSource.getRepository(DossierDocumentEntity).countBy({ nominationId: In(ids) }),
    };
  }

  async function download(path: string, username: string): Promise<Record<string, Uint8Array>> {
    const response = await t
      .http()
      .get(path)
      .set('Authorization', await as(username))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expectStatus(response, 200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.docx"; filename\*=UTF-8''/);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
    expectWellFormed(strFromU8(files['word/document.xml']));
    return files;
  }

  it('lists the dossiers waiting for the chair of the commune, and only for a signer', async () => {
    const response = await t.http().get('/api/decisions/awaiting-signature').set('Authorization', await as(COMMUNE.signer));
    expectStatus(response, 200);
    const waiting = response.body.items as Array<{ id: string; act: string; state: string; formCode: string; missingDocuments: unknown[] }>;
    expect(waiting.map((item) => item.id).sort()).toEqual(twenty.map((nomination) => nomination.id).sort());
    expect(waiting.every((item) => item.act === 'decision' && item.state === 'commune.awaitingSignature' && item.formCode === GIAY_KHEN)).toBe(true);
    expect(waiting.every((item) => item.missingDocuments.length === 0)).toBe(true);

    expectErrorShape(await t.http().get('/api/decisions/awaiting-signature').set('Authorization', await as(COMMUNE.appraiser)), 403);
    const province = await t.http().get('/api/decisions/awaiting-signature').set('Authorization', await as(PROVINCE.signer));
    expectStatus(province, 200);
    expect(province.body.items).toEqual([]);
  });

  it('refuses a batch with one nomination not awaiting signature: none is signed, nothing changes', async () => {
    const ids = [...twenty.map((nomination) => nomination.id), household.id];
    const before = await snapshotOf(ids);
    const body = expectErrorShape(await sign(COMMUNE.signer, { number: '12', date: '2026-11-20', nominationIds: ids }), 409);
    expect(body.code).toBe('EVENT_NOT_ALLOWED');
    expect(body.details.nominations).toEqual([
      expect.objectContaining({ nominationId: household.id, nomineeName: NOMINEES.hoOngTongVanPieng.name, status: 409, code: 'EVENT_NOT_ALLOWED' }),
    ]);
    expect(body.message).toContain(NOMINEES.hoOngTongVanPieng.name);
    expect(await snapshotOf(ids)).toEqual(before);
  });

  it('refuses a batch whose number the commune has used this year: none is signed, nothing changes', async () => {
    // The household reaches the chair and is signed alone with 11/QĐ-UBND.
    await d.advanceTo(household.id, 'commune.awaitingSignature');
    await d.step(COMMUNE.signer, household.id, { type: 'SIGN', number: '11/QĐ-UBND', date: '2026-11-18' });
    const ids = twenty.map((nomination) => nomination.id);
    const before = await snapshotOf(ids);
    const body = expectErrorShape(await sign(COMMUNE.signer, { number: '11', date: '2026-11-20', nominationIds: ids }), 422);
    expect(body.details).toMatchObject({ rule: 'document-number-unique', number: '11/QĐ-UBND', year: 2026 });
    expect(await snapshotOf(ids)).toEqual(before);
  });

  it('refuses a non-signer and the signer of another organization: nothing changes', async () => {
    const ids = twenty.map((nomination) => nomination.id);
    const before = await snapshotOf(ids);
    expectErrorShape(await sign(COMMUNE.appraiser, { number: '12', nominationIds: ids }), 403);
    expectErrorShape(await sign(UNITS.truongTieuHoc.submitter, { number: '12', nominationIds: ids }), 403);
    const other = expectErrorShape(await sign(PROVINCE.signer, { number: '12', nominationIds: ids }), 403);
    expect(other.details.nominations).toHaveLength(20);
    expect(other.details.nominations.map((entry: { nominationId: string }) => entry.nominationId)).toEqual(ids);
    expect(await snapshotOf(ids)).toEqual(before);
  });

  it('refuses bad input naming each field', async () => {
    const body = expectErrorShape(await sign(COMMUNE.signer, { number: '', kind: 'order', date: '20/11/2026', nominationIds: ['12'] }), 400);
    const fields = (body.details.fields as Array<{ field: string }>).map((entry) => entry.field);
    expect(fields).toEqual(expect.arrayContaining(['number', 'kind', 'date', 'nominationIds']));
    expectErrorShape(await sign(COMMUNE.signer, { number: '12', nominationIds: [] }), 400);
    expectErrorShape(await sign(COMMUNE.signer, { number: '12', nominationIds: [twenty[0].id, twenty[0].id] }), 400);
  });

  it('refuses the whole batch when a late nomination misses its council minutes, each one judged by its own step', async () => {
    // A 21st nominee reaches the chair without the minutes uploaded; it is listed last, so 20 signatures come first.
    const late = await d.nominationAt(UNITS.trungTamDichVu.submitter, GIAY_KHEN, { ...NEIGHBOURS[4], fullName: 'Lò Văn Inh' }, 'draft');
    await d.advanceTo(late.id, 'commune.awaitingSignature', { prepareNext: false });
    const ids = [...twenty.map((nomination) => nomination.id), late.id];
    const before = await snapshotOf(ids);
    const body = expectErrorShape(await sign(COMMUNE.signer, { number: '12', date: '2026-11-20', nominationIds: ids }), 422);
    expect(body.details.rule).toBe('dossier-complete');
    expect(body.details.nominations).toEqual([expect.objectContaining({ nominationId: late.id, nomineeName: 'Lò Văn Inh', rule: 'dossier-complete' })]);
    expect(body.details.nominations[0].details.missing.map((entry: { code: string }) => entry.code)).toEqual(['council-minutes']);
    expect(await snapshotOf(ids)).toEqual(before);
    // It stays in the chair's queue, its missing minutes named.
    const queue = await t.http().get('/api/decisions/awaiting-signature').set('Authorization', await as(COMMUNE.signer));
    expect(queue.body.items.find((item: { id: string }) => item.id === late.id).missingDocuments.map((entry: { code: string }) => entry.code)).toEqual(['council-minutes']);
  });

  describe('one Quyết định for the 20', () => {
    let decision: Record<string, any>;

    beforeAll(async () => {
      const response = await sign(COMMUNE.signer, { number: '12', date: '2026-11-20', nominationIds: twenty.map((nomination) => nomination.id) });
      expectStatus(response, 201);
      decision = response.body;
    });

    it('awards all 20 under one number, each history ending with its SIGN', async () => {
      expect(decision).toMatchObject({
        kind: 'decision',
        number: '12/QĐ-UBND',
        date: '2026-11-20',
        year: 2026,
        level: 'commune',
        formCode: GIAY_KHEN,
        grantingAuthority: 'Chủ tịch Ủy ban nhân dân xã Bình Lư',
        organization: { name: COMMUNE.name },
        counts: { collectives: 4, individuals: 16, households: 0, total: 20 },
        signer: { fullName: 'Trần Thanh Tuấn', deputy: false },
      });
      expect(decision.items.map((item: { nominationId: string }) => item.nominationId)).toEqual(twenty.map((nomination) => nomination.id));
      expect(decision.items.every((item: { state: string }) => item.state === 'awarded')).toBe(true);
      for (const nomination of twenty) {
        const history = await d.history(COMMUNE.signer, nomination.id);
        const last = history[history.length - 1];
        expect(last).toMatchObject({ type: 'SIGN', fromState: 'commune.awaitingSignature', toState: 'awarded', payload: { number: '12/QĐ-UBND', date: '2026-11-20', decisionId: decision.id } });
      }
      const numbers = await t.dataSource.getRepository(DocumentNumberEntity).findBy({ number: '12/QĐ-UBND' });
      expect(numbers).toEqual([expect.objectContaining({ year: 2026, kind: 'decision', decisionId: decision.id })]);
      // The number is the decision's: a single signature cannot take it again.
      const again = await d.nominationAt(UNITS.truongTieuHoc.submitter, GIAY_KHEN, { ...NOMINEES.loThiHuong, fullName: 'Vàng Thị Sính', dateOfBirth: '1990-03-02' }, 'commune.awaitingSignature');
      const refused = await d.refuse(COMMUNE.signer, again.id, { type: 'SIGN', number: '12/QĐ-UBND', date: '2026-11-25' }, 422);
      expect(refused.details.rule).toBe('document-number-unique');
      // Nor by naming the decision: only the batch itself sets it.
      const forged = await d.refuse(COMMUNE.signer, again.id, { type: 'SIGN', number: '12/QĐ-UBND', date: '2026-11-25', decisionId: decision.id }, 400);
      expect(forged.details.fields.map((entry: { field: string }) => entry.field)).toEqual(['decisionId']);
    });

    it('is listed and read by the commune and by a proposing unit, not by the province', async () => {
      const list = await t.http().get('/api/decisions').query({ kind: 'decision', year: 2026 }).set('Authorization', await as(COMMUNE.appraiser));
      expectStatus(list, 200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([decision.id]);
      expectStatus(await t.http().get(`/api/decisions/${decision.id}`).set('Authorization', await as(UNITS.truongTieuHoc.submitter)), 200);
      expectErrorShape(await t.http().get(`/api/decisions/${decision.id}`).set('Authorization', await as(PROVINCE.signer)), 403);
      expectErrorShape(await t.http().get('/api/decisions/00000000-0000-4000-8000-000000000000').set('Authorization', await as(COMMUNE.signer)), 404);
    });

    it('opens as a DOCX in the layout of Nghị định 30/2020/NĐ-CP with the annex: collectives, then individuals, by unit', async () => {
      const xml = strFromU8((await download(`/api/decisions/${decision.id}/document.docx`, COMMUNE.signer))['word/document.xml']);
      const text = textOf(xml);
      for (const line of [
        'ỦY BAN NHÂN DÂN',
        'XÃ BÌNH LƯ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 12/QĐ-UBND',
        'Bình Lư, ngày 20 tháng 11 năm 2026',
        'QUYẾT ĐỊNH',
        'Về việc tặng Giấy khen cho các tập thể, cá nhân',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH LƯ',
        'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;',
        'Xét đề nghị của Phòng Văn hóa – Xã hội.',
        'QUYẾT ĐỊNH:',
        'Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Bình Lư cho 04 tập thể và 16 cá nhân (có danh sách kèm theo)',
        'Điều 3.',
        'Nơi nhận:',
        'Trần Thanh Tuấn',
        '(Kèm theo Quyết định số 12/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân xã Bình Lư)',
      ]) {
        expect(text).toContain(line);
      }
      expect(xml).toContain('<w:br w:type="page"/>');

      const rows = tableRows(xml).filter((row) => row.length === 3 && row[0] !== 'STT');
      const annex = rows.filter((row) => row[0] || row[1]);
      const collectivesAt = annex.findIndex((row) => row[0] === 'I' && row[1] === 'TẬP THỂ (04)');
      const individualsAt = annex.findIndex((row) => row[0] === 'II' && row[1] === 'CÁ NHÂN (16)');
      expect(collectivesAt).toBeGreaterThanOrEqual(0);
      expect(individualsAt).toBeGreaterThan(collectivesAt);
      const entries = (from: number, to: number) => annex.slice(from + 1, to);
      const checkSection = (section: string[][], nominees: Array<Person | Collective>) => {
        // Unit heading rows (no STT) followed by their nominees, numbered 1… through the section.
        let unit = '';
        let seq = 0;
        const seen: string[] = [];
        for (const [stt, name, detail] of section) {
          if (!stt) {
            unit = name;
            continue;
          }
          seq += 1;
          expect(stt).toBe(String(seq));
          const nominee = nominees.find((candidate) => nameOf(candidate) === name)!;
          expect(nominee).toBeDefined();
          expect(unitNameOf(nominee)).toBe(unit);
          if (isPerson(nominee)) expect(detail).toBe(`${nominee.position}, ${nominee.unitName}`);
          seen.push(name);
        }
        expect(seen.sort()).toEqual(nominees.map(nameOf).sort());
        // Each unit heads one group only.
        const units = section.filter(([stt]) => !stt).map(([, name]) => name);
        expect(new Set(units).size).toBe(units.length);
      };
      checkSection(entries(collectivesAt, individualsAt), COLLECTIVES);
      checkSection(entries(individualsAt, annex.length), PEOPLE);

      const annexOnly = textOf(strFromU8((await download(`/api/decisions/${decision.id}/annex.docx`, COMMUNE.appraiser))['word/document.xml']));
      expect(annexOnly).toContain('DANH SÁCH');
      expect(annexOnly).not.toContain('Điều 1.');
      for (const nominee of TWENTY) expect(annexOnly).toContain(nameOf(nominee));
    });

    it('gives the text of each Giấy khen and a printable DOCX, one page each', async () => {
      const response = await t.http().get(`/api/decisions/${decision.id}/certificates`).set('Authorization', await as(COMMUNE.signer));
      expectStatus(response, 200);
      const certificates = response.body.items as Array<Record<string, any>>;
      expect(certificates).toHaveLength(20);
      const huong = certificates.find((certificate) => certificate.recipient === 'Lò Thị Hương')!;
      expect(huong).toMatchObject({
        nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        motto: 'Độc lập - Tự do - Hạnh phúc',
        grantor: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH LƯ',
        heading: 'TẶNG GIẤY KHEN',
        recipientDetail: 'Giáo viên, Trường Tiểu học Bình Lư',
        placeAndDate: 'Bình Lư, ngày 20 tháng 11 năm 2026',
        decisionReference: 'Quyết định số 12/QĐ-UBND ngày 20/11/2026',
        signature: { lines: ['CHỦ TỊCH'], fullName: 'Trần Thanh Tuấn' },
      });
      expect(huong.citation).toMatch(/^Đã có thành tích \S/);
      const htx = certificates.find((certificate) => certificate.recipient === NOMINEES.htxNongNghiep.name)!;
      expect(htx.recipientDetail).toBe('');

      const xml = strFromU8((await download(`/api/decisions/${decision.id}/certificates.docx`, COMMUNE.signer))['word/document.xml']);
      expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(19);
      expect(textOf(xml).match(/TẶNG GIẤY KHEN/g)).toHaveLength(20);
      for (const nominee of TWENTY) expect(textOf(xml)).toContain(nameOf(nominee));
    });
  });

  it('lets one of two batches racing for the same number sign, and refuses the other whole', async () => {
    const people = [
      { kind: 'individual', fullName: 'Lò Văn Hặc', position: 'Thôn đội trưởng', unitName: UNITS.banBinhLu.name, category: 'worker-farmer' },
      { kind: 'individual', fullName: 'Tòng Thị Ơn', position: 'Xã viên', unitName: UNITS.htxNongNghiep.name, category: 'worker-farmer' },
      { kind: 'individual', fullName: 'Quàng Văn Dũng', position: 'Công nhân hái chè', unitName: UNITS.congTyChe.name, category: 'worker-farmer' },
      { kind: 'individual', fullName: 'Lường Thị Phượng', position: 'Viên chức', unitName: UNITS.trungTamDichVu.name, category: 'civil-servant' },
    ];
    const race: NominationView[] = [];
    for (const person of people) race.push(await d.nominationAt(proposerOf(person), GIAY_KHEN, person, 'commune.awaitingSignature'));
    const halves = [race.slice(0, 2).map((nomination) => nomination.id), race.slice(2).map((nomination) => nomination.id)];
    const before = await Promise.all(halves.map(snapshotOf));
    const answers = await Promise.all(halves.map((ids) => sign(COMMUNE.signer, { number: '40', date: '2026-11-26', nominationIds: ids })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
    const loser = answers.findIndex((answer) => answer.status === 422);
    expect(expectErrorShape(answers[loser], 422).details).toMatchObject({ rule: 'document-number-unique', number: '40/QĐ-UBND' });
    expect((await snapshotOf(halves[loser])).nominations).toEqual(before[loser].nominations);
    expect(answers[1 - loser].body.items.map((item: { state: string }) => item.state)).toEqual(['awarded', 'awarded']);
    expect(await t.dataSource.getRepository(DocumentNumberEntity).countBy({ number: '40/QĐ-UBND' })).toBe(1);
    expect(await t.dataSource.getRepository(DecisionEntity).countBy({ number: '40/QĐ-UBND' })).toBe(1);
  });

  describe('one Tờ trình forwarding Bằng khen of the province', () => {
    let forwarded: NominationView[];
    let submission: Record<string, any>;

    beforeAll(async () => {
      forwarded = [];
      for (const nominee of [NOMINEES.truongTieuHoc, NOMINEES.loThiHuong, NOMINEES.tongThiXuan]) {
        const drafted = await d.draft(proposerOf(nominee), BANG_KHEN, nominee);
        // At the chair with the council's minutes only: the Tờ trình to the province is the batch's to attach.
        const waiting = await d.advanceTo(drafted.id, 'commune.awaitingSignature', { prepareNext: false });
        const minutes = (await checklistOf(t, await as(COMMUNE.secretary), waiting.id)).items.find((item) => item.code === 'council-minutes')!;
        expectStatus(await uploadDocument(t, await as(COMMUNE.secretary), waiting.id, 'council-minutes', pdfFor(minutes.label, waiting.id), { level: 'commune' }), 201);
        forwarded.push(waiting);
      }
    });

    it('refuses to sign a Quyết định where the province decides', async () => {
      const ids = forwarded.map((nomination) => nomination.id);
      const before = await snapshotOf(ids);
      const body = expectErrorShape(await sign(COMMUNE.signer, { kind: 'decision', number: '15', nominationIds: ids }), 422);
      expect(body.details.rule).toBe('decision-kind');
      expect(await snapshotOf(ids)).toEqual(before);
    });

    it('forwards each to the province with the Tờ trình attached as its submission', async () => {
      const response = await sign(COMMUNE.signer, { number: '15', date: '2026-11-21', nominationIds: forwarded.map((nomination) => nomination.id) });
      expectStatus(response, 201);
      submission = response.body;
      expect(submission).toMatchObject({
        kind: 'submission',
        number: '15/TTr-UBND',
        addressedTo: { name: PROVINCE.name },
        grantingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh Lai Châu',
        counts: { collectives: 1, individuals: 2, total: 3 },
        links: { certificates: null },
      });
      for (const item of submission.items) {
        expect(item.state).toBe('province.received');
        const checklist = await checklistOf(t, await as(PROVINCE.appraiser), item.nominationId);
        const entry = checklist.items.find((candidate) => candidate.code === 'submission' && candidate.level === 'province')!;
        expect(entry).toMatchObject({ state: 'present', document: { id: item.documentId } });
        const history = await d.history(PROVINCE.appraiser, item.nominationId);
        expect(history.slice(-2).map((entry) => entry.type)).toEqual(['DOCUMENT_UPLOADED', 'SIGN']);
        expect(history[history.length - 1].payload).toMatchObject({ number: '15/TTr-UBND', decisionId: submission.id });
      }
      const xml = strFromU8((await download(`/api/decisions/${submission.id}/document.docx`, PROVINCE.appraiser))['word/document.xml']);
      const text = textOf(xml);
      for (const line of [
        'Số: 15/TTr-UBND',
        'Bình Lư, ngày 21 tháng 11 năm 2026',
        'TỜ TRÌNH',
        'Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
        'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lai Châu (qua Sở Nội vụ)',
        'TM. ỦY BAN NHÂN DÂN',
        '(Kèm theo Tờ trình số 15/TTr-UBND ngày 21/11/2026 của Ủy ban nhân dân xã Bình Lư)',
      ]) {
        expect(text).toContain(line);
      }
      expectErrorShape(await t.http().get(`/api/decisions/${submission.id}/certificates`).set('Authorization', await as(COMMUNE.signer)), 409);
      // The province finds the Tờ trình addressed to it among its documents.
      const list = await t.http().get('/api/decisions').query({ kind: 'submission' }).set('Authorization', await as(PROVINCE.appraiser));
      expectStatus(list, 200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([submission.id]);
    });

    it('lets the province appraise them and grant all three in one Quyết định', async () => {
      for (const nomination of forwarded) {
        expectStatus(await d.send(PROVINCE.appraiser, nomination.id, { type: 'ACCEPT' }), 200);
        // Its entry check: the commune's Tờ trình the batch attached is what lets the appraisal pass (nothing uploaded here).
        expectStatus(await d.send(PROVINCE.appraiser, nomination.id, { type: 'APPRAISAL_PASSED', note: 'Hồ sơ đầy đủ' }), 200);
        expect((await d.view(PROVINCE.appraiser, nomination.id)).state).toBe('province.awaitingSignature');
      }
      const response = await sign(PROVINCE.signer, { number: '30', date: '2026-12-01', nominationIds: forwarded.map((nomination) => nomination.id) });
      expectStatus(response, 201);
      expect(response.body).toMatchObject({ kind: 'decision', number: '30/QĐ-UBND', grantingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh Lai Châu' });
      expect(response.body.items.every((item: { state: string }) => item.state === 'awarded')).toBe(true);
      const certificates = await t.http().get(`/api/decisions/${response.body.id}/certificates`).set('Authorization', await as(UNITS.truongTieuHoc.submitter));
      expectStatus(certificates, 200);
      expect(certificates.body.items[0]).toMatchObject({ grantor: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', heading: 'TẶNG BẰNG KHEN', placeAndDate: 'Lai Châu, ngày 01 tháng 12 năm 2026' });
    });
  });
});

/** Every element closed in order, every attribute quoted, no stray `<` or `&`: enough to know Word can parse it. */
function expectWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  const stack: string[] = [];
  const tags = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<\?[^>]*\?>/g;
  let at = 0;
  for (const match of xml.matchAll(tags)) {
    const between = xml.slice(at, match.index);
    expect(between).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
    at = match.index! + match[0].length;
    if (!match[2]) continue;
    if (match[1]) expect(stack.pop()).toBe(match[2]);
    else if (!match[4]) stack.push(match[2]);
  }
  expect(xml.slice(at).trim()).toBe('');
  expect(stack).toEqual([]);
}
