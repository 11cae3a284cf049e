import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { In, MoreThan, type DataSource } from 'typeorm';
import { checkAuditChain, checkReplay, type ChainedEvent, type StoredLogEntry } from '../../workflows';
import type { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { DossierDocumentEntity } from '../dossiers/dossier-document.entity';
import { NominationEventEntity } from '../nominations/nomination-event.entity';
import { NominationEntity } from '../nominations/nomination.entity';

export type IntegrityCheck = 'machine' | 'replay' | 'chain' | 'document';

/** One thing found wrong, located: the nomination, the log row (seq) it shows at, what. */
export interface IntegrityProblem {
  nominationId: string;
  seq: number;
  check: IntegrityCheck;
  kind: string;
  message: string;
  documentId?: string;
}

export interface IntegrityReport {
  nominations: number;
  events: number;
  documents: number;
  problems: IntegrityProblem[];
}

export interface IntegritySources {
  dataSource: DataSource;
  /** With the kept machine definitions adopted (MachineArchive.load), so old versions replay on their machine. */
  catalog: WorkflowCatalog;
  documentsDir: string;
}

const BATCH = 200;

/**
 * `npm run verify`: every nomination's log replayed through its machine version and compared with the stored
 * snapshot and state, the audit chain of every log, and every dossier document's file (size and SHA-256) against its
 * row. Reads only; nominations are taken in batches by id, so memory stays flat whatever the database holds.
 */
export async function verifyIntegrity({ dataSource, catalog, documentsDir }: IntegritySources): Promise<IntegrityReport> {
  const report: IntegrityReport = { nominations: 0, events: 0, documents: 0, problems: [] };
  const nominations = dataSource.getRepository(NominationEntity);
  let after = '';
  for (;;) {
    const rows = await nominations.find({ where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: BATCH });
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const ids = rows.map((row) => row.id);
    const events = await dataSource.getRepository(NominationEventEntity).find({ where: { nominationId: In(ids) }, order: { nominationId: 'ASC', seq: 'ASC' } });
    const documents = await dataSource.getRepository(DossierDocumentEntity).find({ where: { nominationId: In(ids) }, order: { nominationId: 'ASC', uploadedAt: 'ASC' } });
    const logs = groupBy(events, (event) => event.nominationId);
    for (const row of rows) {
      const log = logs.get(row.id) ?? [];
      report.nominations += 1;
      report.events += log.length;
      report.problems.push(...checkNomination(catalog, row, log));
    }
    for (const document of documents) {
      report.documents += 1;
      const problem = await checkDocument(documentsDir, document);
      if (problem) report.problems.push(problem);
    }
  }
  // Log rows and documents whose nomination row is gone are problems too (a deleted nomination).
  const orphans: Array<{ nomination_id: string; seq: number | string }> = await dataSource.query(
    'SELECT e.nomination_id, MIN(e.seq) AS seq FROM nomination_events e LEFT JOIN nominations n ON n.id = e.nomination_id WHERE n.id IS NULL GROUP BY e.nomination_id',
  );
  for (const orphan of orphans) {
    report.problems.push({ nominationId: orphan.nomination_id, seq: Number(orphan.seq), check: 'chain', kind: 'nomination-missing', message: 'nhật ký còn nhưng hồ sơ đã bị xoá' });
  }
  return report;
}

function checkNomination(catalog: WorkflowCatalog, row: NominationEntity, log: NominationEventEntity[]): IntegrityProblem[] {
  const problems: IntegrityProblem[] = checkAuditChain(row.id, log as ChainedEvent[], row.version).map((problem) => ({ ...problem, check: 'chain' as const }));
  const found = catalog.workflowAt(row.ruleSetId, row.formCode, row.machineVersion);
  if (!found.workflow) {
    problems.push({ nominationId: row.id, seq: Math.max(row.version - 1, 0), check: 'machine', kind: 'machine-version-unknown', message: found.reason });
    return problems;
  }
  const replay = checkReplay(found.workflow, row, log as StoredLogEntry[]);
  return [...problems, ...replay.map((problem) => ({ ...problem, check: 'replay' as const }))];
}

async function checkDocument(documentsDir: string, document: DossierDocumentEntity): Promise<IntegrityProblem | null> {
  const problem = (kind: string, message: string): IntegrityProblem => ({
    nominationId: document.nominationId,
    seq: document.nominationVersion - 1,
    check: 'document',
    kind,
    message: `tài liệu ${document.code} phiên bản ${document.version} (${document.id}): ${message}`,
    documentId: document.id,
  });
  const root = resolve(documentsDir);
  const path = resolve(root, document.storageKey);
  if (!path.startsWith(root + sep)) return problem('document-path', `đường dẫn lưu trữ "${document.storageKey}" nằm ngoài thư mục tài liệu`);
  try {
    const { size } = await stat(path);
    if (size !== document.sizeBytes) return problem('document-size', `tệp có ${size} byte, bản ghi ghi ${document.sizeBytes} byte`);
    const digest = await sha256Of(path);
    if (digest !== document.sha256) return problem('document-hash', `SHA-256 của tệp (${digest}) khác bản ghi (${document.sha256})`);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return problem('document-missing', `không có tệp ${document.storageKey}`);
    throw error;
  }
}

function sha256Of(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => ok(hash.digest('hex')));
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The report as the CLI prints it: one line per problem (nomination, seq, what), then the totals. */
export function formatIntegrityReport(report: IntegrityReport): string {
  const lines = report.problems.map(
    (problem) => `- hồ sơ ${problem.nominationId}, dòng nhật ký ${problem.seq} [${problem.check}/${problem.kind}]: ${problem.message}`,
  );
  const summary = `Đã kiểm tra ${report.nominations} hồ sơ, ${report.events} dòng nhật ký, ${report.documents} tài liệu: ${
    report.problems.length ? `${report.problems.length} vấn đề` : 'không có vấn đề nào'
  }`;
  return [...(lines.length ? ['Các vấn đề phát hiện được:', ...lines] : []), summary].join('\n');
}
