import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  EVENT_LABELS,
  LEVEL_LABELS,
  requiredDocumentSlots,
  slotKey,
  slotsCheckedBy,
  statusLabel,
  type AwardForm,
  type DossierSlot,
  type Level,
  type NominationEventType,
} from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { AppError, badInput, conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import type { FieldProblem } from '../common/validation';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import { assertExpectedVersion, commitStep, staleVersion } from '../nominations/nomination-log';
import { NominationReader } from '../nominations/nomination-reader';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { DossierDocumentEntity } from './dossier-document.entity';
import { DocumentStorage } from './document-storage';
import { documentFileName } from './file-names';
import { acceptedTypesLabel, detectFileType, DOCUMENT_FILE_TYPES } from './file-type';
import { resolveUploadTarget, uploadContexts } from './upload-policy';

/** The part of a multipart upload the service reads (multer's memory storage). */
export interface UploadedDocumentFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface UploadDocumentInput {
  code?: unknown;
  level?: unknown;
  file?: UploadedDocumentFile;
}

/** One version of a document as the API shows it. */
export interface DocumentView {
  id: string;
  nominationId: string;
  code: string;
  name: string;
  level: Level;
  levelLabel: string;
  version: number;
  current: boolean;
  fileName: string;
  fileType: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: { userId: string; username: string };
  uploadedForOrganizationId: string;
  nominationState: string;
  nominationVersion: number;
  contentUrl: string;
}

const FINISHED = ['awarded', 'rejected', 'withdrawn', 'revoked'];

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}

/**
 * The documents of a nomination's dossier: uploads (checked, hashed, stored on disk and recorded in one
 * transaction with a `DOCUMENT_UPLOADED` entry of the nomination's log), their versions, their content, and the
 * checklist of what the nomination's form requires and when.
 */
@Injectable()
export class DossierDocumentsService {
  private readonly logger = new Logger('DossierDocuments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly reader: NominationReader,
    private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The documents a nomination needs, by its form and nominee, on its route. */
  slotsFor(form: AwardForm, row: NominationEntity, route: Level[] = [row.entryLevel, ...form.upperLevels]): DossierSlot[] {
    return requiredDocumentSlots(form, {
      route,
      nomineeKind: row.nomineeKind,
      nomineeCategory: (row.nominee as { category?: string } | null)?.category ?? null,
      externalLevels: this.config.externalLevels,
    });
  }

  /** The Vietnamese name of a document kind in the nomination's rule set. */
  kindName(ruleSetId: string, code: string): string {
    return this.catalog.registry.byId(ruleSetId)?.documentKinds.find((kind) => kind.code === code)?.name ?? code;
  }

  /** "Tờ trình đề nghị khen thưởng gửi cấp tỉnh", "Biên bản họp Hội đồng … cấp xã": a document and its place. */
  slotLabel(ruleSetId: string, slot: DossierSlot, route: Level[]): string {
    const name = this.kindName(ruleSetId, slot.code);
    if (slot.checkedAt === 'council') return `${name} ${LEVEL_LABELS[slot.level]}`;
    if (slot.checkedAt === 'entry' && route.indexOf(slot.level) > 0) return `${name} gửi ${LEVEL_LABELS[slot.level]}`;
    return name;
  }

  /** The current version of each document of a nomination, by `code@level`. */
  async currentDocuments(manager: EntityManager, nominationId: string): Promise<Map<string, DossierDocumentEntity>> {
    const rows = await manager.find(DossierDocumentEntity, { where: { nominationId }, order: { version: 'ASC' } });
    return new Map(rows.map((row) => [slotKey(row), row]));
  }

  /** The required documents an event sent now would check and that are missing (the demo seeder fills them). */
  async missingFor(nominationId: string, event: NominationEventType): Promise<DossierSlot[]> {
    const row = await this.dataSource.getRepository(NominationEntity).findOneByOrFail({ id: nominationId });
    const current = await this.currentDocuments(this.dataSource.manager, row.id);
    return slotsCheckedBy(this.slotsFor(this.form(row), row), event, row.state).filter((slot) => !current.has(slotKey(slot)));
  }

  async upload(principal: Principal, nominationId: string, input: UploadDocumentInput, ifMatch?: number): Promise<DocumentView> {
    const found = await this.reader.assertReadable(principal, await this.dataSource.getRepository(NominationEntity).findOneBy({ id: nominationId }));
    const { code, level, file } = this.validateInput(found, input);
    // Fail fast before anything is written; the transaction decides again on the row it locks.
    assertExpectedVersion(found, ifMatch);
    await this.target(this.dataSource.manager, principal, found, code, level);
    const prepared = this.prepare(found, code, file);
    const tempPath = await this.storage.writeTemp(file.buffer);
    try {
      return await this.writes.transaction((manager) => this.record(manager, principal, nominationId, { code, level, file }, prepared, tempPath, ifMatch));
    } catch (error) {
      await this.storage.discard(tempPath, prepared.storageKey);
      if (isUniqueViolation(error)) throw staleVersion(nominationId);
      throw error;
    }
  }

  /**
   * An upload inside a transaction the caller owns (a batch Tờ trình attached to every nomination it forwards, in the
   * transaction that signs them): the same checks, version bump and `DOCUMENT_UPLOADED` log row. The file is placed
   * at once; `discard` removes it and must be called if the caller's transaction does not commit.
   */
  async uploadWithin(
    manager: EntityManager,
    principal: Principal,
    nominationId: string,
    input: UploadDocumentInput,
  ): Promise<{ document: DocumentView; discard: () => Promise<void> }> {
    const found = await this.reader.assertReadable(principal, await manager.findOneBy(NominationEntity, { id: nominationId }), manager);
    const { code, level, file } = this.validateInput(found, input);
    const prepared = this.prepare(found, code, file);
    const tempPath = await this.storage.writeTemp(file.buffer);
    const discard = () => this.storage.discard(tempPath, prepared.storageKey);
    try {
      return { document: await this.record(manager, principal, nominationId, { code, level, file }, prepared, tempPath, undefined), discard };
    } catch (error) {
      await discard();
      throw error;
    }
  }

  /** What an upload is before it is written: its type judged from the content (415 otherwise), hash, id and names. */
  private prepare(row: NominationEntity, code: string, file: UploadedDocumentFile) {
    const fileType = detectFileType(file.buffer);
    if (!fileType) {
      throw new AppError(415, 'UNSUPPORTED_DOCUMENT_TYPE', `Nội dung tệp "${file.originalname.normalize('NFC')}" không phải ${acceptedTypesLabel()}; chỉ nhận các định dạng này`, {
        accepted: Object.values(DOCUMENT_FILE_TYPES).map((type) => type.contentType),
      });
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const id = randomUUID();
    const storageKey = `${row.id}/${id}.${DOCUMENT_FILE_TYPES[fileType].extensions[0]}`;
    const fileName = documentFileName(file.originalname, fileType, this.kindName(row.ruleSetId, code));
    return { fileType, sha256, id, storageKey, fileName };
  }

  private async record(
    manager: EntityManager,
    principal: Principal,
    nominationId: string,
    { code, level, file }: { code: string; level: Level | undefined; file: UploadedDocumentFile },
    { fileType, sha256, id, storageKey, fileName }: ReturnType<DossierDocumentsService['prepare']>,
    tempPath: string,
    ifMatch: number | undefined,
  ): Promise<DocumentView> {
    const row = await manager.findOneBy(NominationEntity, { id: nominationId });
    if (!row) throw notFound('Không tìm thấy hồ sơ đề nghị khen thưởng');
    assertExpectedVersion(row, ifMatch);
    const target = await this.target(manager, principal, row, code, level);
    const latest = await manager
      .createQueryBuilder(DossierDocumentEntity, 'd')
      .select('MAX(d.version)', 'version')
      .where('d.nomination_id = :nominationId AND d.code = :code AND d.level = :level', { nominationId, code, level: target.level })
      .getRawOne<{ version: number | string | null }>();
    const version = Number(latest?.version ?? 0) + 1;
    const now = new Date().toISOString();
    const document: DossierDocumentEntity = {
      id,
      nominationId,
      code,
      level: target.level,
      version,
      fileName,
      fileType,
      contentType: DOCUMENT_FILE_TYPES[fileType].contentType,
      sizeBytes: file.buffer.length,
      sha256,
      storageKey,
      uploadedBy: principal.userId,
      uploadedByUsername: principal.username,
      uploadedForOrganizationId: target.context.organizationId,
      uploadedAt: now,
      nominationState: row.state,
      nominationVersion: row.version + 1,
    };
    // The version bump first: it locks the nomination's row, so a concurrent step or upload waits, then finds
    // the version moved and is answered 409, whatever it decided on.
    await commitStep(manager, row, { updatedAt: now }, {
      type: 'DOCUMENT_UPLOADED',
      actor: principal,
      at: now,
      fromState: row.state,
      toState: row.state,
      payload: {
        documentId: id,
        code,
        name: this.kindName(row.ruleSetId, code),
        level: target.level,
        version,
        fileName,
        contentType: document.contentType,
        sizeBytes: document.sizeBytes,
        sha256,
      },
    });
    await manager.insert(DossierDocumentEntity, document as QueryDeepPartialEntity<DossierDocumentEntity>);
    // Last, still inside the transaction: a committed row always has its file; a failed commit removes it.
    await this.storage.place(tempPath, storageKey);
    this.logger.log(
      JSON.stringify({ nomination: row.id, event: 'DOCUMENT_UPLOADED', code, level: target.level, version, actor: principal.username, nominationVersion: row.version + 1 }),
    );
    return this.toView(row.ruleSetId, document, true);
  }

  /** Every document of the dossier: the current version of each and the versions it replaced. */
  async list(principal: Principal, nominationId: string) {
    const row = await this.reader.assertReadable(principal, await this.dataSource.getRepository(NominationEntity).findOneBy({ id: nominationId }));
    const rows = await this.dataSource.getRepository(DossierDocumentEntity).find({ where: { nominationId }, order: { uploadedAt: 'ASC', version: 'ASC' } });
    const route = this.route(row);
    const groups = new Map<string, DossierDocumentEntity[]>();
    for (const document of rows) groups.set(slotKey(document), [...(groups.get(slotKey(document)) ?? []), document]);
    const kinds = this.catalog.registry.byId(row.ruleSetId)?.documentKinds.map((kind) => kind.code) ?? [];
    const items = [...groups.values()]
      .map((versions) => versions.sort((a, b) => b.version - a.version))
      .sort((a, b) => route.indexOf(a[0].level) - route.indexOf(b[0].level) || kinds.indexOf(a[0].code) - kinds.indexOf(b[0].code))
      .map(([current, ...earlier]) => ({
        code: current.code,
        name: this.kindName(row.ruleSetId, current.code),
        level: current.level,
        levelLabel: LEVEL_LABELS[current.level],
        current: this.toView(row.ruleSetId, current, true),
        earlierVersions: earlier.map((document) => this.toView(row.ruleSetId, document, false)),
      }));
    return { items };
  }

  /** One version's metadata and a stream of its file, within the nomination's read scope. */
  async content(principal: Principal, nominationId: string, documentId: string) {
    await this.reader.assertReadable(principal, await this.dataSource.getRepository(NominationEntity).findOneBy({ id: nominationId }));
    const document = await this.dataSource.getRepository(DossierDocumentEntity).findOneBy({ id: documentId, nominationId });
    if (!document) throw notFound('Không tìm thấy tài liệu này trong hồ sơ');
    return { document, ...(await this.storage.open(document.storageKey)) };
  }

  /** Each document the nomination's form requires of it: present or missing, and the steps that check it. */
  async checklist(principal: Principal, nominationId: string) {
    const row = await this.reader.assertReadable(principal, await this.dataSource.getRepository(NominationEntity).findOneBy({ id: nominationId }));
    const route = this.route(row);
    const current = await this.currentDocuments(this.dataSource.manager, row.id);
    const organizations = await this.organizationNames(this.dataSource.manager, [row.organizationId, ...Object.values(row.levelOrganizations)]);
    const items = this.slotsFor(this.form(row), row, route).map((slot) => {
      const document = current.get(slotKey(slot));
      const providerId = slot.providedBy.at === 'owner' ? row.organizationId : (row.levelOrganizations[slot.providedBy.level] ?? null);
      return {
        code: slot.code,
        name: this.kindName(row.ruleSetId, slot.code),
        label: this.slotLabel(row.ruleSetId, slot, route),
        level: slot.level,
        levelLabel: LEVEL_LABELS[slot.level],
        checkedAt: slot.checkedAt,
        checks: slot.checks.map((check) => ({ event: check.event, eventLabel: EVENT_LABELS[check.event], state: check.state, stateLabel: statusLabel(check.state) })),
        providedBy: { ...slot.providedBy, organizationId: providerId, organizationName: providerId ? (organizations.get(providerId) ?? null) : null },
        state: document ? ('present' as const) : ('missing' as const),
        checkedFromCurrentState: slot.checks.some((check) => check.state === row.state),
        document: document
          ? { id: document.id, version: document.version, fileName: document.fileName, uploadedAt: document.uploadedAt, contentUrl: this.contentUrl(document) }
          : null,
      };
    });
    return { nominationId: row.id, nominationState: row.state, missing: items.filter((item) => item.state === 'missing').length, items };
  }

  private form(row: NominationEntity): AwardForm {
    // The machine the nomination was saved with (a kept earlier version too), as the step's dossier-complete check sees it.
    return (this.catalog.workflowAt(row.ruleSetId, row.formCode, row.machineVersion).workflow ?? this.catalog.workflow(row.ruleSetId, row.formCode)).form;
  }

  private route(row: NominationEntity): Level[] {
    return [row.entryLevel, ...this.form(row).upperLevels];
  }

  private validateInput(row: NominationEntity, input: UploadDocumentInput): { code: string; level: Level | undefined; file: UploadedDocumentFile } {
    const problems: FieldProblem[] = [];
    const { file } = input;
    if (!file) problems.push({ field: 'file', problems: ['bắt buộc phải có tệp tài liệu (multipart/form-data, trường "file")'] });
    else if (file.size === 0 || file.buffer.length === 0) problems.push({ field: 'file', problems: ['tệp rỗng'] });
    const code = typeof input.code === 'string' ? input.code.trim() : undefined;
    const kinds = this.catalog.registry.byId(row.ruleSetId)?.documentKinds ?? [];
    if (!code) problems.push({ field: 'code', problems: ['bắt buộc phải có mã loại tài liệu'] });
    else if (!kinds.some((kind) => kind.code === code)) {
      problems.push({ field: 'code', problems: [`không có loại tài liệu "${code}" trong bộ quy định (${kinds.map((kind) => kind.code).join(', ')})`] });
    }
    const level = typeof input.level === 'string' && input.level.trim() ? (input.level.trim() as Level) : undefined;
    if (input.level !== undefined && (!level || !this.route(row).includes(level))) {
      problems.push({ field: 'level', problems: [`phải là một cấp trong lộ trình của hồ sơ (${this.route(row).join(', ')})`] });
    }
    if (problems.length) {
      throw badInput(`Dữ liệu không hợp lệ: ${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, { fields: problems });
    }
    return { code: code!, level, file: file! };
  }

  /** Who may upload this document now and where it goes (403 nobody of theirs, 409 closed, 422 another's document). */
  private async target(manager: EntityManager, principal: Principal, row: NominationEntity, code: string, level: Level | undefined) {
    const route = this.route(row);
    const slots = this.slotsFor(this.form(row), row, route);
    const contexts = uploadContexts(principal, row, route);
    const target = resolveUploadTarget(contexts, slots, code, level);
    if (target.ok) return target;
    if (target.reason === 'level-not-yours') {
      throw badInput(`Bạn không nộp tài liệu "${this.kindName(row.ruleSetId, code)}" cho ${LEVEL_LABELS[level!]}`, {
        fields: [{ field: 'level', problems: ['không phải cấp mà bạn được nộp tài liệu này'] }],
      });
    }
    if (target.reason === 'provided-by-others') {
      const names = await this.organizationNames(manager, [row.organizationId, ...Object.values(row.levelOrganizations)]);
      const providers = [...new Set(target.slots.map((slot) => this.providerLabel(row, slot, names)))];
      throw ruleRefused(`Tài liệu "${this.kindName(row.ruleSetId, code)}" của hồ sơ này do ${providers.join(' hoặc ')} nộp`, {
        rule: 'document-provider',
        code,
        providedBy: target.slots.map((slot) => ({ level: slot.level, ...slot.providedBy })),
      });
    }
    if (FINISHED.includes(row.state) || row.state.endsWith('.awaitingExternalDecision')) {
      throw conflict('DOCUMENTS_CLOSED', `Hồ sơ đang ở bước "${statusLabel(row.state)}": không còn bổ sung tài liệu được`, { state: row.state });
    }
    throw forbidden(`Ở bước "${statusLabel(row.state)}", chỉ ${await this.whoMayUpload(manager, row, route)} được bổ sung tài liệu vào hồ sơ`, {
      state: row.state,
    });
  }

  private providerLabel(row: NominationEntity, slot: DossierSlot, names: Map<string, string>): string {
    if (slot.providedBy.at === 'owner') return `đơn vị đề nghị (${names.get(row.organizationId) ?? ''})`;
    const organization = row.levelOrganizations[slot.providedBy.level];
    return organization ? (names.get(organization) ?? LEVEL_LABELS[slot.providedBy.level]) : LEVEL_LABELS[slot.providedBy.level];
  }

  private async whoMayUpload(manager: EntityManager, row: NominationEntity, route: Level[]): Promise<string> {
    const names = await this.organizationNames(manager, [row.organizationId, ...Object.values(row.levelOrganizations)]);
    const unit = `cán bộ đề nghị của ${names.get(row.organizationId) ?? 'đơn vị lập hồ sơ'}`;
    if (row.state === 'draft') return unit;
    const [head, step] = row.state.split('.');
    const index = route.indexOf(head as Level);
    const office = (level: Level) => names.get(row.levelOrganizations[level] ?? '') ?? LEVEL_LABELS[level];
    const who = [`cơ quan thẩm định, thư ký Hội đồng hoặc người ký của ${office(head as Level)}`];
    if (step === 'supplementRequested') who.unshift(index === 0 ? unit : `cơ quan thẩm định của ${office(route[index - 1])}`);
    return who.join(' hoặc ');
  }

  private async organizationNames(manager: EntityManager, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const rows = wanted.length ? await manager.findBy(OrganizationEntity, { id: In(wanted) }) : [];
    return new Map(rows.map((organization) => [organization.id, organization.name]));
  }

  private contentUrl(document: Pick<DossierDocumentEntity, 'nominationId' | 'id'>): string {
    return `/api/nominations/${document.nominationId}/documents/${document.id}/content`;
  }

  toView(ruleSetId: string, document: DossierDocumentEntity, current: boolean): DocumentView {
    return {
      id: document.id,
      nominationId: document.nominationId,
      code: document.code,
      name: this.kindName(ruleSetId, document.code),
      level: document.level,
      levelLabel: LEVEL_LABELS[document.level],
      version: document.version,
      current,
      fileName: document.fileName,
      fileType: document.fileType,
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
      uploadedAt: document.uploadedAt,
      uploadedBy: { userId: document.uploadedBy, username: document.uploadedByUsername },
      uploadedForOrganizationId: document.uploadedForOrganizationId,
      nominationState: document.nominationState,
      nominationVersion: document.nominationVersion,
      contentUrl: this.contentUrl(document),
    };
  }
}

