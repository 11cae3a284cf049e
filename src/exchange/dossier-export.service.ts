import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  buildPackage,
  DOSSIER_PACKAGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  statusLabel,
  type DossierManifest,
  type Level,
  type NominationContext,
} from '../../workflows';
import { conflict, forbidden } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import { DocumentStorage } from '../dossiers/document-storage';
import { DossierDocumentEntity } from '../dossiers/dossier-document.entity';
import { DossierDocumentsService } from '../dossiers/dossier-documents.service';
import { hasRoleAt, type Principal } from '../identity/principal';
import { NominationEventEntity } from '../nominations/nomination-event.entity';
import { NominationReader } from '../nominations/nomination-reader';
import { NominationEntity } from '../nominations/nomination.entity';
import { ExchangePackageEntity } from './exchange-package.entity';
import { documentFiles } from './exchange-support';

export interface BuiltPackage {
  zip: Buffer;
  fileName: string;
  manifestSha256: string;
  packageId: string;
}

/** The office that sent the dossier out: the last level of the route this deployment runs. */
export function sendingOffice(row: NominationEntity, context: NominationContext): { level: Level; organizationId: string | null } {
  const level = context.route[context.levelIndex - 1];
  return { level, organizationId: level ? (row.levelOrganizations[level] ?? null) : null };
}

/**
 * The export package of a nomination waiting for a level outside this deployment: its data, route, full history and
 * every version of its documents, built by the office that forwarded it (its appraiser or its signer) and recorded.
 */
@Injectable()
export class DossierExportService {
  private readonly logger = new Logger('Exchange');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly reader: NominationReader,
    private readonly storage: DocumentStorage,
    private readonly dossiers: DossierDocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(principal: Principal, nominationId: string): Promise<BuiltPackage> {
    const row = await this.reader.assertReadable(principal, await this.dataSource.getRepository(NominationEntity).findOneBy({ id: nominationId }));
    const { workflow, snapshot } = this.reader.restore(row);
    if (!row.state.endsWith('.awaitingExternalDecision')) {
      throw conflict('EXPORT_NOT_ALLOWED', `Chỉ lập gói hồ sơ khi hồ sơ đang chờ quyết định của cấp trên; hồ sơ đang ở bước "${statusLabel(row.state)}"`, {
        state: row.state,
      });
    }
    const office = sendingOffice(row, snapshot.context);
    if (!hasRoleAt(principal, 'appraiser', office.organizationId) && !hasRoleAt(principal, 'signer', office.organizationId)) {
      throw forbidden('Chỉ cơ quan thẩm định hoặc người ký của cấp đã trình hồ sơ lên cấp trên được lập gói hồ sơ', {
        requiredRole: 'appraiser',
        organizationId: office.organizationId,
      });
    }
    const [events, documents] = await Promise.all([
      this.dataSource.getRepository(NominationEventEntity).find({ where: { nominationId }, order: { seq: 'ASC' } }),
      this.dataSource.getRepository(DossierDocumentEntity).find({ where: { nominationId }, order: { level: 'ASC', code: 'ASC', version: 'ASC' } }),
    ]);
    const names = await this.reader.organizationRefs([row.organizationId, ...Object.values(row.levelOrganizations)]);
    const { files, entries } = await documentFiles(this.storage, documents, (code) => this.dossiers.kindName(row.ruleSetId, code));
    const createdAt = new Date().toISOString();
    const context = snapshot.context;
    const draft: Omit<DossierManifest, 'files'> = {
      format: DOSSIER_PACKAGE_FORMAT,
      formatVersion: EXCHANGE_FORMAT_VERSION,
      createdAt,
      createdBy: { userId: principal.userId, username: principal.username },
      deployment: this.config.exchange.deployment,
      nomination: {
        id: row.id,
        formCode: row.formCode,
        formName: workflow.form.name,
        ruleSetId: row.ruleSetId,
        state: row.state,
        entryLevel: row.entryLevel,
        targetLevel: context.route[context.levelIndex],
        nominee: { ...row.nominee },
        nomineeName: row.nomineeName,
        criterion: row.criterion,
        awardYear: row.awardYear,
        achievements: row.achievements,
        campaignId: row.campaignId,
        proposer: { id: row.organizationId, name: names.get(row.organizationId)?.name ?? null },
        route: context.route.map((level) => {
          const organizationId = row.levelOrganizations[level] ?? null;
          return {
            level,
            organizationId,
            organizationName: organizationId ? (names.get(organizationId)?.name ?? null) : null,
            external: this.config.externalLevels.includes(level),
            signer: workflow.form.levels[level]?.signer ?? null,
          };
        }),
        submittedAt: row.submittedAt,
      },
      history: events.map((event) => ({
        seq: event.seq,
        type: event.type,
        actor: { userId: event.actorUserId, username: event.actorUsername },
        at: event.at,
        fromState: event.fromState || null,
        toState: event.toState,
        payload: event.payload,
      })),
      documents: entries,
    };
    const built = buildPackage<DossierManifest>(draft, files);
    const packageId = randomUUID();
    await this.writes.transaction((manager) =>
      manager.insert(ExchangePackageEntity, {
        id: packageId,
        nominationId: row.id,
        direction: 'out',
        kind: 'dossier',
        manifestSha256: built.manifestSha256,
        answersManifestSha256: null,
        counterpartDeploymentId: null,
        counterpartDeploymentName: null,
        sizeBytes: built.zip.length,
        createdAt,
        createdBy: principal.userId,
        createdByUsername: principal.username,
      } as QueryDeepPartialEntity<ExchangePackageEntity>),
    );
    this.logger.log(JSON.stringify({ nomination: row.id, package: packageId, direction: 'out', kind: 'dossier', manifestSha256: built.manifestSha256, actor: principal.username }));
    return {
      zip: Buffer.from(built.zip.buffer, built.zip.byteOffset, built.zip.length),
      fileName: `Gói hồ sơ ${row.nomineeName} – ${workflow.form.name}.zip`,
      manifestSha256: built.manifestSha256,
      packageId,
    };
  }
}
