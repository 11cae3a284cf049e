import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  buildPackage,
  DECISION_PACKAGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  exchangeOutcomeOf,
  statusLabel,
  type DecisionManifest,
} from '../../workflows';
import { AppError, badInput, conflict, forbidden } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import { DocumentStorage } from '../dossiers/document-storage';
import { DossierDocumentEntity } from '../dossiers/dossier-document.entity';
import { DossierDocumentsService } from '../dossiers/dossier-documents.service';
import { DOCUMENT_FILE_TYPES, detectFileType, type DocumentFileType } from '../dossiers/file-type';
import type { Principal } from '../identity/principal';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { AdvanceNominationUseCase } from '../nominations/advance-nomination.use-case';
import { parseEventCommand, type EventCommand } from '../nominations/dto/nomination-event.dto';
import { NominationReader } from '../nominations/nomination-reader';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { sendingOffice, type BuiltPackage } from './dossier-export.service';
import { DossierImportService } from './dossier-import.service';
import { ExchangePackageEntity } from './exchange-package.entity';
import { alreadyImported, assertNotImported, documentFiles, isUniqueViolation, packageRefused, requirePackage, verifiedPackage, type UploadedPackage } from './exchange-support';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const mismatch = (problem: string) => packageRefused({ file: 'manifest.json', problem }, 'decision-mismatch');

/**
 * The answer to an incoming dossier: built where it was decided (the award's Quyết định, or the refusal with its
 * reply letter), and applied where the dossier came from, as RECORD_EXTERNAL_DECISION or RECORD_EXTERNAL_REJECTION
 * of the original nomination, in the same transaction as the package's record.
 */
@Injectable()
export class DecisionExchangeService {
  private readonly logger = new Logger('Exchange');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly reader: NominationReader,
    private readonly storage: DocumentStorage,
    private readonly dossiers: DossierDocumentsService,
    private readonly incoming: DossierImportService,
    private readonly advance: AdvanceNominationUseCase,
    private readonly catalog: WorkflowCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(principal: Principal, incomingId: string, letter: { number?: unknown; date?: unknown }): Promise<BuiltPackage> {
    const incoming = await this.incoming.findReadable(principal, incomingId);
    if (!DossierImportService.actsFor(principal, incoming)) {
      throw forbidden('Chỉ cơ quan thẩm định hoặc người ký của cấp đã xét hồ sơ được lập gói quyết định', { requiredRole: 'appraiser' });
    }
    const number = typeof letter.number === 'string' ? letter.number.normalize('NFC').trim() : undefined;
    const date = typeof letter.date === 'string' && letter.date.trim() ? letter.date.trim() : undefined;
    if ((letter.number !== undefined && (!number || number.length > 64)) || (date !== undefined && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))))) {
      throw badInput('Số hoặc ngày văn bản trả lời không hợp lệ', {
        fields: [
          ...(letter.number !== undefined && (!number || number.length > 64) ? [{ field: 'number', problems: ['không được để trống, tối đa 64 ký tự'] }] : []),
          ...(date !== undefined && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) ? [{ field: 'date', problems: ['phải là ngày dạng YYYY-MM-DD'] }] : []),
        ],
      });
    }
    const row = await this.dataSource.getRepository(NominationEntity).findOneByOrFail({ id: incoming.nominationId });
    if (row.state !== 'awarded' && row.state !== 'rejected') {
      throw conflict('DECISION_NOT_READY', `Hồ sơ đang ở bước "${statusLabel(row.state)}": chỉ lập gói quyết định khi đã khen thưởng hoặc không khen thưởng`, { state: row.state });
    }
    const { workflow, snapshot } = this.reader.restore(row);
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: incoming.receivingOrganizationId });
    const result = exchangeOutcomeOf(workflow.form, snapshot.context, incoming.level, { organizationName: organization.name, officeName: organization.appraisalOfficeName }, { number, date });
    if (!result.ok) {
      if (result.missing === 'letter-number') {
        throw badInput('Hồ sơ không được khen thưởng: ghi số văn bản trả lời (number) để lập gói quyết định', {
          fields: [{ field: 'number', problems: ['bắt buộc khi hồ sơ không được khen thưởng'] }],
        });
      }
      throw conflict('DECISION_NOT_READY', 'Hồ sơ không có quyết định của cấp đã tiếp nhận', { state: row.state });
    }
    // What this deployment added after the import (the imported documents went in with version 1 of the log).
    const documents = await this.dataSource
      .getRepository(DossierDocumentEntity)
      .find({ where: { nominationId: row.id, nominationVersion: MoreThan(1) }, order: { level: 'ASC', code: 'ASC', version: 'ASC' } });
    const { files, entries } = await documentFiles(this.storage, documents, (code) => this.dossiers.kindName(row.ruleSetId, code));
    const createdAt = new Date().toISOString();
    const built = buildPackage<DecisionManifest>(
      {
        format: DECISION_PACKAGE_FORMAT,
        formatVersion: EXCHANGE_FORMAT_VERSION,
        createdAt,
        createdBy: { userId: principal.userId, username: principal.username },
        deployment: this.config.exchange.deployment,
        answers: {
          manifestSha256: incoming.manifestSha256,
          deployment: { id: incoming.sourceDeploymentId, name: incoming.sourceDeploymentName },
          nominationId: incoming.originalNominationId,
        },
        nomination: { id: row.id, formCode: row.formCode, level: incoming.level, state: row.state },
        outcome: result.outcome,
        documents: entries,
      },
      files,
    );
    const packageId = randomUUID();
    await this.writes.transaction((manager) =>
      manager.insert(ExchangePackageEntity, {
        id: packageId,
        nominationId: row.id,
        direction: 'out',
        kind: 'decision',
        manifestSha256: built.manifestSha256,
        answersManifestSha256: incoming.manifestSha256,
        counterpartDeploymentId: incoming.sourceDeploymentId,
        counterpartDeploymentName: incoming.sourceDeploymentName,
        sizeBytes: built.zip.length,
        createdAt,
        createdBy: principal.userId,
        createdByUsername: principal.username,
      } as QueryDeepPartialEntity<ExchangePackageEntity>),
    );
    this.logger.log(JSON.stringify({ nomination: row.id, package: packageId, direction: 'out', kind: 'decision', manifestSha256: built.manifestSha256, actor: principal.username }));
    return {
      zip: Buffer.from(built.zip.buffer, built.zip.byteOffset, built.zip.length),
      fileName: `Gói quyết định ${row.nomineeName} – ${workflow.form.name}.zip`,
      manifestSha256: built.manifestSha256,
      packageId,
    };
  }

  async import(principal: Principal, upload: UploadedPackage | undefined) {
    if (!principal.roles.some((role) => role.role === 'appraiser')) {
      throw forbidden('Chỉ cơ quan thẩm định của cấp đã trình hồ sơ lên cấp trên được ghi nhận gói quyết định', { requiredRole: 'appraiser' });
    }
    const file = requirePackage(upload);
    const { manifest, manifestSha256, entries } = verifiedPackage(file, DECISION_PACKAGE_FORMAT, this.config.exchange.packageMaxBytes);
    const { answers, outcome } = manifest;
    if (answers.deployment.id !== this.config.exchange.deployment.id) {
      throw mismatch(`trả lời một hồ sơ của hệ thống "${answers.deployment.id}", không phải hệ thống này (${this.config.exchange.deployment.id})`);
    }
    await assertNotImported(this.dataSource.manager, manifestSha256);
    const row = await this.dataSource.getRepository(NominationEntity).findOneBy({ id: answers.nominationId });
    const sent = row
      ? await this.dataSource.getRepository(ExchangePackageEntity).findOneBy({ nominationId: row.id, direction: 'out', kind: 'dossier', manifestSha256: answers.manifestSha256 })
      : null;
    if (!row || !sent) throw mismatch('không trả lời gói hồ sơ nào mà hệ thống này đã lập (mã hồ sơ và SHA-256 của manifest không khớp)');
    await this.reader.assertReadable(principal, row);
    if (row.formCode !== manifest.nomination.formCode || row.currentLevel !== manifest.nomination.level) {
      throw mismatch(`là quyết định về "${manifest.nomination.formCode}" ở cấp "${manifest.nomination.level}", khác hồ sơ "${row.formCode}" đang chờ ở cấp "${row.currentLevel}"`);
    }
    const { snapshot } = this.reader.restore(row);
    const kinds = this.catalog.registry.byId(row.ruleSetId)?.documentKinds ?? [];
    for (const document of manifest.documents) {
      const detected = detectFileType(Buffer.from(entries.get(document.path)!));
      if (!detected || detected !== document.fileType || !kinds.some((kind) => kind.code === document.code) || !snapshot.context.route.includes(document.level)) {
        throw packageRefused({ file: document.path, problem: `không phải tài liệu ${document.fileType} loại "${document.code}" của hồ sơ này` });
      }
    }
    const command = this.commandOf(outcome);
    const staged: Array<{ tempPath: string; storageKey: string; id: string; entry: DecisionManifest['documents'][number] }> = [];
    try {
      for (const entry of manifest.documents) {
        const id = randomUUID();
        const extension = DOCUMENT_FILE_TYPES[entry.fileType as DocumentFileType].extensions[0];
        staged.push({ id, entry, storageKey: `${row.id}/${id}.${extension}`, tempPath: await this.storage.writeTemp(Buffer.from(entries.get(entry.path)!)) });
      }
      const view = await this.writes.transaction(async (manager) => {
        await assertNotImported(manager, manifestSha256);
        const now = new Date().toISOString();
        const after = await this.advance.applyWithin(manager, principal, row.id, command);
        await manager.insert(ExchangePackageEntity, {
          id: randomUUID(),
          nominationId: row.id,
          direction: 'in',
          kind: 'decision',
          manifestSha256,
          answersManifestSha256: answers.manifestSha256,
          counterpartDeploymentId: manifest.deployment.id,
          counterpartDeploymentName: manifest.deployment.name,
          sizeBytes: file.buffer.length,
          createdAt: now,
          createdBy: principal.userId,
          createdByUsername: principal.username,
        } as QueryDeepPartialEntity<ExchangePackageEntity>);
        const office = sendingOffice(row, snapshot.context).organizationId!;
        for (const document of staged) await this.attach(manager, principal, row, office, after, document, now);
        for (const document of staged) await this.storage.place(document.tempPath, document.storageKey);
        return after;
      });
      this.logger.log(JSON.stringify({ nomination: row.id, direction: 'in', kind: 'decision', manifestSha256, granted: outcome.granted, actor: principal.username }));
      return { nomination: view, outcome, manifestSha256, documents: staged.map(({ id, entry }) => ({ id, code: entry.code, level: entry.level, fileName: entry.fileName, sha256: entry.sha256 })) };
    } catch (error) {
      for (const document of staged) await this.storage.discard(document.tempPath, document.storageKey);
      if (isUniqueViolation(error)) throw alreadyImported(manifestSha256);
      throw error;
    }
  }

  /** The step the outcome records, validated as the events API validates it; a bad field is the package's fault. */
  private commandOf(outcome: DecisionManifest['outcome']): EventCommand {
    const body = outcome.granted
      ? { type: 'RECORD_EXTERNAL_DECISION', number: outcome.number, date: outcome.date, authority: outcome.authority }
      : { type: 'RECORD_EXTERNAL_REJECTION', number: outcome.number, date: outcome.date, authority: outcome.authority, reason: outcome.reason };
    try {
      return parseEventCommand(body);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400) throw error;
      const fields = ((error.details as { fields?: Array<{ field: string }> })?.fields ?? []).map((field) => `outcome.${field.field}`);
      throw packageRefused({ file: 'manifest.json', problem: `có kết quả không hợp lệ (${fields.join(', ') || error.message})` });
    }
  }

  /**
   * The decision's documents join the original dossier at the deciding level, each as the next version there,
   * recorded for the office that sent the dossier out and with the version the recorded decision produced.
   */
  private async attach(
    manager: EntityManager,
    principal: Principal,
    row: NominationEntity,
    organizationId: string,
    after: { version: number; state: string },
    staged: { tempPath: string; storageKey: string; id: string; entry: DecisionManifest['documents'][number] },
    now: string,
  ) {
    const { entry } = staged;
    const latest = await manager
      .createQueryBuilder(DossierDocumentEntity, 'd')
      .select('MAX(d.version)', 'version')
      .where('d.nomination_id = :nominationId AND d.code = :code AND d.level = :level', { nominationId: row.id, code: entry.code, level: entry.level })
      .getRawOne<{ version: number | string | null }>();
    await manager.insert(DossierDocumentEntity, {
      id: staged.id,
      nominationId: row.id,
      code: entry.code,
      level: entry.level,
      version: Number(latest?.version ?? 0) + 1,
      fileName: entry.fileName.normalize('NFC'),
      fileType: entry.fileType,
      contentType: entry.contentType,
      sizeBytes: entry.sizeBytes,
      sha256: entry.sha256,
      storageKey: staged.storageKey,
      uploadedBy: principal.userId,
      uploadedByUsername: principal.username,
      uploadedForOrganizationId: organizationId,
      uploadedAt: now,
      nominationState: after.state,
      nominationVersion: after.version,
    } as QueryDeepPartialEntity<DossierDocumentEntity>);
  }
}
