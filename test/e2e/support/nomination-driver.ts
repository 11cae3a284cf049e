import type { Response } from 'supertest';
import { provideDocumentsFor } from '../../support/dossier-uploads';
import type { TestApp } from '../../support/test-app';
import { AGENCY, COMMUNE, COUNCIL, PROVINCE, type Nominee } from './binh-lu-fixtures';
import { defaultCriterion, officeKeeping, recordEligibleHistory } from './nominee-history';

/** The nomination as GET /api/nominations/:id shows it (only the fields the tests read are typed). */
export interface NominationView {
  id: string;
  formCode: string;
  state: string;
  level: string | null;
  statusLabel: string;
  allowedEvents: string[];
  version: number;
  organizationId: string;
  route: Array<{ level: string; organizationId: string | null; organizationName: string | null }>;
  deadlines: { current: { level: string; step: string; dueDate: string; startedAt: string; overdue: boolean } | null };
  [field: string]: any;
}

export interface HistoryEntry {
  seq: number;
  type: string;
  actor: { userId: string; username: string };
  at: string;
  fromState: string | null;
  toState: string;
  payload: Record<string, any>;
}

/** What must not move when a request is refused. */
export interface Fingerprint {
  version: number;
  state: string;
  events: number;
}

export type NominationEventBody = { type: string } & Record<string, unknown>;

const ERROR_KEYS = ['statusCode', 'error', 'code', 'message', 'details'];
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Fails with the answer's body in the message, so a wrong status explains itself. */
export function expectStatus(response: Response, status: number): void {
  if (response.status !== status) {
    throw new Error(
      `${response.request?.method ?? ''} ${response.request?.url ?? ''} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body ?? response.text)}`,
    );
  }
}

/** The one error shape of api.md: {statusCode, error, message, details?} (plus a stable `code`), message in Vietnamese. */
export function expectErrorShape(response: Response, status: number): Record<string, any> {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/application\/json/);
  const body = response.body as Record<string, any>;
  expect(Object.keys(body).every((key) => ERROR_KEYS.includes(key))).toBe(true);
  expect(body.statusCode).toBe(status);
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.message).toMatch(VIETNAMESE);
  expect(JSON.stringify(body)).not.toMatch(/at \S+\.(ts|js):\d+|QueryFailedError|SQLITE|stack/i);
  return body;
}

/** The field names a 400 answer lists in `details.fields`. */
export function badFields(body: Record<string, any>): string[] {
  return ((body.details?.fields ?? []) as Array<{ field: string }>).map((entry) => entry.field);
}

const OFFICES: Record<string, { appraiser: string; secretary: string; signer: string }> = {
  commune: COMMUNE,
  province: PROVINCE,
  agency: AGENCY,
};

const COUNTS: Record<string, object> = {
  commune: COUNCIL.communeUnanimous,
  province: COUNCIL.provinceMajority,
  agency: { members: 7, present: 7, yes: 7, no: 0, abstain: 0 },
};

/**
 * Named steps over the HTTP API for the e2e tests: draft a nomination as a demo user, send events as the users
 * who hold the roles, and drive a nomination along its form's route to a given state.
 */
export function nominationDriver(t: TestApp) {
  const owners = new Map<string, string>();
  let nextNumber = 100;

  const bearer = async (as: string) => `Bearer ${await t.tokenOf(as)}`;

  /** A decision (QĐ) where this level grants the award, a submission (Tờ trình) where it forwards. */
  function documentNumber(kind: 'decision' | 'submission'): string {
    return `${nextNumber++}/${kind === 'decision' ? 'QĐ' : 'TTr'}-UBND`;
  }

  /**
   * A new draft by `as`, holding the documents SUBMIT checks (generated PDFs named after each), unless
   * `withDocuments: false`.
   */
  async function draft(
    as: string,
    formCode: string,
    nominee: Nominee | Record<string, unknown>,
    extra: Record<string, unknown> = {},
    { withDocuments = true, withHistory = true } = {},
  ) {
    // The nominee claims the form's first alternative written for it, and (unless `withHistory: false`) its office
    // records in the registry the history that alternative needs: fixture nominees are eligible.
    const criterion = extra.nomineeId ? undefined : defaultCriterion(formCode, nominee);
    const body = extra.nomineeId ? { formCode, ...extra } : { formCode, nominee, ...(criterion ? { criterion } : {}), ...extra };
    const response = await t.http().post('/api/nominations').set('Authorization', await bearer(as)).send(body);
    expectStatus(response, 201);
    owners.set(response.body.id, as);
    if (withHistory) await recordEligibleHistory(t, officeKeeping(as), response.body);
    if (!withDocuments || !(await provideDocumentsFor(t, await bearer(as), response.body.id, 'SUBMIT'))) return response.body as NominationView;
    return view(as, response.body.id);
  }

  async function send(as: string, id: string, event: NominationEventBody, headers: Record<string, string> = {}): Promise<Response> {
    const request = t.http().post(`/api/nominations/${id}/events`).set('Authorization', await bearer(as));
    for (const [name, value] of Object.entries(headers)) request.set(name, value);
    return request.send(event);
  }

  /**
   * Sends an event that must be accepted, after uploading as `as` any document it checks that is still missing;
   * answers the nomination after it. (`send` and `refuse` upload nothing.)
   */
  async function step(as: string, id: string, event: NominationEventBody, headers: Record<string, string> = {}) {
    await provideDocumentsFor(t, await bearer(as), id, event.type);
    const response = await send(as, id, event, headers);
    expectStatus(response, 200);
    return response.body as NominationView;
  }

  async function get(as: string, id: string): Promise<Response> {
    return t.http().get(`/api/nominations/${id}`).set('Authorization', await bearer(as));
  }

  async function view(as: string, id: string): Promise<NominationView> {
    const response = await get(as, id);
    expectStatus(response, 200);
    return response.body as NominationView;
  }

  async function history(as: string, id: string): Promise<HistoryEntry[]> {
    const response = await t.http().get(`/api/nominations/${id}/history`).set('Authorization', await bearer(as));
    expectStatus(response, 200);
    return response.body as HistoryEntry[];
  }

  async function list(as: string, query: Record<string, string | number> = {}): Promise<Response> {
    return t.http().get('/api/nominations').query(query).set('Authorization', await bearer(as));
  }

  /** Version, state and event count, read by someone who may read the nomination (its owner by default). */
  async function fingerprint(id: string, observer = owners.get(id)): Promise<Fingerprint> {
    if (!observer) throw new Error(`No observer known for nomination ${id}`);
    const current = await view(observer, id);
    return { version: current.version, state: current.state, events: (await history(observer, id)).length };
  }

  /**
   * Sends an event that must be refused with `status`, checks the error shape, and checks that nothing changed:
   * same version, same state, same number of events in the history.
   */
  async function refuse(as: string, id: string, event: NominationEventBody, status: number, headers: Record<string, string> = {}) {
    const before = await fingerprint(id);
    const response = await send(as, id, event, headers);
    const body = expectErrorShape(response, status);
    expect(await fingerprint(id)).toEqual(before);
    return body;
  }

  /** The usual next step from `state` and the user who holds it (the happy path of every form); null at the end. */
  function nextStep(current: NominationView): { as: string; event: NominationEventBody } | null {
    const [head, stage] = current.state.split('.');
    if (current.state === 'draft') return { as: owners.get(current.id)!, event: { type: 'SUBMIT' } };
    const levelIndex = current.route.findIndex((entry) => entry.level === head);
    if (levelIndex < 0) return null;
    if (stage === 'awaitingExternalDecision') {
      const below = OFFICES[current.route[levelIndex - 1].level];
      return {
        as: below.appraiser,
        event: { type: 'RECORD_EXTERNAL_DECISION', number: `${nextNumber++}/QĐ-TTg`, date: '2026-12-20', authority: 'Thủ tướng Chính phủ' },
      };
    }
    const office = OFFICES[head];
    if (!office) throw new Error(`No office drives ${current.state}`);
    switch (stage) {
      case 'received':
        return { as: office.appraiser, event: { type: 'ACCEPT' } };
      case 'appraisal':
        return { as: office.appraiser, event: { type: 'APPRAISAL_PASSED', note: 'Hồ sơ đầy đủ, đạt tiêu chuẩn' } };
      case 'supplementRequested':
        return {
          as: levelIndex === 0 ? owners.get(current.id)! : OFFICES[current.route[levelIndex - 1].level].appraiser,
          event: { type: 'RESUBMIT', note: 'Đã bổ sung đầy đủ' },
        };
      case 'councilReview':
        return {
          as: office.secretary,
          event: { type: 'COUNCIL_APPROVED', counts: COUNTS[head], meetingDate: '2026-11-10', minutesNumber: `${nextNumber++}/BB-HĐTĐKT` },
        };
      case 'awaitingSignature': {
        const grants = levelIndex === current.route.length - 1;
        return { as: office.signer, event: { type: 'SIGN', number: documentNumber(grants ? 'decision' : 'submission') } };
      }
      default:
        throw new Error(`No step forward from ${current.state}`);
    }
  }

  async function forward(current: NominationView): Promise<NominationView> {
    const next = nextStep(current);
    if (!next) throw new Error(`No step forward from ${current.state}`);
    return step(next.as, current.id, next.event);
  }

  /**
   * Drives a nomination along the happy path until it reaches `target`, each step's documents uploaded by whoever
   * provides them; there, the documents the next step will check are uploaded too (the council minutes and the Tờ
   * trình to the next level at `awaitingSignature`, for instance), unless `prepareNext: false`.
   */
  async function advanceTo(id: string, target: string, { prepareNext = true } = {}): Promise<NominationView> {
    let current = await view(owners.get(id)!, id);
    for (let guard = 0; current.state !== target; guard++) {
      if (guard > 20 || ['awarded', 'rejected', 'withdrawn', 'revoked'].includes(current.state)) {
        throw new Error(`Nomination ${id} stopped at ${current.state} on its way to ${target}`);
      }
      current = await forward(current);
    }
    const next = prepareNext ? nextStep(current) : null;
    if (next && (await provideDocumentsFor(t, await bearer(next.as), id, next.event.type))) current = await view(owners.get(id)!, id);
    return current;
  }

  /** A new nomination drafted by `as` and driven to `target` (e.g. `commune.councilReview`). */
  async function nominationAt(as: string, formCode: string, nominee: Nominee | Record<string, unknown>, target: string) {
    const drafted = await draft(as, formCode, nominee);
    return target === 'draft' ? drafted : advanceTo(drafted.id, target);
  }

  return { bearer, documentNumber, draft, send, step, get, view, history, list, fingerprint, refuse, advanceTo, nominationAt, ownerOf: (id: string) => owners.get(id) };
}

export type NominationDriver = ReturnType<typeof nominationDriver>;
