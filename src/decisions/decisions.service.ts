import { Injectable } from '@nestjs/common';
import { DataSource, In, Like, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { LEVEL_LABELS, statusLabel, type Level } from '../../workflows';
import { DECISION_KIND_LABELS, type Certificate, type DecisionKind } from '../../workflows/decisions';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { conflict, forbidden, notFound } from '../common/app-error';
import { DossierDocumentsService } from '../dossiers/dossier-documents.service';
import { organizationsOf, type Principal } from '../identity/principal';
import { NominationAccessEntity } from '../nominations/nomination-access.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { nomineeDisplayName } from '../nominations/nominee';
import { OrganizationEntity } from '../organizations/organization.entity';
import { annexDocx, certificatesDocx, decisionDocx } from './decision-docx';
import { DecisionEntity, DecisionItemEntity } from './decision.entity';
import type { ListDecisionsQuery } from './dto';

export interface DecisionItemView {
  seq: number;
  nominationId: string;
  nomineeKind: string;
  nomineeName: string;
  proposingOrganization: { id: string; name: string | null };
  state: string | null;
  statusLabel: string | null;
  /** A Tờ trình: the version attached to the nomination's dossier as its `submission` to the next level. */
  documentId: string | null;
}

export interface DecisionView {
  id: string;
  kind: DecisionKind;
  kindLabel: string;
  number: string;
  date: string;
  year: number;
  title: string;
  grantingAuthority: string;
  organization: { id: string; name: string | null };
  addressedTo: { id: string; name: string | null } | null;
  level: Level;
  levelLabel: string;
  formCode: string;
  formName: string;
  signer: { userId: string; fullName: string; deputy: boolean };
  counts: { collectives: number; individuals: number; households: number; total: number };
  createdAt: string;
  items: DecisionItemView[];
  links: { document: string; annex: string; certificates: string | null; certificatesDocument: string | null };
}

export type DecisionFile = 'document' | 'annex' | 'certificates';

/** Decisions and submissions as the API shows them, their documents, and the dossiers waiting for a signature. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: WorkflowCatalog,
    private readonly documents: DossierDocumentsService,
  ) {}

  /** The signer's queue: nominations in `<level>.awaitingSignature` at an organization where the caller signs. */
  async awaitingSignature(principal: Principal) {
    const organizations = this.signerOrganizations(principal);
    const rows = await this.dataSource.getRepository(NominationEntity).find({
      where: { state: Like('%.awaitingSignature'), holderOrganizationId: In(organizations) },
      order: { formCode: 'ASC', updatedAt: 'ASC' },
    });
    const names = await this.names([...rows.map((row) => row.organizationId), ...organizations]);
    const items = [];
    for (const row of rows) {
      const form = this.catalog.form(row.ruleSetId, row.formCode);
      const route = [row.entryLevel, ...(form?.upperLevels ?? [])];
      const level = row.state.split('.')[0] as Level;
      const index = route.indexOf(level);
      // The Tờ trình a batch generates is attached by the batch itself: it is not missing here.
      const missing = (await this.documents.missingFor(row.id, 'SIGN')).filter((slot) => !(slot.code === 'submission' && route.indexOf(slot.level) === index + 1));
      items.push({
        id: row.id,
        formCode: row.formCode,
        formName: form?.name ?? row.formCode,
        nominee: { kind: row.nomineeKind, name: nomineeDisplayName(row.nominee) || row.nomineeName },
        proposingOrganization: { id: row.organizationId, name: names.get(row.organizationId) ?? null },
        organization: { id: row.holderOrganizationId!, name: names.get(row.holderOrganizationId!) ?? null },
        state: row.state,
        statusLabel: statusLabel(row.state),
        level,
        act: (index === route.length - 1 ? 'decision' : 'submission') as DecisionKind,
        version: row.version,
        dueDate: row.dueDate,
        missingDocuments: missing.map((slot) => ({ code: slot.code, level: slot.level, name: this.documents.kindName(row.ruleSetId, slot.code) })),
      });
    }
    return { items, total: items.length };
  }

  /** The documents the caller's organizations signed, and the Tờ trình addressed to them; `organizationId` narrows to one issuer. */
  async list(principal: Principal, query: ListDecisionsQuery) {
    const filters: FindOptionsWhere<DecisionEntity> = {};
    if (query.kind) filters.kind = query.kind;
    if (query.year) filters.year = query.year;
    let where: FindOptionsWhere<DecisionEntity>[];
    if (principal.isAdmin) {
      where = [{ ...filters, ...(query.organizationId ? { organizationId: query.organizationId } : {}) }];
    } else {
      const own = organizationsOf(principal);
      if (!own.length) return { items: [], total: 0 };
      where = query.organizationId
        ? [{ ...filters, organizationId: query.organizationId, ...(own.includes(query.organizationId) ? {} : { addressedOrganizationId: In(own) }) }]
        : [
            { ...filters, organizationId: In(own) },
            { ...filters, addressedOrganizationId: In(own) },
          ];
    }
    const rows = await this.dataSource.getRepository(DecisionEntity).find({ where, order: { date: 'DESC', createdAt: 'DESC' } });
    const items = [];
    for (const row of rows) items.push(await this.view(this.dataSource.manager, row));
    return { items, total: items.length };
  }

  async get(principal: Principal, id: string): Promise<DecisionView> {
    return this.view(this.dataSource.manager, await this.readable(principal, id));
  }

  /** The certificates' text of a Quyết định (a Tờ trình grants nothing: 409). */
  async certificates(principal: Principal, id: string): Promise<{ decisionId: string; number: string; items: Certificate[] }> {
    const decision = await this.readable(principal, id);
    this.assertGrants(decision);
    return { decisionId: decision.id, number: decision.number, items: decision.document.certificates };
  }

  /** The Quyết định or Tờ trình with its annex, the annex alone, or the certificates, as DOCX. */
  async file(principal: Principal, id: string, which: DecisionFile): Promise<{ fileName: string; content: Buffer }> {
    const decision = await this.readable(principal, id);
    const stem = decision.number.replace(/[^\p{L}\p{N}-]+/gu, '-');
    const kindName = DECISION_KIND_LABELS[decision.kind];
    if (which === 'document') return { fileName: `${kindName} số ${stem}.docx`, content: decisionDocx(decision.document, decision.createdAt) };
    if (which === 'annex') return { fileName: `Danh sách kèm theo ${kindName} số ${stem}.docx`, content: annexDocx(decision.document, decision.createdAt) };
    this.assertGrants(decision);
    return { fileName: `${decision.document.certificates[0]?.heading ?? 'Giấy khen'} - ${kindName} số ${stem}.docx`, content: certificatesDocx(decision.document, decision.createdAt) };
  }

  private assertGrants(decision: DecisionEntity): void {
    if (decision.kind !== 'decision') {
      throw conflict('CERTIFICATES_NOT_AVAILABLE', `Tờ trình số ${decision.number} đề nghị cấp trên khen thưởng: không có giấy khen, bằng khen để in`, { decisionId: decision.id });
    }
  }

  /** Its organization, the administrator, and whoever may read one of the nominations it covers. */
  private async readable(principal: Principal, id: string): Promise<DecisionEntity> {
    const decision = await this.dataSource.getRepository(DecisionEntity).findOneBy({ id });
    if (!decision) throw notFound('Không tìm thấy văn bản');
    const own = organizationsOf(principal);
    if (principal.isAdmin || own.includes(decision.organizationId) || (decision.addressedOrganizationId && own.includes(decision.addressedOrganizationId))) return decision;
    const items = await this.dataSource.getRepository(DecisionItemEntity).findBy({ decisionId: id });
    const readable =
      own.length > 0 &&
      items.length > 0 &&
      (await this.dataSource.getRepository(NominationAccessEntity).existsBy({ nominationId: In(items.map((item) => item.nominationId)), organizationId: In(own) }));
    if (!readable) throw forbidden('Văn bản này không thuộc phạm vi tổ chức của bạn');
    return decision;
  }

  private signerOrganizations(principal: Principal): string[] {
    const organizations = [...new Set(principal.roles.filter((role) => role.role === 'signer').map((role) => role.organizationId))];
    if (!organizations.length) {
      throw forbidden('Chỉ người có thẩm quyền ký (Chủ tịch, thủ trưởng) xem được các hồ sơ chờ ký', { requiredRole: 'signer' });
    }
    return organizations;
  }

  async view(manager: EntityManager, decision: DecisionEntity): Promise<DecisionView> {
    const items = await manager.find(DecisionItemEntity, { where: { decisionId: decision.id }, order: { seq: 'ASC' } });
    const states = new Map(
      (items.length ? await manager.findBy(NominationEntity, { id: In(items.map((item) => item.nominationId)) }) : []).map((row) => [row.id, row.state]),
    );
    const names = await this.names(
      [decision.organizationId, decision.addressedOrganizationId, ...items.map((item) => item.proposingOrganizationId)].filter((value): value is string => !!value),
      manager,
    );
    const base = `/api/decisions/${decision.id}`;
    const grants = decision.kind === 'decision';
    return {
      id: decision.id,
      kind: decision.kind,
      kindLabel: DECISION_KIND_LABELS[decision.kind],
      number: decision.number,
      date: decision.date,
      year: decision.year,
      title: decision.title,
      grantingAuthority: decision.grantingAuthority,
      organization: { id: decision.organizationId, name: names.get(decision.organizationId) ?? null },
      addressedTo: decision.addressedOrganizationId ? { id: decision.addressedOrganizationId, name: names.get(decision.addressedOrganizationId) ?? null } : null,
      level: decision.level,
      levelLabel: LEVEL_LABELS[decision.level],
      formCode: decision.formCode,
      formName: this.catalog.form(decision.ruleSetId, decision.formCode)?.name ?? decision.formCode,
      signer: { userId: decision.signerUserId, fullName: decision.signerName, deputy: decision.signedAsDeputy },
      counts: decision.document.counts,
      createdAt: decision.createdAt,
      items: items.map((item) => {
        const state = states.get(item.nominationId) ?? null;
        return {
          seq: item.seq,
          nominationId: item.nominationId,
          nomineeKind: item.nomineeKind,
          nomineeName: item.nomineeName,
          proposingOrganization: { id: item.proposingOrganizationId, name: names.get(item.proposingOrganizationId) ?? null },
          state,
          statusLabel: state ? statusLabel(state) : null,
          documentId: item.documentId,
        };
      }),
      links: {
        document: `${base}/document.docx`,
        annex: `${base}/annex.docx`,
        certificates: grants ? `${base}/certificates` : null,
        certificatesDocument: grants ? `${base}/certificates.docx` : null,
      },
    };
  }

  private async names(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    const rows = wanted.length ? await manager.findBy(OrganizationEntity, { id: In(wanted) }) : [];
    return new Map(rows.map((organization) => [organization.id, organization.name]));
  }
}
