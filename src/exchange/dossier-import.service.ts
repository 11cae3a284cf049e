import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  DOSSIER_PACKAGE_FORMAT,
  LEVEL_LABELS,
  receiveDossier,
  WorkingCalendar,
  type DossierManifest,
  type Level,
  type ManifestDocument,
  type NominationContext,
} from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import { DocumentStorage } from '../dossiers/document-storage';
import { DossierDocumentEntity } from '../dossiers/dossier-document.entity';
import { DOCUMENT_FILE_TYPES, detectFileType } from '../dossiers/file-type';
import { hasRoleAt, organizationsOf, type Principal } from '../identity/principal';
import { NominationAccessEntity } from '../nominations/nomination-access.entity';
import { appendToLog } from '../nominations/nomination-log';
import { NominationReader } from '../nominations/nomination-reader';
import { holderOrganization } from '../nominations/nomination-scope';
import { NominationEntity, type StoredSnapshot } from '../nominations/nomination.entity';
import type { NomineeData } from '../nominations/nominee';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { ExchangePackageEntity } from './exchange-package.entity';
import { alreadyImported, assertNotImported, isUniqueViolation, packageRefused, requirePackage, verifiedPackage, type UploadedPackage } from './exchange-support';
import { IncomingDossierEntity } from './incoming-dossier.entity';

interface StagedDocument {
  entry: ManifestDocument;
  id: string;
  storageKey: string;
  tempPath: string;
}

const dossierConflict = (originalNominationId: string) =>
  conflict('DOSSIER_ALREADY_IMPORTED', 'Hồ sơ này của hệ thống gửi đã được tiếp nhận trước đây; không tiếp nhận lần thứ hai', { originalNominationId });

/**
 * A dossier package from another deployment becomes a nomination here, at the level this deployment runs: the
 * sender's steps replayed on this deployment's machine put it in `<level>.received`, its documents are stored as
 * dossier documents with their SHA-256, and what this deployment never ran (sender, proposer, history) is kept with
 * it read-only. All of it in one transaction, or nothing.
 */
@Injectable()
export class DossierImportService {
  private readonly logger = new Logger('Exchange');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly reader: NominationReader,
    private readonly organizations: OrganizationsService,
    private readonly storage: DocumentStorage,
    private readonly calendar: WorkingCalendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(principal: Principal, upload: UploadedPackage | undefined) {
    const appraiserAt = principal.roles.filter((role) => role.role === 'appraiser').map((role) => role.organizationId);
    if (!appraiserAt.length) throw forbidden('Chỉ cơ quan thẩm định của cấp nhận hồ sơ được tiếp nhận gói hồ sơ', { requiredRole: 'appraiser' });
    const file = requirePackage(upload);
    const { manifest, manifestSha256, entries } = verifiedPackage(file, DOSSIER_PACKAGE_FORMAT, this.config.exchange.packageMaxBytes);
    const { nomination } = manifest;

    const ruleSet = this.catalog.registry.byId(nomination.ruleSetId);
    const form = ruleSet?.forms.find((candidate) => candidate.code === nomination.formCode);
    if (!ruleSet || !form) {
      throw packageRefused({ file: 'manifest.json', problem: `hình thức "${nomination.formCode}" của bộ quy định "${nomination.ruleSetId}" không có trong danh mục của hệ thống này` });
    }
    for (const document of manifest.documents) {
      if (!ruleSet.documentKinds.some((kind) => kind.code === document.code)) {
        throw packageRefused({ file: document.path, problem: `có loại tài liệu "${document.code}" không có trong bộ quy định` });
      }
      if (!nomination.route.some((entry) => entry.level === document.level)) {
        throw packageRefused({ file: document.path, problem: `thuộc cấp "${document.level}" không có trong lộ trình của hồ sơ` });
      }
      const detected = detectFileType(Buffer.from(entries.get(document.path)!));
      if (!detected || detected !== document.fileType || DOCUMENT_FILE_TYPES[detected].contentType !== document.contentType) {
        throw packageRefused({ file: document.path, problem: `có nội dung không phải loại ${document.fileType} như manifest ghi` });
      }
    }
    if (manifest.deployment.id === this.config.exchange.deployment.id) {
      throw ruleRefused(`Gói được lập chính tại hệ thống này (${manifest.deployment.id}); hai hệ thống trao đổi hồ sơ phải có DEPLOYMENT_ID khác nhau`, {
        rule: 'exchange-deployment',
        deploymentId: manifest.deployment.id,
      });
    }
    const level = nomination.targetLevel;
    if (this.config.externalLevels.includes(level)) {
      throw ruleRefused(`Hệ thống này không xét ${LEVEL_LABELS[level]} (EXTERNAL_LEVELS): không tiếp nhận được hồ sơ gửi cấp này`, { rule: 'incoming-level', level });
    }
    const receiving = (await this.dataSource.getRepository(OrganizationEntity).findBy({ id: In(appraiserAt) })).find((organization) => organization.kind === level);
    if (!receiving) {
      throw forbidden(`Hồ sơ gửi ${LEVEL_LABELS[level]}: chỉ cơ quan thẩm định của một tổ chức ${LEVEL_LABELS[level]} tiếp nhận`, { requiredRole: 'appraiser', level });
    }
    await assertNotImported(this.dataSource.manager, manifestSha256);
    if (await this.dataSource.getRepository(IncomingDossierEntity).existsBy({ sourceDeploymentId: manifest.deployment.id, originalNominationId: nomination.id })) {
      throw dossierConflict(nomination.id);
    }
    const now = new Date().toISOString();
    const workflow = this.catalog.workflow(ruleSet.id, form.code);
    const reception = receiveDossier(workflow, manifest, now, this.calendar);
    if (!reception.ok) throw ruleRefused(`Không tiếp nhận được hồ sơ: ${reception.problem}`, { rule: 'incoming-history', file: 'manifest.json', problem: reception.problem });
    const levelOrganizations = await this.levelOrganizations(manifest, receiving);

    const nominationId = randomUUID();
    const staged: StagedDocument[] = [];
    try {
      for (const entry of manifest.documents) {
        const id = randomUUID();
        const extension = DOCUMENT_FILE_TYPES[entry.fileType as keyof typeof DOCUMENT_FILE_TYPES].extensions[0];
        staged.push({ entry, id, storageKey: `${nominationId}/${id}.${extension}`, tempPath: await this.storage.writeTemp(Buffer.from(entries.get(entry.path)!)) });
      }
      const incomingId = await this.writes.transaction(async (manager) => {
        await assertNotImported(manager, manifestSha256);
        const context = reception.snapshot.context as NominationContext;
        const row = manager.create(NominationEntity, {
          id: nominationId,
          formCode: form.code,
          ruleSetId: ruleSet.id,
          machineVersion: workflow.version,
          campaignId: null,
          nomineeKind: nomination.nominee.kind,
          nomineeName: nomination.nomineeName.normalize('NFC'),
          nominee: nomination.nominee as unknown as NomineeData,
          nomineeId: null,
          criterion: nomination.criterion,
          awardYear: nomination.awardYear,
          achievements: nomination.achievements?.normalize('NFC') ?? null,
          organizationId: receiving.id,
          entryLevel: nomination.entryLevel,
          levelOrganizations,
          currentLevel: level,
          holderOrganizationId: null,
          state: reception.statePath,
          snapshot: reception.snapshot as unknown as StoredSnapshot,
          version: 1,
          dueDate: context.deadline?.dueDate ?? null,
          submittedAt: context.submittedAt,
          createdBy: principal.userId,
          createdAt: now,
          updatedAt: now,
        });
        row.holderOrganizationId = holderOrganization(row, row.state, context);
        await manager.insert(NominationEntity, row as QueryDeepPartialEntity<NominationEntity>);
        await manager.insert(NominationAccessEntity, { nominationId, organizationId: receiving.id });
        const packageId = randomUUID();
        await manager.insert(ExchangePackageEntity, {
          id: packageId,
          nominationId,
          direction: 'in',
          kind: 'dossier',
          manifestSha256,
          answersManifestSha256: null,
          counterpartDeploymentId: manifest.deployment.id,
          counterpartDeploymentName: manifest.deployment.name,
          sizeBytes: file.buffer.length,
          createdAt: now,
          createdBy: principal.userId,
          createdByUsername: principal.username,
        } as QueryDeepPartialEntity<ExchangePackageEntity>);
        await appendToLog(manager, nominationId, 0, {
          type: 'DOSSIER_IMPORTED',
          actor: principal,
          at: now,
          fromState: '',
          toState: row.state,
          payload: {
            packageId,
            manifestSha256,
            deployment: manifest.deployment,
            originalNominationId: nomination.id,
            sentAt: manifest.createdAt,
            receivingOrganizationId: receiving.id,
            deadline: context.deadline,
            documents: staged.map(({ entry, id }) => ({ documentId: id, code: entry.code, level: entry.level, version: entry.version, fileName: entry.fileName, sha256: entry.sha256 })),
          },
        });
        for (const document of staged) await this.insertDocument(manager, principal, row, receiving.id, document, now);
        const incomingId = randomUUID();
        await manager.insert(IncomingDossierEntity, {
          id: incomingId,
          nominationId,
          packageId,
          manifestSha256,
          sourceDeploymentId: manifest.deployment.id,
          sourceDeploymentName: manifest.deployment.name,
          originalNominationId: nomination.id,
          receivingOrganizationId: receiving.id,
          level,
          proposerName: nomination.proposer.name,
          route: nomination.route,
          history: manifest.history,
          documents: staged.map(({ entry, id }) => ({ ...entry, localDocumentId: id })),
          sentAt: manifest.createdAt,
          importedAt: now,
          importedBy: principal.userId,
        } as QueryDeepPartialEntity<IncomingDossierEntity>);
        // Last, still inside the transaction: a committed row always has its file; a failed commit removes them below.
        for (const document of staged) await this.storage.place(document.tempPath, document.storageKey);
        return incomingId;
      });
      this.logger.log(JSON.stringify({ nomination: nominationId, direction: 'in', kind: 'dossier', manifestSha256, from: manifest.deployment.id, actor: principal.username }));
      return this.get(principal, incomingId);
    } catch (error) {
      for (const document of staged) await this.storage.discard(document.tempPath, document.storageKey);
      if (isUniqueViolation(error)) {
        const replayed = await this.dataSource.getRepository(ExchangePackageEntity).existsBy({ direction: 'in', manifestSha256 });
        throw replayed ? alreadyImported(manifestSha256) : dossierConflict(nomination.id);
      }
      throw error;
    }
  }

  /** The receiving organization runs its level; the levels above it that this deployment runs are its lineage's. */
  private async levelOrganizations(manifest: DossierManifest, receiving: OrganizationEntity): Promise<Partial<Record<Level, string | null>>> {
    const route = manifest.nomination.route.map((entry) => entry.level);
    const at = route.indexOf(receiving.kind as Level);
    const lineage = await this.organizations.lineage(receiving.id);
    const organizations: Partial<Record<Level, string | null>> = {};
    route.forEach((level, index) => {
      if (index < at || this.config.externalLevels.includes(level)) organizations[level] = null;
      else if (index === at) organizations[level] = receiving.id;
      else {
        const organization = lineage.find((candidate) => candidate.kind === level);
        if (!organization) {
          throw ruleRefused(`Không có tổ chức ${LEVEL_LABELS[level]} phía trên ${receiving.name} để xét tiếp hồ sơ`, { rule: 'route-organizations', level });
        }
        organizations[level] = organization.id;
      }
    });
    return organizations;
  }

  private async insertDocument(manager: EntityManager, principal: Principal, row: NominationEntity, organizationId: string, staged: StagedDocument, now: string) {
    const { entry } = staged;
    const document: DossierDocumentEntity = {
      id: staged.id,
      nominationId: row.id,
      code: entry.code,
      level: entry.level,
      version: entry.version,
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
      nominationState: row.state,
      nominationVersion: 1,
    };
    await manager.insert(DossierDocumentEntity, document as QueryDeepPartialEntity<DossierDocumentEntity>);
  }

  async list(principal: Principal) {
    const repository = this.dataSource.getRepository(IncomingDossierEntity);
    const organizations = organizationsOf(principal);
    if (!principal.isAdmin && !organizations.length) return { items: [] };
    const rows = await repository.find({
      where: principal.isAdmin ? {} : { receivingOrganizationId: In(organizations) },
      order: { importedAt: 'DESC' },
    });
    const nominations = rows.length ? await this.dataSource.getRepository(NominationEntity).findBy({ id: In(rows.map((row) => row.nominationId)) }) : [];
    const states = new Map(nominations.map((row) => [row.id, row.state]));
    return { items: rows.map((row) => this.summary(row, states.get(row.nominationId) ?? null)) };
  }

  async get(principal: Principal, id: string) {
    const row = await this.findReadable(principal, id);
    const nomination = await this.dataSource.getRepository(NominationEntity).findOneByOrFail({ id: row.nominationId });
    return { ...this.summary(row, nomination.state), route: row.route, history: row.history, documents: row.documents };
  }

  async findReadable(principal: Principal, id: string): Promise<IncomingDossierEntity> {
    const row = await this.dataSource.getRepository(IncomingDossierEntity).findOneBy({ id });
    if (!row) throw notFound('Không tìm thấy hồ sơ tiếp nhận từ hệ thống khác');
    if (!(await this.reader.canRead(principal, row.nominationId))) throw forbidden('Hồ sơ này không thuộc phạm vi tổ chức của bạn');
    return row;
  }

  private summary(row: IncomingDossierEntity, state: string | null) {
    return {
      id: row.id,
      nominationId: row.nominationId,
      state,
      level: row.level,
      receivingOrganizationId: row.receivingOrganizationId,
      source: { deploymentId: row.sourceDeploymentId, deploymentName: row.sourceDeploymentName, nominationId: row.originalNominationId },
      proposerName: row.proposerName,
      manifestSha256: row.manifestSha256,
      sentAt: row.sentAt,
      importedAt: row.importedAt,
      importedBy: row.importedBy,
      decisionPackageUrl: `/api/incoming-dossiers/${row.id}/decision-package`,
    };
  }

  /** Whether the caller acts for the receiving organization as its office or its signer. */
  static actsFor(principal: Principal, row: IncomingDossierEntity): boolean {
    return hasRoleAt(principal, 'appraiser', row.receivingOrganizationId) || hasRoleAt(principal, 'signer', row.receivingOrganizationId);
  }
}
