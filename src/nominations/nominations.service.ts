import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { LEVEL_LABELS, resolveCriterion, vietnamDate, type AwardForm, type Level } from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { badInput, conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import { hasRoleAt, type Principal } from '../identity/principal';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import type { CreateNominationDto, ListNominationsQuery, UpdateNominationDto } from './dto/create-nomination.dto';
import { NominationAccessEntity } from './nomination-access.entity';
import { NominationEventEntity } from './nomination-event.entity';
import { appendToLog, assertExpectedVersion, commitStep } from './nomination-log';
import { NominationReader } from './nomination-reader';
import { holderOrganization } from './nomination-scope';
import type { NominationView } from './nomination-view';
import { NominationEntity, type StoredSnapshot } from './nomination.entity';
import { filterByDeadline } from './deadline-filters';
import { restrictToReadScope } from './read-scope';
import { nomineeDisplayName } from './nominee';
import { nameContains } from './nominee-search';
import { NomineeEntity } from '../nominees/nominee.entity';
import { nomineeDataOf, NomineeRegistry } from '../nominees/nominee-registry';
import { NomineeScope } from '../nominees/nominee-scope';
import { CampaignMembership } from '../campaigns/campaign-membership';
import type { NomineeData } from './nominee';

const NOMINEE_KIND_LABELS = { individual: 'cá nhân', collective: 'tập thể', household: 'hộ gia đình' } as const;

@Injectable()
export class NominationsService {
  private readonly logger = new Logger('Nominations');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly organizations: OrganizationsService,
    private readonly reader: NominationReader,
    private readonly nomineeRegistry: NomineeRegistry,
    private readonly nomineeScope: NomineeScope,
    private readonly campaigns: CampaignMembership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The nominee a nomination is about: a registry entry the caller's organization reads (`nomineeId`), or the inline
   * data, which then creates or reuses an entry of the proposing organization by the matching rule.
   */
  private async nomineeFor(
    manager: EntityManager,
    principal: Principal,
    ownerId: string,
    dto: { nomineeId?: string; nominee?: NomineeData },
    now: string,
  ): Promise<{ entry: NomineeEntity; nominee: NomineeData }> {
    if (dto.nomineeId && dto.nominee) {
      throw badInput('Chỉ gửi nomineeId hoặc nominee, không gửi cả hai', { fields: [{ field: 'nominee', problems: ['không gửi cùng nomineeId'] }] });
    }
    if (dto.nomineeId) {
      const entry = await manager.findOneBy(NomineeEntity, { id: dto.nomineeId });
      if (!entry) throw notFound('Không tìm thấy đối tượng trong sổ theo dõi', { field: 'nomineeId' });
      await this.nomineeScope.assertReadable(principal, entry.organizationId, manager);
      return { entry, nominee: nomineeDataOf(entry) };
    }
    const nominee = { ...dto.nominee! };
    if (nominee.fullName) nominee.fullName = nominee.fullName.normalize('NFC').trim();
    if (nominee.name) nominee.name = nominee.name.normalize('NFC').trim();
    return { entry: await this.nomineeRegistry.resolveInline(manager, ownerId, nominee, principal.userId, now), nominee };
  }

  /** The claimed (or the only applicable) eligibility alternative: 400 when missing or unknown, 422 when it does not apply. */
  private criterionFor(form: AwardForm, nominee: Pick<NomineeEntity, 'kind' | 'category'>, claimed: string | null | undefined): string {
    const resolution = resolveCriterion(form, nominee.kind, nominee.category, claimed);
    if (resolution.ok) return resolution.alternative.code;
    const choices = resolution.choices.map((choice) => ({ code: choice.code, name: choice.name }));
    if (resolution.problem === 'claim-required' || resolution.problem === 'unknown') {
      throw badInput(resolution.refusal.message, {
        fields: [{ field: 'criterion', problems: [resolution.problem === 'unknown' ? 'không có trong tiêu chuẩn của hình thức' : 'bắt buộc khi có nhiều tiêu chuẩn'] }],
        choices,
      });
    }
    throw ruleRefused(resolution.refusal.message, { rule: resolution.refusal.rule, legalBasis: resolution.refusal.legalBasis, choices });
  }

  /** The year judged: the current year by default, never a later one. */
  private awardYearOf(requested: number | undefined, now: string): number {
    const current = Number(vietnamDate(now).slice(0, 4));
    if (requested !== undefined && requested > current) {
      throw badInput(`Năm xét thành tích không được sau năm ${current}`, { fields: [{ field: 'awardYear', problems: ['sau năm hiện tại'] }] });
    }
    return requested ?? current;
  }

  /** A unit's submitter drafts a nomination in its own organization's name; it enters the route at its commune or agency. */
  async create(principal: Principal, dto: CreateNominationDto): Promise<NominationView> {
    const ownerId = principal.organizationId;
    if (!ownerId || !hasRoleAt(principal, 'submitter', ownerId)) {
      throw forbidden('Chỉ cán bộ đề nghị khen thưởng của đơn vị được lập hồ sơ', { requiredRole: 'submitter' });
    }
    return this.writes.transaction(async (manager) => this.reader.view(principal, await this.createWithin(manager, principal, ownerId, dto), manager));
  }

  /**
   * Drafts one nomination owned by `ownerId` inside the caller's transaction, with every check of `create` but the
   * caller's right to draft for that owner, which the caller has settled (a unit's submitter, or an office importing
   * a list for the units under it). `lineage` (the owner, then its parents) saves reading it again for each row.
   */
  async createWithin(
    manager: EntityManager,
    principal: Principal,
    ownerId: string,
    dto: CreateNominationDto,
    lineage?: OrganizationEntity[],
  ): Promise<NominationEntity> {
    lineage ??= await this.organizations.lineage(ownerId, manager);
    const entry = lineage.find((o) => o.kind === 'commune' || o.kind === 'agency');
    const province = lineage.find((o) => o.kind === 'province');
    const now = new Date().toISOString();
    const ruleSet = this.catalog.ruleSetInForce(province?.code ?? null, now);
    const form = ruleSet.forms.find((candidate) => candidate.code === dto.formCode);
    if (!form) {
      throw badInput(`Không có hình thức khen thưởng mã "${dto.formCode}" trong ${ruleSet.name}`, {
        fields: [{ field: 'formCode', problems: ['không có trong danh mục'] }],
      });
    }
    if (dto.nominee && !form.nomineeKinds.includes(dto.nominee.kind)) {
      throw ruleRefused(`${form.name} không xét cho ${NOMINEE_KIND_LABELS[dto.nominee.kind]}`, {
        rule: 'nominee-kind',
        allowed: form.nomineeKinds,
      });
    }
    const entryLevel = entry?.kind as Level | undefined;
    if (!entry || !entryLevel || !form.entryLevels.includes(entryLevel)) {
      throw ruleRefused(
        `${form.name} không được đề nghị từ ${entryLevel ? LEVEL_LABELS[entryLevel] : 'tổ chức này'}; chỉ từ ${form.entryLevels.map((l) => LEVEL_LABELS[l]).join(' hoặc ')}`,
        { rule: 'form-entry-level', entryLevels: form.entryLevels },
      );
    }
    const levelOrganizations: Partial<Record<Level, string | null>> = { [entryLevel]: entry.id };
    for (const level of form.upperLevels) {
      if (this.config.externalLevels.includes(level)) {
        levelOrganizations[level] = null;
        continue;
      }
      const organization = lineage.find((o) => o.kind === level);
      if (!organization) {
        throw ruleRefused(`Không có tổ chức ${LEVEL_LABELS[level]} phía trên đơn vị để xét ${form.name}`, {
          rule: 'route-organizations',
          level,
        });
      }
      levelOrganizations[level] = organization.id;
    }
    const awardYear = this.awardYearOf(dto.awardYear, now);
    const campaign = await this.campaigns.resolve(manager, lineage, dto.campaignId, dto.campaignReview);
    const { entry: nomineeEntry, nominee } = await this.nomineeFor(manager, principal, ownerId, dto, now);
    if (!form.nomineeKinds.includes(nomineeEntry.kind)) {
      throw ruleRefused(`${form.name} không xét cho ${NOMINEE_KIND_LABELS[nomineeEntry.kind]}`, { rule: 'nominee-kind', allowed: form.nomineeKinds });
    }
    const criterion = this.criterionFor(form, nomineeEntry, dto.criterion);
    const workflow = this.catalog.workflow(ruleSet.id, form.code);
    const snapshot = workflow.start({ formCode: form.code, entryLevel });
    const row = manager.create(NominationEntity, {
      id: randomUUID(),
      formCode: form.code,
      ruleSetId: ruleSet.id,
      machineVersion: workflow.version,
      campaignId: campaign.campaignId,
      campaignReview: campaign.campaignReview,
      nomineeKind: nominee.kind,
      nomineeName: nomineeDisplayName(nominee),
      nominee,
      nomineeId: nomineeEntry.id,
      criterion,
      awardYear,
      achievements: dto.achievements?.normalize('NFC') ?? null,
      organizationId: ownerId,
      entryLevel,
      levelOrganizations,
      currentLevel: null,
      holderOrganizationId: ownerId,
      state: workflow.statePath(snapshot),
      snapshot: workflow.persist(snapshot) as unknown as StoredSnapshot,
      version: 1,
      dueDate: null,
      submittedAt: null,
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now,
    });
    row.holderOrganizationId = holderOrganization(row, row.state, snapshot.context);
    await manager.insert(NominationEntity, row as QueryDeepPartialEntity<NominationEntity>);
    await manager.insert(NominationAccessEntity, { nominationId: row.id, organizationId: ownerId });
    await appendToLog(manager, row.id, 0, {
      type: 'CREATED',
      actor: principal,
      at: now,
      fromState: '',
      toState: row.state,
      payload: { formCode: form.code, ruleSetId: ruleSet.id, nominee, nomineeId: nomineeEntry.id, criterion, awardYear },
    });
    this.logger.log(JSON.stringify({ nomination: row.id, form: form.code, event: 'CREATED', to: row.state, actor: principal.username, version: 1 }));
    return row;
  }

  /**
   * The unit edits its dossier while it holds it: in draft, or answering a supplement request at the first level.
   * Each edit is a logged step (`DRAFT_UPDATED`) that bumps the version; the machine's state does not change.
   */
  async update(principal: Principal, id: string, dto: UpdateNominationDto, ifMatch: number | undefined): Promise<NominationView> {
    return this.writes.transaction(async (manager) => {
      const row = await this.reader.assertReadable(principal, await manager.findOneBy(NominationEntity, { id }), manager);
      if (!hasRoleAt(principal, 'submitter', row.organizationId)) {
        throw forbidden('Chỉ cán bộ đề nghị của đơn vị lập hồ sơ được sửa hồ sơ', { requiredRole: 'submitter' });
      }
      assertExpectedVersion(row, ifMatch);
      if (row.state !== 'draft' && !(row.state === `${row.entryLevel}.supplementRequested`)) {
        throw conflict('EVENT_NOT_ALLOWED', 'Chỉ sửa được hồ sơ khi đang soạn hoặc đang bổ sung theo yêu cầu', { state: row.state });
      }
      const { workflow } = this.reader.restore(row);
      if (dto.nominee && !workflow.form.nomineeKinds.includes(dto.nominee.kind)) {
        throw ruleRefused(`${workflow.form.name} không xét cho ${NOMINEE_KIND_LABELS[dto.nominee.kind]}`, { rule: 'nominee-kind', allowed: workflow.form.nomineeKinds });
      }
      const now = new Date().toISOString();
      const changes: Partial<NominationEntity> = { updatedAt: now };
      if (dto.nominee || dto.criterion !== undefined || dto.awardYear !== undefined) {
        // Eligibility is judged at SUBMIT on the registry entry, the criterion and the year: fixed once submitted.
        const entry = dto.nominee
          ? (await this.nomineeFor(manager, principal, row.organizationId, { nominee: dto.nominee }, now)).entry
          : await manager.findOneByOrFail(NomineeEntity, { id: row.nomineeId! });
        const criterion = this.criterionFor(workflow.form, entry, dto.criterion ?? row.criterion);
        const awardYear = dto.awardYear === undefined ? row.awardYear : this.awardYearOf(dto.awardYear, now);
        if (row.state !== 'draft' && (entry.id !== row.nomineeId || criterion !== row.criterion || awardYear !== row.awardYear)) {
          throw ruleRefused('Sau khi gửi hồ sơ không được đổi đối tượng, tiêu chuẩn đề nghị hoặc năm xét thành tích', { rule: 'eligibility-fixed-after-submission' });
        }
        Object.assign(changes, { nomineeId: entry.id, criterion, awardYear });
      }
      if (dto.nominee) {
        changes.nominee = { ...dto.nominee };
        changes.nomineeKind = dto.nominee.kind;
        changes.nomineeName = nomineeDisplayName(dto.nominee).normalize('NFC').trim();
      }
      if (dto.achievements !== undefined) changes.achievements = dto.achievements.normalize('NFC');
      if (dto.campaignId !== undefined || dto.campaignReview !== undefined) {
        // A review chosen for another campaign does not carry over to the new one.
        const campaignId = dto.campaignId === undefined ? row.campaignId : dto.campaignId;
        const review = dto.campaignReview !== undefined ? dto.campaignReview : campaignId === row.campaignId ? row.campaignReview : null;
        const choice = await this.campaigns.resolve(manager, await this.organizations.lineage(row.organizationId, manager), campaignId, review);
        if (row.state !== 'draft' && (choice.campaignId !== row.campaignId || choice.campaignReview !== row.campaignReview)) {
          throw ruleRefused('Sau khi gửi hồ sơ không được đổi phong trào thi đua hoặc đợt sơ kết, tổng kết', { rule: 'campaign-fixed-after-submission' });
        }
        Object.assign(changes, choice);
      }
      await commitStep(manager, row, changes, {
        type: 'DRAFT_UPDATED',
        actor: principal,
        at: now,
        fromState: row.state,
        toState: row.state,
        payload: JSON.parse(JSON.stringify(dto)),
      });
      return this.reader.view(principal, (await manager.findOneBy(NominationEntity, { id: row.id }))!, manager);
    });
  }

  async get(principal: Principal, id: string): Promise<NominationView> {
    const row = await this.reader.assertReadable(principal, await this.dataSource.getRepository(NominationEntity).findOneBy({ id }));
    return this.reader.view(principal, row);
  }

  async list(principal: Principal, query: ListNominationsQuery): Promise<{ items: NominationView[]; total: number; page: number; pageSize: number }> {
    const page = Number(query.page ?? 1);
    const pageSize = Number(query.pageSize ?? 20);
    const builder = this.filtered(principal, query);
    if (!builder) return { items: [], total: 0, page, pageSize };
    // The page's ids first, sorted on narrow columns, then only its rows: sorting whole rows (snapshots included)
    // costs more the more the caller's scope holds (bench/: the status-tracking query as the data grows).
    const total = await builder.getCount();
    const ids: string[] = (await builder.clone().select('n.id', 'id').offset((page - 1) * pageSize).limit(pageSize).getRawMany<{ id: string }>()).map((r) => r.id);
    const found = ids.length ? await this.dataSource.getRepository(NominationEntity).findBy({ id: In(ids) }) : [];
    const rows = ids.map((id) => found.find((row) => row.id === id)).filter((row): row is NominationEntity => !!row);
    return { items: await this.reader.views(principal, rows), total, page, pageSize };
  }

  /** Every nomination the list's filters match, without paging (at most `limit`), newest change first: what an export writes. */
  async listAll(principal: Principal, query: ListNominationsQuery, limit: number): Promise<{ items: NominationView[]; total: number }> {
    const builder = this.filtered(principal, query);
    if (!builder) return { items: [], total: 0 };
    const [rows, total] = await builder.take(limit).getManyAndCount();
    return { items: await this.reader.views(principal, rows), total };
  }

  /** The list's query within the caller's read scope, ordered; null when the caller reads nothing. */
  private filtered(principal: Principal, query: ListNominationsQuery) {
    const builder = this.dataSource.getRepository(NominationEntity).createQueryBuilder('n');
    if (!restrictToReadScope(builder, principal)) return null;
    if (query.state) {
      // A level or a step matches too: `commune` finds every commune.* state, `awarded` the final one.
      builder.andWhere('(n.state = :state OR n.state LIKE :statePrefix)', { state: query.state, statePrefix: `${query.state}.%` });
    }
    if (query.formCode) builder.andWhere('n.form_code = :formCode', { formCode: query.formCode });
    if (query.organizationId) builder.andWhere('n.organization_id = :organizationId', { organizationId: query.organizationId });
    if (query.campaignId) builder.andWhere('n.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.campaignReview) builder.andWhere('n.campaign_review = :campaignReview', { campaignReview: query.campaignReview });
    if (query.q) {
      const search = nameContains(this.dataSource.options.type, 'n.nominee_name', query.q);
      builder.andWhere(search.sql, search.parameters);
    }
    if (query.overdue !== undefined || query.dueWithinDays !== undefined) filterByDeadline(builder, query, vietnamDate(new Date()));
    return builder.orderBy('n.updated_at', 'DESC').addOrderBy('n.id', 'ASC');
  }

  async history(principal: Principal, id: string) {
    await this.reader.assertReadable(principal, await this.dataSource.getRepository(NominationEntity).findOneBy({ id }));
    const events = await this.dataSource.getRepository(NominationEventEntity).find({ where: { nominationId: id }, order: { seq: 'ASC' } });
    return events.map((event) => ({
      seq: event.seq,
      type: event.type,
      actor: { userId: event.actorUserId, username: event.actorUsername },
      at: event.at,
      fromState: event.fromState || null,
      toState: event.toState,
      payload: event.payload,
    }));
  }
}
