import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { evaluateAllForms, FLAG_LABELS, isFlagInForce, RATING_LABELS, vietnamDate, type RuleSet } from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { AppError, badInput, notFound, ruleRefused } from '../common/app-error';
import { insertOrRefuse } from '../common/unique-violation';
import { describeValidationErrors } from '../common/validation';
import { WriteSerializer } from '../database/write-serializer';
import { organizationsOf, type Principal } from '../identity/principal';
import { NominationAccessEntity } from '../nominations/nomination-access.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { nameContains } from '../nominations/nominee-search';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import type { CreateNomineeDto, ImportAwardRowDto, LiftFlagDto, ListNomineesQuery, RecordAwardDto, RecordBlockResultDto, RecordFlagDto, RecordRatingDto } from './dto';
import { ImportAwardRowDto as ImportAwardRow } from './dto';
import { NomineeAwardEntity, type AwardSource } from './nominee-award.entity';
import { NomineeBlockResultEntity } from './nominee-block-result.entity';
import { NomineeFlagEntity } from './nominee-flag.entity';
import { NomineeHistoryReader, type NomineeRecords } from './nominee-history.reader';
import { nomineeMatchKey } from './nominee-identity';
import { entryFrom } from './nominee-registry';
import { NomineeRatingEntity } from './nominee-rating.entity';
import { NomineeScope } from './nominee-scope';
import { NomineeEntity } from './nominee.entity';

const MAX_IMPORT_ROWS = 1000;

function isRealDate(value: string): boolean {
  return !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
}

function assertRealDates(fields: Record<string, string | undefined>): void {
  const bad = Object.entries(fields).filter(([, value]) => value !== undefined && !isRealDate(value));
  if (bad.length) {
    throw badInput(`Ngày không có thật: ${bad.map(([field, value]) => `${field} ${value}`).join(', ')}`, {
      fields: bad.map(([field]) => ({ field, problems: ['không phải ngày có thật'] })),
    });
  }
}

/** What a caller sees of a registry entry. */
function entryView(entry: NomineeEntity, organizationName: string | null) {
  return {
    id: entry.id,
    organizationId: entry.organizationId,
    organizationName,
    kind: entry.kind,
    ...(entry.kind === 'individual' ? { fullName: entry.name } : {}),
    name: entry.name,
    category: entry.category,
    dateOfBirth: entry.dateOfBirth,
    position: entry.position,
    unitName: entry.unitName,
    taxCode: entry.taxCode,
    householdHead: entry.householdHead,
    address: entry.address,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}

function ratingView(rating: NomineeRatingEntity) {
  return { id: rating.id, year: rating.year, rating: rating.rating, ratingLabel: RATING_LABELS[rating.rating], note: rating.note, recordedAt: rating.recordedAt };
}

function awardView(award: NomineeAwardEntity) {
  return {
    id: award.id,
    formCode: award.formCode,
    name: award.name,
    year: award.year,
    decisionNumber: award.decisionNumber,
    decisionDate: award.decisionDate,
    grantingAuthority: award.grantingAuthority,
    source: award.source,
    nominationId: award.nominationId,
    revoked: award.revokedOn ? { on: award.revokedOn, number: award.revocationNumber, reason: award.revocationReason } : null,
    note: award.note,
    recordedAt: award.recordedAt,
  };
}

function flagView(flag: NomineeFlagEntity, today: string) {
  return {
    id: flag.id,
    kind: flag.kind,
    label: FLAG_LABELS[flag.kind],
    startsOn: flag.startsOn,
    endsOn: flag.endsOn,
    note: flag.note,
    liftedOn: flag.liftedOn,
    liftNote: flag.liftNote,
    inForce: isFlagInForce(flag, today),
    recordedAt: flag.recordedAt,
  };
}

function blockResultView(result: NomineeBlockResultEntity) {
  return { id: result.id, year: result.year, blockName: result.blockName, note: result.note, recordedAt: result.recordedAt };
}

/** Row problems of an import, in the one shape of the error details: `{field, problems}`. */
type RowProblems = Array<{ field: string; problems: string[] }>;

/**
 * The nominee registry: entries owned by an organization, their yearly ratings, titles and awards (granted in the
 * system or entered), block election results and flags. The owner and the organizations above it read; the
 * commune, agency and province appraisal offices record.
 */
@Injectable()
export class NomineesService {
  private readonly logger = new Logger('Nominees');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly organizations: OrganizationsService,
    private readonly scope: NomineeScope,
    private readonly reader: NomineeHistoryReader,
  ) {}

  async create(principal: Principal, dto: CreateNomineeDto) {
    const { organizationId: requested, ...data } = dto;
    const ownerId = requested ?? principal.organizationId;
    if (!ownerId) throw badInput('Phải nêu tổ chức quản lý đối tượng', { fields: [{ field: 'organizationId', problems: ['bắt buộc phải có'] }] });
    if (data.dateOfBirth) assertRealDates({ dateOfBirth: data.dateOfBirth });
    return this.writes.transaction(async (manager) => {
      await this.assertOrganization(manager, ownerId);
      await this.scope.assertManageable(principal, ownerId, manager);
      const existing = await manager.findOneBy(NomineeEntity, { organizationId: ownerId, matchKey: nomineeMatchKey(data) });
      const duplicate = (nomineeId: string | null) => ruleRefused('Đối tượng này đã có trong sổ theo dõi của tổ chức', { rule: 'nominee-unique', nomineeId });
      if (existing) throw duplicate(existing.id);
      const now = new Date().toISOString();
      const entry = entryFrom(randomUUID(), ownerId, data, principal.userId, now);
      // Created at the same moment through another instance: the unique (organization, match key) decides.
      await insertOrRefuse(() => manager.insert(NomineeEntity, entry as QueryDeepPartialEntity<NomineeEntity>), () => duplicate(null));
      this.logger.log(JSON.stringify({ nominee: entry.id, organization: ownerId, event: 'CREATED', actor: principal.username }));
      return this.detail(principal, entry, manager);
    });
  }

  async list(principal: Principal, query: ListNomineesQuery) {
    const page = Number(query.page ?? 1);
    const pageSize = Number(query.pageSize ?? 20);
    const owners = await this.scope.readableOwners(principal);
    const builder = this.dataSource.getRepository(NomineeEntity).createQueryBuilder('e');
    if (owners !== 'all') {
      if (!owners.size) return { items: [], total: 0, page, pageSize };
      builder.where('e.organization_id IN (:...owners)', { owners: [...owners] });
    }
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.organizationId) builder.andWhere('e.organization_id = :organizationId', { organizationId: query.organizationId });
    if (query.q) {
      const search = nameContains(this.dataSource.options.type, 'e.name', query.q);
      builder.andWhere(search.sql, search.parameters);
    }
    builder.orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC').skip((page - 1) * pageSize).take(pageSize);
    const [rows, total] = await builder.getManyAndCount();
    const names = await this.organizationNames(this.dataSource.manager, rows.map((row) => row.organizationId));
    return { items: rows.map((row) => entryView(row, names.get(row.organizationId) ?? null)), total, page, pageSize };
  }

  /** One entry with its history: ratings, titles and awards, flags, block results, and the nominations the caller sees. */
  async get(principal: Principal, id: string) {
    const entry = await this.readable(principal, id);
    return this.detail(principal, entry, this.dataSource.manager);
  }

  async recordRating(principal: Principal, id: string, dto: RecordRatingDto) {
    return this.managed(principal, id, (manager, entry, now) => this.ratingIn(manager, principal, entry, dto, now));
  }

  async recordAward(principal: Principal, id: string, dto: RecordAwardDto) {
    return this.managed(principal, id, (manager, entry, now) => this.awardIn(manager, principal, entry, dto, now));
  }

  /**
   * Several records of one entry in one transaction, with the same checks as one by one: how the demo seed enters a
   * person's past.
   */
  async recordHistory(
    principal: Principal,
    id: string,
    history: { ratings?: RecordRatingDto[]; awards?: RecordAwardDto[]; blockResults?: RecordBlockResultDto[]; flags?: Array<RecordFlagDto & { lift?: LiftFlagDto }> },
  ) {
    for (const { lift, ...flag } of history.flags ?? []) {
      this.assertFlagDates(flag);
      if (lift?.liftedOn) assertRealDates({ liftedOn: lift.liftedOn });
    }
    return this.managed(principal, id, async (manager, entry, now) => {
      for (const rating of history.ratings ?? []) await this.ratingIn(manager, principal, entry, rating, now);
      for (const award of history.awards ?? []) await this.awardIn(manager, principal, entry, award, now);
      for (const result of history.blockResults ?? []) await this.blockResultIn(manager, principal, entry, result, now);
      for (const { lift, ...flag } of history.flags ?? []) {
        const flagId = await this.flagIn(manager, principal, entry, flag, now);
        if (lift) await this.liftIn(manager, principal, entry, flagId, lift, now);
      }
    });
  }

  private async ratingIn(manager: EntityManager, principal: Principal, entry: NomineeEntity, dto: RecordRatingDto, now: string) {
    const taken = () => ruleRefused(`Đã có kết quả đánh giá năm ${dto.year} của đối tượng này`, { rule: 'rating-year-unique', year: dto.year });
    if (await manager.existsBy(NomineeRatingEntity, { nomineeId: entry.id, year: dto.year })) throw taken();
    // Two offices recording the year at once (PostgreSQL, or two instances): the unique (nominee, year) decides.
    await insertOrRefuse(
      () =>
        manager.insert(NomineeRatingEntity, {
          id: randomUUID(),
          nomineeId: entry.id,
          year: dto.year,
          rating: dto.rating,
          note: dto.note?.normalize('NFC') ?? null,
          recordedBy: principal.userId,
          recordedAt: now,
        }),
      taken,
    );
  }

  private async awardIn(manager: EntityManager, principal: Principal, entry: NomineeEntity, dto: RecordAwardDto, now: string) {
    const problems = await this.awardProblems(manager, entry, dto);
    if (problems.some((problem) => problem.field === 'decisionNumber')) {
      throw ruleRefused('Đối tượng đã có khen thưởng này trong sổ theo dõi', { rule: 'award-unique', decisionNumber: dto.decisionNumber });
    }
    if (problems.length) throw this.awardRefusal(problems);
    await this.insertAward(manager, entry, dto, 'entered', principal, now);
  }

  /**
   * A batch of past titles and awards, all or nothing: every row is checked (shape, nominee, scope, catalog,
   * duplicates) before anything is written; one bad row refuses the batch with a report of every row.
   */
  async importAwards(principal: Principal, body: unknown) {
    const rows = (body as { rows?: unknown })?.rows;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(rows) || Object.keys(body).some((key) => key !== 'rows')) {
      throw badInput('Nội dung nhập phải là {"rows": [...]}', { fields: [{ field: 'rows', problems: ['phải là một danh sách'] }] });
    }
    if (rows.length === 0 || rows.length > MAX_IMPORT_ROWS) {
      throw badInput(`Danh sách nhập phải có từ 1 đến ${MAX_IMPORT_ROWS} dòng`, { fields: [{ field: 'rows', problems: ['số dòng không hợp lệ'] }] });
    }
    return this.writes.transaction(async (manager) => {
      const now = new Date().toISOString();
      const report: Array<{ row: number; status: 'ok' | 'error'; nomineeId: string | null; nomineeCreated: boolean; problems: RowProblems }> = [];
      const planned: Array<{ entry: NomineeEntity; create: boolean; row: ImportAwardRowDto }> = [];
      const pendingEntries = new Map<string, NomineeEntity>();
      const seenAwards = new Set<string>();
      for (const [index, raw] of rows.entries()) {
        const problems: RowProblems = [];
        let entry: NomineeEntity | null = null;
        let create = false;
        const row = plainToInstance(ImportAwardRow, raw ?? {});
        const errors = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? validateSync(row, { whitelist: true, forbidNonWhitelisted: true }) : null;
        if (errors === null) problems.push({ field: '', problems: ['mỗi dòng phải là một đối tượng'] });
        else problems.push(...describeValidationErrors(errors));
        if (!problems.length) {
          ({ entry, create } = await this.importTarget(manager, principal, row, now, pendingEntries, problems));
          if (entry) {
            problems.push(...(await this.awardProblems(manager, entry, row, !create)));
            const key = `${entry.id}|${row.formCode}|${row.decisionNumber}|${row.decisionDate}`;
            if (seenAwards.has(key)) problems.push({ field: 'decisionNumber', problems: ['trùng với một dòng trước trong danh sách'] });
            seenAwards.add(key);
          }
        }
        report.push({ row: index, status: problems.length ? 'error' : 'ok', nomineeId: entry?.id ?? null, nomineeCreated: create && !problems.length, problems });
        if (!problems.length) planned.push({ entry: entry!, create, row });
      }
      const failed = report.filter((line) => line.status === 'error');
      if (failed.length) {
        throw ruleRefused(`Không nhập dữ liệu nào: ${failed.length}/${rows.length} dòng không hợp lệ (dòng ${failed.map((line) => line.row).join(', ')})`, {
          rule: 'import-all-or-nothing',
          rows: report,
        });
      }
      const created = new Set<string>();
      for (const { entry, create, row } of planned) {
        if (create && !created.has(entry.id)) {
          await manager.insert(NomineeEntity, entry as QueryDeepPartialEntity<NomineeEntity>);
          created.add(entry.id);
        }
        await this.insertAward(manager, entry, row, 'imported', principal, now);
      }
      this.logger.log(JSON.stringify({ event: 'AWARDS_IMPORTED', rows: rows.length, nomineesCreated: created.size, actor: principal.username }));
      return { imported: rows.length, nomineesCreated: created.size, rows: report };
    });
  }

  async recordFlag(principal: Principal, id: string, dto: RecordFlagDto) {
    this.assertFlagDates(dto);
    return this.managed(principal, id, async (manager, entry, now) => {
      await this.flagIn(manager, principal, entry, dto, now);
    });
  }

  async liftFlag(principal: Principal, id: string, flagId: string, dto: LiftFlagDto) {
    if (dto.liftedOn) assertRealDates({ liftedOn: dto.liftedOn });
    return this.managed(principal, id, (manager, entry, now) => this.liftIn(manager, principal, entry, flagId, dto, now));
  }

  async recordBlockResult(principal: Principal, id: string, dto: RecordBlockResultDto) {
    return this.managed(principal, id, (manager, entry, now) => this.blockResultIn(manager, principal, entry, dto, now));
  }

  private assertFlagDates(dto: RecordFlagDto): void {
    assertRealDates({ startsOn: dto.startsOn, endsOn: dto.endsOn });
    if (dto.endsOn && dto.endsOn < dto.startsOn) {
      throw badInput('Ngày kết thúc không được trước ngày bắt đầu', { fields: [{ field: 'endsOn', problems: ['trước ngày bắt đầu'] }] });
    }
  }

  private async flagIn(manager: EntityManager, principal: Principal, entry: NomineeEntity, dto: RecordFlagDto, now: string): Promise<string> {
    const id = randomUUID();
    await manager.insert(NomineeFlagEntity, {
      id,
      nomineeId: entry.id,
      kind: dto.kind,
      startsOn: dto.startsOn,
      endsOn: dto.endsOn ?? null,
      note: dto.note.normalize('NFC'),
      liftedOn: null,
      liftNote: null,
      recordedBy: principal.userId,
      recordedAt: now,
      liftedBy: null,
      liftedAt: null,
    });
    return id;
  }

  private async liftIn(manager: EntityManager, principal: Principal, entry: NomineeEntity, flagId: string, dto: LiftFlagDto, now: string) {
    const flag = await manager.findOneBy(NomineeFlagEntity, { id: flagId, nomineeId: entry.id });
    if (!flag) throw notFound('Không tìm thấy thông tin cần theo dõi này của đối tượng');
    if (flag.liftedOn) throw ruleRefused(`Đã chấm dứt từ ngày ${flag.liftedOn}`, { rule: 'flag-already-lifted', liftedOn: flag.liftedOn });
    const liftedOn = dto.liftedOn ?? vietnamDate(now);
    if (liftedOn < flag.startsOn) {
      throw badInput('Ngày chấm dứt không được trước ngày bắt đầu', { fields: [{ field: 'liftedOn', problems: ['trước ngày bắt đầu'] }] });
    }
    await manager.update(NomineeFlagEntity, { id: flag.id }, { liftedOn, liftNote: dto.note.normalize('NFC'), liftedBy: principal.userId, liftedAt: now });
  }

  private async blockResultIn(manager: EntityManager, principal: Principal, entry: NomineeEntity, dto: RecordBlockResultDto, now: string) {
    if (entry.kind !== 'collective') throw ruleRefused('Chỉ tập thể mới có kết quả suy tôn của cụm, khối thi đua', { rule: 'block-result-collective' });
    const taken = () => ruleRefused(`Đã có kết quả suy tôn năm ${dto.year} của tập thể này`, { rule: 'block-result-year-unique', year: dto.year });
    if (await manager.existsBy(NomineeBlockResultEntity, { nomineeId: entry.id, year: dto.year })) throw taken();
    await insertOrRefuse(
      () =>
        manager.insert(NomineeBlockResultEntity, {
          id: randomUUID(),
          nomineeId: entry.id,
          year: dto.year,
          blockName: dto.blockName.normalize('NFC').trim(),
          note: dto.note?.normalize('NFC') ?? null,
          recordedBy: principal.userId,
          recordedAt: now,
        }),
      taken,
    );
  }

  /** Every form of the rule set in force for the owner's province: eligible or why not, for each alternative. */
  async eligibility(principal: Principal, id: string, year: number | undefined) {
    const entry = await this.readable(principal, id);
    const manager = this.dataSource.manager;
    const now = new Date().toISOString();
    const today = vietnamDate(now);
    const judgedYear = year ?? Number(today.slice(0, 4));
    const ruleSet = await this.ruleSetFor(manager, entry.organizationId, now);
    const history = await this.reader.history(manager, entry);
    return {
      nomineeId: entry.id,
      year: judgedYear,
      today,
      ruleSetId: ruleSet.id,
      forms: evaluateAllForms(ruleSet, history, judgedYear, today),
    };
  }

  private async ruleSetFor(manager: EntityManager, organizationId: string, now: string): Promise<RuleSet> {
    const lineage = await this.organizations.lineage(organizationId, manager);
    return this.catalog.ruleSetInForce(lineage.find((organization) => organization.kind === 'province')?.code ?? null, now);
  }

  private async readable(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<NomineeEntity> {
    const entry = await manager.findOneBy(NomineeEntity, { id });
    if (!entry) throw notFound('Không tìm thấy đối tượng trong sổ theo dõi');
    await this.scope.assertReadable(principal, entry.organizationId, manager);
    return entry;
  }

  /** A write by an office that manages the entry, in one transaction; answers the entry with its history. */
  private managed(principal: Principal, id: string, work: (manager: EntityManager, entry: NomineeEntity, now: string) => Promise<void>) {
    return this.writes.transaction(async (manager) => {
      const entry = await this.readable(principal, id, manager);
      await this.scope.assertManageable(principal, entry.organizationId, manager);
      const now = new Date().toISOString();
      await work(manager, entry, now);
      await manager.update(NomineeEntity, { id: entry.id }, { updatedAt: now });
      return this.detail(principal, { ...entry, updatedAt: now }, manager);
    });
  }

  private async detail(principal: Principal, entry: NomineeEntity, manager: EntityManager) {
    const records: NomineeRecords = await this.reader.records(manager, entry.id);
    const names = await this.organizationNames(manager, [entry.organizationId]);
    const today = vietnamDate(new Date());
    const nominations = await this.visibleNominations(principal, manager, entry.id);
    return {
      ...entryView(entry, names.get(entry.organizationId) ?? null),
      ratings: records.ratings.map(ratingView),
      awards: records.awards.map(awardView),
      flags: records.flags.map((flag) => flagView(flag, today)),
      blockResults: records.blockResults.map(blockResultView),
      nominations,
      flagsInForce: records.flags.filter((flag) => isFlagInForce(flag, today)).length,
    };
  }

  /** The nominee's nominations the caller may read, newest first. */
  private async visibleNominations(principal: Principal, manager: EntityManager, nomineeId: string) {
    const rows = await manager.find(NominationEntity, { where: { nomineeId }, order: { createdAt: 'DESC', id: 'ASC' } });
    let visible = rows;
    if (!principal.isAdmin && rows.length) {
      const organizations = organizationsOf(principal);
      const access = organizations.length
        ? await manager.find(NominationAccessEntity, { where: { nominationId: In(rows.map((row) => row.id)), organizationId: In(organizations) } })
        : [];
      const readable = new Set(access.map((grant) => grant.nominationId));
      visible = rows.filter((row) => readable.has(row.id));
    }
    return visible.map((row) => ({ id: row.id, formCode: row.formCode, state: row.state, awardYear: row.awardYear, criterion: row.criterion, campaignId: row.campaignId }));
  }

  private async organizationNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await manager.findBy(OrganizationEntity, { id: In(unique) });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  private async assertOrganization(manager: EntityManager, organizationId: string): Promise<void> {
    if (!(await manager.existsBy(OrganizationEntity, { id: organizationId }))) {
      throw notFound('Không tìm thấy tổ chức quản lý đối tượng', { field: 'organizationId' });
    }
  }

  /** The entry an import row is about: by id, or found/created from its data in the owner's registry. */
  private async importTarget(
    manager: EntityManager,
    principal: Principal,
    row: ImportAwardRowDto,
    now: string,
    pending: Map<string, NomineeEntity>,
    problems: RowProblems,
  ): Promise<{ entry: NomineeEntity | null; create: boolean }> {
    if (row.nomineeId && row.nominee) {
      problems.push({ field: 'nominee', problems: ['không gửi cùng nomineeId'] });
      return { entry: null, create: false };
    }
    if (row.nomineeId) {
      const entry = await manager.findOneBy(NomineeEntity, { id: row.nomineeId });
      if (!entry) {
        problems.push({ field: 'nomineeId', problems: ['không có trong sổ theo dõi'] });
        return { entry: null, create: false };
      }
      if (!(await this.scope.mayManage(principal, entry.organizationId, manager))) {
        problems.push({ field: 'nomineeId', problems: ['không thuộc phạm vi quản lý của cơ quan bạn'] });
        return { entry: null, create: false };
      }
      return { entry, create: false };
    }
    const ownerId = row.organizationId ?? principal.organizationId;
    if (!ownerId || !(await manager.existsBy(OrganizationEntity, { id: ownerId }))) {
      problems.push({ field: 'organizationId', problems: ['không có tổ chức này'] });
      return { entry: null, create: false };
    }
    if (!(await this.scope.mayManage(principal, ownerId, manager))) {
      problems.push({ field: 'organizationId', problems: ['không thuộc phạm vi quản lý của cơ quan bạn'] });
      return { entry: null, create: false };
    }
    const key = `${ownerId}/${nomineeMatchKey(row.nominee!)}`;
    const existing = pending.get(key) ?? (await manager.findOneBy(NomineeEntity, { organizationId: ownerId, matchKey: nomineeMatchKey(row.nominee!) }));
    if (existing) return { entry: existing, create: pending.has(key) };
    const entry = entryFrom(randomUUID(), ownerId, row.nominee!, principal.userId, now);
    pending.set(key, entry);
    return { entry, create: true };
  }

  /** What is wrong with an award for an entry: dates, a code outside the catalog without a name, a duplicate. */
  private async awardProblems(manager: EntityManager, entry: NomineeEntity, award: RecordAwardDto, checkDuplicates = true): Promise<RowProblems> {
    const problems: RowProblems = [];
    if (!isRealDate(award.decisionDate)) problems.push({ field: 'decisionDate', problems: ['không phải ngày có thật'] });
    if (award.revocation && !isRealDate(award.revocation.date)) problems.push({ field: 'revocation.date', problems: ['không phải ngày có thật'] });
    const known = this.catalogName(award.formCode);
    if (!known && !award.name) problems.push({ field: 'name', problems: [`"${award.formCode}" không có trong danh mục: phải nêu tên hình thức`] });
    const year = award.year ?? Number(award.decisionDate.slice(0, 4));
    if (award.year !== undefined && award.year > Number(award.decisionDate.slice(0, 4))) {
      problems.push({ field: 'year', problems: ['năm thành tích không được sau năm của quyết định'] });
    }
    if (checkDuplicates && !problems.length) {
      const same = await manager.existsBy(NomineeAwardEntity, { nomineeId: entry.id, formCode: award.formCode, year, decisionNumber: award.decisionNumber });
      if (same) problems.push({ field: 'decisionNumber', problems: ['đối tượng đã có khen thưởng này trong sổ theo dõi'] });
    }
    return problems;
  }

  private awardRefusal(problems: RowProblems): AppError {
    return badInput(`Dữ liệu không hợp lệ: ${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, { fields: problems });
  }

  private catalogName(formCode: string): string | null {
    for (const set of this.catalog.registry.ruleSets) {
      const form = set.forms.find((candidate) => candidate.code === formCode);
      if (form) return form.name;
    }
    return null;
  }

  private async insertAward(manager: EntityManager, entry: NomineeEntity, award: RecordAwardDto, source: AwardSource, principal: Principal, now: string) {
    await manager.insert(NomineeAwardEntity, {
      id: randomUUID(),
      nomineeId: entry.id,
      formCode: award.formCode,
      name: (award.name ?? this.catalogName(award.formCode)!).normalize('NFC'),
      year: award.year ?? Number(award.decisionDate.slice(0, 4)),
      decisionNumber: award.decisionNumber.normalize('NFC').trim(),
      decisionDate: award.decisionDate,
      grantingAuthority: award.grantingAuthority.normalize('NFC').trim(),
      source,
      nominationId: null,
      revokedOn: award.revocation?.date ?? null,
      revocationNumber: award.revocation?.number.normalize('NFC') ?? null,
      revocationReason: award.revocation?.reason.normalize('NFC') ?? null,
      note: award.note?.normalize('NFC') ?? null,
      recordedBy: principal.userId,
      recordedAt: now,
    });
  }
}
