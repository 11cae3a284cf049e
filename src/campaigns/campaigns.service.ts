import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { vietnamDate, type RuleSet } from '../../workflows';
import { reviewOpenOn } from '../../workflows/campaigns/campaign-rules';
import type { CampaignDefinition } from '../../workflows/campaigns/campaign-types';
import { CAMPAIGN_FIELDS, validateCampaignFields, type CampaignValidationMode } from '../../workflows/campaigns/campaign-validation';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { badInput, conflict, forbidden, notFound } from '../common/app-error';
import { invalidInput } from '../common/validation';
import { WriteSerializer } from '../database/write-serializer';
import { hasRoleAt, type Principal } from '../identity/principal';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { CampaignScope } from './campaign-scope';
import { CampaignEntity, type CampaignStatus } from './campaign.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ListCampaignsQuery {
  issuingOrganizationId?: string;
  status?: CampaignStatus;
  page: number;
  pageSize: number;
}

export const campaignStale = (campaign: Pick<CampaignEntity, 'id' | 'version'>, expected?: number) =>
  conflict('VERSION_STALE', `Phong trào vừa được người khác cập nhật (phiên bản hiện tại ${campaign.version}${expected ? `, yêu cầu gửi theo phiên bản ${expected}` : ''}); vui lòng tải lại`, {
    campaignId: campaign.id,
    currentVersion: campaign.version,
    ...(expected ? { expectedVersion: expected } : {}),
  });

/** Campaigns: created by the issuing organization's appraisal office (or an administrator), read within their scope. */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('Campaigns');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly organizations: OrganizationsService,
    private readonly scope: CampaignScope,
  ) {}

  /** The rule set in force today for an organization's province: the forms a campaign of it may allow. */
  async ruleSetFor(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<RuleSet> {
    const lineage = await this.organizations.lineage(organizationId, manager);
    const province = lineage.find((organization) => organization.kind === 'province');
    return this.catalog.ruleSetInForce(province?.code ?? null, new Date().toISOString());
  }

  /** The campaign's fields from a body, 400 naming every bad one (a form code unknown to the rule set included). */
  async definitionFrom(
    body: Record<string, unknown>,
    mode: CampaignValidationMode,
    issuingOrganization: OrganizationEntity,
    manager: EntityManager,
  ): Promise<Partial<CampaignDefinition>> {
    const ruleSet = await this.ruleSetFor(issuingOrganization.id, manager);
    const input = { ...body };
    if (mode === 'create' && input.issuingOrganizationName === undefined) input.issuingOrganizationName = issuingOrganization.name;
    const { value, problems } = validateCampaignFields(input, { mode, knownFormCodes: new Set(ruleSet.forms.map((form) => form.code)) });
    if (problems.length) throw invalidInput(problems);
    return value;
  }

  /** Only the issuing organization's appraisal office, or an administrator, keeps its campaigns. */
  assertMayKeep(principal: Principal, organizationId: string): void {
    if (principal.isAdmin || hasRoleAt(principal, 'appraiser', organizationId)) return;
    throw forbidden('Chỉ cơ quan thẩm định (phụ trách thi đua – khen thưởng) của cơ quan ban hành kế hoạch hoặc quản trị hệ thống được lập, sửa phong trào thi đua', {
      requiredRole: 'appraiser',
      organizationId,
    });
  }

  private unknownFields(body: Record<string, unknown>, allowed: readonly string[]): void {
    const extra = Object.keys(body).filter((key) => !allowed.includes(key));
    if (extra.length) throw invalidInput(extra.map((field) => ({ field, problems: ['trường này không được phép'] })));
  }

  async issuingOrganization(id: unknown, manager: EntityManager): Promise<OrganizationEntity> {
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw badInput('Thiếu hoặc sai mã cơ quan ban hành kế hoạch', { fields: [{ field: 'issuingOrganizationId', problems: ['phải là mã định danh (UUID) của một tổ chức'] }] });
    }
    const organization = await manager.findOneBy(OrganizationEntity, { id });
    if (!organization) throw notFound('Không tìm thấy cơ quan ban hành kế hoạch', { field: 'issuingOrganizationId' });
    if (organization.kind === 'unit') {
      throw badInput('Phong trào thi đua do xã, cơ quan cấp tỉnh hoặc tỉnh ban hành', {
        fields: [{ field: 'issuingOrganizationId', problems: ['phải là xã, cơ quan cấp tỉnh, tỉnh hoặc Trung ương'] }],
      });
    }
    return organization;
  }

  /** `POST /api/campaigns`: `{issuingOrganizationId?, …CampaignDefinition}`; the caller's organization by default. */
  async create(principal: Principal, body: Record<string, unknown>) {
    this.unknownFields(body, ['issuingOrganizationId', ...CAMPAIGN_FIELDS]);
    return this.writes.transaction(async (manager) => {
      const organizationId = body.issuingOrganizationId ?? principal.organizationId;
      if (typeof organizationId === 'string') this.assertMayKeep(principal, organizationId);
      const organization = await this.issuingOrganization(organizationId, manager);
      const { issuingOrganizationId: _ignored, ...fields } = body;
      const definition = (await this.definitionFrom(fields, 'create', organization, manager)) as CampaignDefinition;
      const campaign = await this.insert(manager, principal, organization.id, definition, null);
      return this.view(campaign, manager);
    });
  }

  /** Inserts a validated campaign inside the caller's transaction (the plan import's confirmation uses it too). */
  async insert(manager: EntityManager, principal: Principal, issuingOrganizationId: string, definition: CampaignDefinition, draftId: string | null): Promise<CampaignEntity> {
    const now = new Date().toISOString();
    const campaign: CampaignEntity = {
      id: randomUUID(),
      issuingOrganizationId,
      title: definition.title,
      planNumber: definition.planNumber,
      planDate: definition.planDate,
      periodFrom: definition.period.from,
      periodTo: definition.period.to,
      definition,
      status: 'active',
      draftId,
      version: 1,
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    await manager.insert(CampaignEntity, campaign as QueryDeepPartialEntity<CampaignEntity>);
    this.logger.log(JSON.stringify({ campaign: campaign.id, event: 'CAMPAIGN_CREATED', organization: issuingOrganizationId, actor: principal.username, draft: draftId }));
    return campaign;
  }

  async list(principal: Principal, query: ListCampaignsQuery) {
    const tree = await this.scope.tree();
    const issuers = await this.scope.visibleIssuers(principal, tree);
    const builder = this.dataSource.getRepository(CampaignEntity).createQueryBuilder('c');
    if (issuers) {
      if (!issuers.size) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      builder.andWhere('c.issuing_organization_id IN (:...issuers)', { issuers: [...issuers] });
    }
    if (query.issuingOrganizationId) builder.andWhere('c.issuing_organization_id = :issuer', { issuer: query.issuingOrganizationId });
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    builder
      .orderBy('c.period_from', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map((row) => this.toView(row, tree.get(row.issuingOrganizationId))), total, page: query.page, pageSize: query.pageSize };
  }

  async get(principal: Principal, id: string) {
    const campaign = await this.scope.assertVisible(principal, await this.dataSource.getRepository(CampaignEntity).findOneBy({ id }));
    return this.view(campaign);
  }

  /** `PATCH`: the fields given, validated as at creation, under the optimistic lock. */
  async update(principal: Principal, id: string, body: Record<string, unknown>, ifMatch: number | undefined) {
    this.unknownFields(body, CAMPAIGN_FIELDS);
    return this.writes.transaction(async (manager) => {
      const campaign = await this.scope.assertVisible(principal, await manager.findOneBy(CampaignEntity, { id }), manager);
      this.assertMayKeep(principal, campaign.issuingOrganizationId);
      if (ifMatch !== undefined && ifMatch !== campaign.version) throw campaignStale(campaign, ifMatch);
      if (campaign.status === 'closed') throw conflict('CAMPAIGN_CLOSED', `Phong trào “${campaign.title}” đã kết thúc: không sửa được nữa`, { campaignId: id });
      const organization = (await manager.findOneBy(OrganizationEntity, { id: campaign.issuingOrganizationId }))!;
      const changes = await this.definitionFrom(body, 'patch', organization, manager);
      const definition: CampaignDefinition = { ...campaign.definition, ...changes };
      const kinds = definition.reviews.map((review) => review.kind);
      if (new Set(kinds).size !== kinds.length) throw invalidInput([{ field: 'reviews', problems: ['chỉ có một đợt sơ kết và một đợt tổng kết'] }]);
      const now = new Date().toISOString();
      await this.updateLocked(manager, campaign, {
        definition,
        title: definition.title,
        planNumber: definition.planNumber,
        planDate: definition.planDate,
        periodFrom: definition.period.from,
        periodTo: definition.period.to,
        updatedAt: now,
      });
      this.logger.log(JSON.stringify({ campaign: id, event: 'CAMPAIGN_UPDATED', fields: Object.keys(changes), actor: principal.username, version: campaign.version + 1 }));
      return this.view((await manager.findOneBy(CampaignEntity, { id }))!, manager);
    });
  }

  /** Ends the campaign: no review of it takes nominations any more; its reports can still be sent. */
  async close(principal: Principal, id: string, ifMatch: number | undefined) {
    return this.writes.transaction(async (manager) => {
      const campaign = await this.scope.assertVisible(principal, await manager.findOneBy(CampaignEntity, { id }), manager);
      this.assertMayKeep(principal, campaign.issuingOrganizationId);
      if (ifMatch !== undefined && ifMatch !== campaign.version) throw campaignStale(campaign, ifMatch);
      if (campaign.status === 'closed') throw conflict('CAMPAIGN_CLOSED', `Phong trào “${campaign.title}” đã kết thúc từ trước`, { campaignId: id });
      const now = new Date().toISOString();
      await this.updateLocked(manager, campaign, { status: 'closed', closedAt: now, updatedAt: now });
      this.logger.log(JSON.stringify({ campaign: id, event: 'CAMPAIGN_CLOSED', actor: principal.username, version: campaign.version + 1 }));
      return this.view((await manager.findOneBy(CampaignEntity, { id }))!, manager);
    });
  }

  private async updateLocked(manager: EntityManager, campaign: CampaignEntity, changes: Partial<CampaignEntity>): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(CampaignEntity)
      .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<CampaignEntity>)
      .where('id = :id AND version = :version', { id: campaign.id, version: campaign.version })
      .execute();
    if (!result.affected) throw campaignStale(campaign);
  }

  async view(campaign: CampaignEntity, manager: EntityManager = this.dataSource.manager) {
    return this.toView(campaign, (await manager.findOneBy(OrganizationEntity, { id: campaign.issuingOrganizationId })) ?? undefined);
  }

  toView(campaign: CampaignEntity, issuer: OrganizationEntity | undefined, now = new Date()) {
    const today = vietnamDate(now);
    const definition = campaign.definition;
    const current = campaign.status === 'active' ? reviewOpenOn(definition.reviews, today) : null;
    return {
      id: campaign.id,
      issuingOrganizationId: campaign.issuingOrganizationId,
      issuingOrganization: issuer ? { id: issuer.id, name: issuer.name, kind: issuer.kind, office: issuer.appraisalOfficeName } : null,
      ...definition,
      reportDuties: definition.reportDuties.map((duty, index) => ({ index, ...duty })),
      status: campaign.status,
      openReview: current?.kind ?? null,
      draftId: campaign.draftId,
      version: campaign.version,
      createdAt: campaign.createdAt,
      updatedAt: campaign.updatedAt,
      closedAt: campaign.closedAt,
    };
  }
}

export type CampaignView = ReturnType<CampaignsService['toView']>;
