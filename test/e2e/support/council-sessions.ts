import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'supertest';
import type { TestApp } from '../../support/test-app';
import { ADMIN, COMMUNE } from './binh-lu-fixtures';
import { expectStatus } from './nomination-driver';

/**
 * The council of UBND xã Bình Lư as the council tests build it: the demo's three council members (chair, secretary,
 * a member) and more members created through the admin API, all with the `council-member` role at the commune.
 */
export const COUNCIL_PASSWORD = 'HoiDong@BinhLu2026';

/** Further members of the commune's council, in the order they are added. */
export const MORE_MEMBERS = [
  { username: 'hd.luongvanhung', fullName: 'Lường Văn Hùng', position: 'vice-chair' },
  { username: 'hd.dieuthilan', fullName: 'Điêu Thị Lan', position: 'member' },
  { username: 'hd.lovanminh', fullName: 'Lò Văn Minh', position: 'member' },
  { username: 'hd.tongvanquy', fullName: 'Tòng Văn Quý', position: 'member' },
  { username: 'hd.vangachu', fullName: 'Vàng A Chứ', position: 'member' },
  { username: 'hd.hoangthithao', fullName: 'Hoàng Thị Thảo', position: 'member' },
  { username: 'hd.sungthimy', fullName: 'Sùng Thị Mỷ', position: 'member' },
] as const;

export interface CouncilMember {
  username: string;
  fullName: string;
  userId: string;
  position: string;
  termId: string;
}

export type Choice = 'yes' | 'no' | 'abstain';

export function councilSessions(t: TestApp) {
  const tokens = new Map<string, string>();

  async function tokenOf(username: string): Promise<string> {
    if (!tokens.has(username)) {
      const demo = await t.http().post('/api/auth/login').send({ username, password: 'BinhLu@2026' });
      const response = demo.status === 200 ? demo : await t.http().post('/api/auth/login').send({ username, password: COUNCIL_PASSWORD });
      expectStatus(response, 200);
      tokens.set(username, response.body.accessToken);
    }
    return tokens.get(username)!;
  }

  const as = async (username: string) => `Bearer ${await tokenOf(username)}`;

  async function userIdOf(username: string): Promise<string> {
    const users = await t.http().get('/api/users').set('Authorization', await as(ADMIN));
    expectStatus(users, 200);
    const user = users.body.find((candidate: { username: string }) => candidate.username === username);
    if (!user) throw new Error(`No user ${username}`);
    return user.id;
  }

  /** A user of UBND xã Bình Lư with the council-member role, created by the administrator. */
  async function createCouncilUser(username: string, fullName: string): Promise<string> {
    const response = await t
      .http()
      .post('/api/users')
      .set('Authorization', await as(ADMIN))
      .send({ username, password: COUNCIL_PASSWORD, fullName, organizationId: await t.organizationId(COMMUNE.name), roles: ['council-member'] });
    expectStatus(response, 201);
    return response.body.id;
  }

  async function addMember(councilId: string, userId: string, position: string, from: string, to?: string): Promise<string> {
    const response = await t
      .http()
      .post(`/api/councils/${councilId}/members`)
      .set('Authorization', await as(COMMUNE.secretary))
      .send({ userId, position, from, ...(to ? { to } : {}) });
    expectStatus(response, 201);
    const term = response.body.members.filter((member: { userId: string }) => member.userId === userId).pop();
    return term.id;
  }

  /**
   * The commune's council with `size` members whose terms start on `from`: the chair (Chủ tịch UBND xã), the
   * secretary, the demo member, then as many of MORE_MEMBERS as needed (created as users first).
   */
  async function communeCouncil(size: number, from: string) {
    const created = await t.http().post('/api/councils').set('Authorization', await as(ADMIN)).send({ organizationId: await t.organizationId(COMMUNE.name) });
    expectStatus(created, 201);
    const councilId: string = created.body.id;
    const members: CouncilMember[] = [];
    const demo = [
      { username: COMMUNE.signer, position: 'chair' },
      { username: COMMUNE.secretary, position: 'secretary' },
      { username: COMMUNE.councilMember, position: 'member' },
    ];
    for (const { username, position } of demo.slice(0, size)) {
      const userId = await userIdOf(username);
      const termId = await addMember(councilId, userId, position, from);
      members.push({ username, fullName: '', userId, position, termId });
    }
    for (const extra of MORE_MEMBERS.slice(0, Math.max(0, size - demo.length))) {
      const userId = await createCouncilUser(extra.username, extra.fullName);
      const termId = await addMember(councilId, userId, extra.position, from);
      members.push({ username: extra.username, fullName: extra.fullName, userId, position: extra.position, termId });
    }
    return { councilId, members };
  }

  async function schedule(councilId: string, meetingDate: string, nominationIds: string[], by = COMMUNE.secretary): Promise<Response> {
    return t.http().post('/api/council-sessions').set('Authorization', await as(by)).send({ councilId, meetingDate, nominationIds });
  }

  async function open(sessionId: string, attendance: Array<{ userId: string; status: string }>, by = COMMUNE.secretary): Promise<Response> {
    return t.http().post(`/api/council-sessions/${sessionId}/open`).set('Authorization', await as(by)).send({ attendance });
  }

  async function vote(sessionId: string, itemId: string, username: string, choice: Choice): Promise<Response> {
    return t.http().post(`/api/council-sessions/${sessionId}/items/${itemId}/ballots`).set('Authorization', await as(username)).send({ choice });
  }

  async function close(sessionId: string, body: Record<string, unknown> = {}, by = COMMUNE.secretary): Promise<Response> {
    return t.http().post(`/api/council-sessions/${sessionId}/close`).set('Authorization', await as(by)).send(body);
  }

  async function session(sessionId: string, by = COMMUNE.secretary): Promise<Record<string, any>> {
    const response = await t.http().get(`/api/council-sessions/${sessionId}`).set('Authorization', await as(by));
    expectStatus(response, 200);
    return response.body;
  }

  /** Casts the listed ballots one after another; each must be accepted. */
  async function castAll(sessionId: string, itemId: string, ballots: Array<[string, Choice]>) {
    for (const [username, choice] of ballots) expectStatus(await vote(sessionId, itemId, username, choice), 201);
  }

  /** Downloads a DOCX of the minutes and answers its `word/document.xml`. */
  async function documentXml(sessionId: string, document: 'meeting' | 'tally-sheet', by = COMMUNE.secretary): Promise<{ xml: string; response: Response }> {
    const response = await t
      .http()
      .get(`/api/council-sessions/${sessionId}/minutes/${document}.docx`)
      .set('Authorization', await as(by))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expectStatus(response, 200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
    return { xml: strFromU8(files['word/document.xml']), response };
  }

  return { as, tokenOf, userIdOf, createCouncilUser, addMember, communeCouncil, schedule, open, vote, close, session, castAll, documentXml };
}

/** The text of every table row of a WordprocessingML body, each row as its cells' text. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...row[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1])),
  );
}

/** The text of a piece of WordprocessingML: every `w:t`, paragraphs joined by new lines. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)]
    .map((paragraph) => [...paragraph[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((run) => unescape(run[1])).join(''))
    .join('\n')
    .trim();
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
