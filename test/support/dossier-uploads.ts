import type { Test } from 'supertest';
import type { TestApp } from './test-app';
import { DOSSIER_FILES } from './dossier-files';

/** One required document as GET /api/nominations/:id/documents/checklist shows it. */
export interface ChecklistItem {
  code: string;
  name: string;
  label: string;
  level: string;
  checkedAt: 'entry' | 'appraisal' | 'council';
  checks: Array<{ event: string; state: string }>;
  providedBy: { at: 'owner' | 'level'; level?: string; organizationId: string | null };
  state: 'present' | 'missing';
  checkedFromCurrentState: boolean;
  document: { id: string; version: number; fileName: string } | null;
}

export interface DocumentFile {
  content: Buffer;
  fileName: string;
  /** What the client claims; the service never believes it. */
  contentType?: string;
}

/** The events that check documents: only these need any uploaded first. */
export const DOCUMENT_CHECKING_EVENTS = ['SUBMIT', 'RESUBMIT', 'APPRAISAL_PASSED', 'SIGN'];

/** POST /api/nominations/:id/documents as multipart/form-data: `file`, `code`, and any other field given. */
export function uploadDocument(
  t: TestApp,
  authorization: string,
  nominationId: string,
  code: string | undefined,
  file: DocumentFile | undefined,
  fields: Record<string, string> = {},
): Test {
  const request = t.http().post(`/api/nominations/${nominationId}/documents`).set('Authorization', authorization);
  if (code !== undefined) request.field('code', code);
  for (const [name, value] of Object.entries(fields)) request.field(name, value);
  if (file) request.attach('file', file.content, { filename: file.fileName, contentType: file.contentType ?? 'application/pdf' });
  return request;
}

export async function checklistOf(t: TestApp, authorization: string, nominationId: string): Promise<{ nominationState: string; missing: number; items: ChecklistItem[] }> {
  const response = await t.http().get(`/api/nominations/${nominationId}/documents/checklist`).set('Authorization', authorization);
  if (response.status !== 200) throw new Error(`checklist answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A small PDF whose text is the document's Vietnamese name, as an office would scan and upload it. */
export function pdfFor(label: string, nominationId: string): DocumentFile {
  return { content: DOSSIER_FILES.pdf(label, [`Hồ sơ ${nominationId}`]), fileName: `${label}.pdf` };
}

/**
 * Uploads, as the caller, every missing document that `event` sent now would check (see the checklist's `checks`),
 * each a generated PDF named after it. Answers how many were uploaded.
 */
export async function provideDocumentsFor(t: TestApp, authorization: string, nominationId: string, event: string): Promise<number> {
  if (!DOCUMENT_CHECKING_EVENTS.includes(event)) return 0;
  const checklist = await checklistOf(t, authorization, nominationId);
  const needed = checklist.items.filter(
    (item) => item.state === 'missing' && item.checks.some((check) => check.event === event && check.state === checklist.nominationState),
  );
  for (const item of needed) {
    const response = await uploadDocument(t, authorization, nominationId, item.code, pdfFor(item.label, nominationId), { level: item.level });
    if (response.status !== 201) throw new Error(`upload of ${item.code} for ${event} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return needed.length;
}
