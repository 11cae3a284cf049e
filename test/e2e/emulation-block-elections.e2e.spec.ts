import type { TestApp } from '../support/test-app';
import { ADMIN, COMMUNE, UNITS } from './support/binh-lu-fixtures';
import { councilSessions, tableRows, textOf, type Choice } from './support/council-sessions';
import { startE2eApp } from './support/e2e-app';
import { expectErrorShape, expectStatus } from './support/nomination-driver';

/**
 * The cụm thi đua of Bình Lư's units elects (suy tôn) its leading collective for the year by the councils' secret
 * ballot: each unit's representative votes, never on their own unit, and the result is recorded for "led its block
 * in year Y".
 */
describe('emulation block elections', () => {
  let t: TestApp;
  let c: ReturnType<typeof councilSessions>;
  let blockId: string;
  const units = [UNITS.banBinhLu, UNITS.htxNongNghiep, UNITS.truongTieuHoc, UNITS.congTyChe, UNITS.trungTamDichVu];
  const ids = new Map<string, string>();
  const reps = new Map<string, string>();

  beforeAll(async () => {
    t = await startE2eApp();
    c = councilSessions(t);
    for (const unit of units) {
      ids.set(unit.name, await t.organizationId(unit.name));
      reps.set(unit.name, await c.userIdOf(unit.submitter));
    }
  });
  afterAll(() => t.close());

  const secretary = () => c.as(COMMUNE.secretary);

  it('sets up the block with its member collectives and the representative who votes for each', async () => {
    const outsider = await t
      .http()
      .post('/api/emulation-blocks')
      .set('Authorization', await secretary())
      .send({
        name: 'Cụm thi đua các đơn vị xã Bình Lư',
        kind: 'cluster',
        organizerOrganizationId: await t.organizationId(COMMUNE.name),
        members: [{ organizationId: ids.get(UNITS.banBinhLu.name), representativeUserId: reps.get(UNITS.htxNongNghiep.name) }],
      });
    expect(expectErrorShape(outsider, 422).details).toMatchObject({ rule: 'block-representative-organization' });
    expectErrorShape(
      await t
        .http()
        .post('/api/emulation-blocks')
        .set('Authorization', await c.as(UNITS.banBinhLu.submitter))
        .send({ name: 'Cụm thi đua', kind: 'cluster', organizerOrganizationId: await t.organizationId(COMMUNE.name) }),
      403,
    );

    const created = await t
      .http()
      .post('/api/emulation-blocks')
      .set('Authorization', await secretary())
      .send({
        name: 'Cụm thi đua các đơn vị xã Bình Lư',
        kind: 'cluster',
        organizerOrganizationId: await t.organizationId(COMMUNE.name),
        members: units.map((unit) => ({ organizationId: ids.get(unit.name), representativeUserId: reps.get(unit.name) })),
      });
    expectStatus(created, 201);
    blockId = created.body.id;
    expect(created.body).toMatchObject({ kind: 'cluster', kindLabel: 'cụm thi đua', electionMinPercent: 50, leads: [] });
    expect(created.body.members).toHaveLength(5);
    const listed = await t.http().get('/api/emulation-blocks').set('Authorization', await c.as(UNITS.truongTieuHoc.submitter));
    expect(listed.body.map((block: { id: string }) => block.id)).toEqual([blockId]);
  });

  it('elects the candidate with the most yes votes above half of all members, each representative recused from their own unit', async () => {
    const truong = ids.get(UNITS.truongTieuHoc.name)!;
    const htx = ids.get(UNITS.htxNongNghiep.name)!;
    const stranger = await t.organizationId('Văn phòng UBND tỉnh Lai Châu');
    const notMember = await t
      .http()
      .post(`/api/emulation-blocks/${blockId}/elections`)
      .set('Authorization', await secretary())
      .send({ year: 2026, meetingDate: '2026-12-05', candidateOrganizationIds: [truong, stranger] });
    expect(expectErrorShape(notMember, 422).details).toMatchObject({ rule: 'block-candidate-member', organizationIds: [stranger] });

    const scheduled = await t
      .http()
      .post(`/api/emulation-blocks/${blockId}/elections`)
      .set('Authorization', await secretary())
      .send({ year: 2026, meetingDate: '2026-12-05', candidateOrganizationIds: [truong, htx] });
    expectStatus(scheduled, 201);
    expect(scheduled.body).toMatchObject({ kind: 'block-election', year: 2026, status: 'scheduled', place: 'Bình Lư' });
    const sessionId = scheduled.body.id;
    const open = await c.open(sessionId, units.map((unit) => ({ userId: reps.get(unit.name)!, status: 'present' })));
    expectStatus(open, 200);
    const [truongItem, htxItem] = open.body.items;
    expect(truongItem).toMatchObject({ title: UNITS.truongTieuHoc.name, eligibleVoters: 4, councilRule: { kind: 'share-of-all', minPercent: 50 } });
    expect(truongItem.recusals).toEqual([expect.objectContaining({ userId: reps.get(UNITS.truongTieuHoc.name), reason: 'proposing-unit' })]);
    expect(htxItem.recusals).toEqual([expect.objectContaining({ userId: reps.get(UNITS.htxNongNghiep.name), reason: 'proposing-unit' })]);

    const own = await c.vote(sessionId, truongItem.id, UNITS.truongTieuHoc.submitter, 'yes');
    expect(expectErrorShape(own, 422).details).toEqual({ rule: 'council-recusal' });
    expectErrorShape(await c.vote(sessionId, truongItem.id, UNITS.vanPhongUbndTinh.submitter, 'yes'), 403);

    const ballots: Array<[string, Choice | null, Choice | null]> = [
      [UNITS.banBinhLu.submitter, 'yes', 'no'],
      [UNITS.htxNongNghiep.submitter, 'yes', null],
      [UNITS.truongTieuHoc.submitter, null, 'yes'],
      [UNITS.congTyChe.submitter, 'yes', 'no'],
      [UNITS.trungTamDichVu.submitter, 'no', 'abstain'],
    ];
    // Everyone votes on both candidates at once (each skipping their own unit).
    const answers = await Promise.all(
      ballots.flatMap(([user, forTruong, forHtx]) => [
        ...(forTruong ? [c.vote(sessionId, truongItem.id, user, forTruong)] : []),
        ...(forHtx ? [c.vote(sessionId, htxItem.id, user, forHtx)] : []),
      ]),
    );
    for (const answer of answers) expectStatus(answer, 201);

    const closed = await c.close(sessionId);
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      minutesNumber: '01/BB-CKTĐ',
      election: { elected: { organizationId: truong, name: UNITS.truongTieuHoc.name, yesVotes: 3 } },
    });
    expect(closed.body.items[0]).toMatchObject({ outcome: 'elected', result: { members: 5, present: 5, yes: 3, no: 1, abstain: 0, recused: 1, yesShareOfAllMembers: '60%' } });
    expect(closed.body.items[1]).toMatchObject({ outcome: 'not-elected', result: { members: 5, yes: 1, no: 2, abstain: 1, yesShareOfAllMembers: '20%' } });

    const block = await t.http().get(`/api/emulation-blocks/${blockId}`).set('Authorization', await c.as(UNITS.truongTieuHoc.submitter));
    expectStatus(block, 200);
    expect(block.body.leads).toEqual([
      expect.objectContaining({ year: 2026, organizationId: truong, name: UNITS.truongTieuHoc.name, sessionId, yesVotes: 3, members: 5 }),
    ]);

    // The nominee registry's entry of the collective gains the year's block result ("led its block in 2026").
    const entries = await t.http().get('/api/nominees').query({ kind: 'collective', organizationId: truong }).set('Authorization', await c.as(COMMUNE.appraiser));
    expectStatus(entries, 200);
    const entry = entries.body.items.find((candidate: { name: string }) => candidate.name === UNITS.truongTieuHoc.name);
    const detail = await t.http().get(`/api/nominees/${entry.id}`).set('Authorization', await c.as(COMMUNE.appraiser));
    expectStatus(detail, 200);
    expect(detail.body.blockResults).toEqual([expect.objectContaining({ year: 2026, blockName: 'Cụm thi đua các đơn vị xã Bình Lư' })]);

    const { xml } = await c.documentXml(sessionId, 'meeting', UNITS.banBinhLu.submitter);
    const text = textOf(xml);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỤM THI ĐUA CÁC ĐƠN VỊ XÃ BÌNH LƯ', 'Số: 01/BB-CKTĐ']));
    expect(text).toContain(`Kết quả: ${UNITS.truongTieuHoc.name} được suy tôn là tập thể dẫn đầu Cụm thi đua các đơn vị xã Bình Lư năm 2026.`);
    expect(tableRows(xml)).toContainEqual(['1', UNITS.truongTieuHoc.name, '', '3', '1', '0', '60%', 'Được suy tôn']);

    const again = await t
      .http()
      .post(`/api/emulation-blocks/${blockId}/elections`)
      .set('Authorization', await secretary())
      .send({ year: 2026, meetingDate: '2026-12-10', candidateOrganizationIds: [htx] });
    expect(expectErrorShape(again, 409).code).toBe('BLOCK_LEAD_EXISTS');
  });

  it('lets only the organizer’s council secretary schedule an election (403)', async () => {
    for (const user of [UNITS.banBinhLu.submitter, COMMUNE.councilMember, ADMIN]) {
      const refused = await t
        .http()
        .post(`/api/emulation-blocks/${blockId}/elections`)
        .set('Authorization', await c.as(user))
        .send({ year: 2027, meetingDate: '2027-12-05', candidateOrganizationIds: [ids.get(UNITS.banBinhLu.name)] });
      expectErrorShape(refused, 403);
    }
    const sessions = await t.http().get('/api/council-sessions').query({ emulationBlockId: blockId }).set('Authorization', await secretary());
    expect(sessions.body).toHaveLength(1);
    // A representative sees the election they sat in; someone outside the block does not.
    const representative = await t.http().get('/api/council-sessions').set('Authorization', await c.as(UNITS.congTyChe.submitter));
    expect(representative.body.map((session: { id: string }) => session.id)).toEqual([sessions.body[0].id]);
    const outsider = await t.http().get('/api/council-sessions').set('Authorization', await c.as(UNITS.vanPhongUbndTinh.submitter));
    expect(outsider.body).toEqual([]);
    expectErrorShape(await t.http().get(`/api/council-sessions/${sessions.body[0].id}`).set('Authorization', await c.as(UNITS.vanPhongUbndTinh.submitter)), 403);
  });
});
