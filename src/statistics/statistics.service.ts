import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import {
  addCalendarDays,
  ancestryOf,
  campaignSummary,
  daysLate,
  dimensionLabel,
  fillMonths,
  lastMonths,
  monthRanges,
  organizationYearReport,
  parseGroupBy,
  statesByGroup,
  statusLabel,
  subtreeOf,
  vietnamDate,
  vietnamDayEndUtc,
  vietnamDayStartUtc,
  compareStates,
  type Level,
  type NomineeKind,
  type OutcomeRow,
  type StatisticsDimension,
} from '../../workflows';
import { badInput, forbidden, notFound } from '../common/app-error';
import type { FieldProblem } from '../common/validation';
import { isSqliteType } from '../database/database-type';
import { organizationsOf, type Principal } from '../identity/principal';
import { filterByDeadline, STATES_WITHOUT_DEADLINE } from '../nominations/deadline-filters';
import { NominationEntity } from '../nominations/nomination.entity';
import { restrictToReadScope } from '../nominations/read-scope';
import { NomineeEntity } from '../nominees/nominee.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { CampaignTitles } from './campaign-titles';
import type { NominationStatisticsQuery } from './statistics-query.dto';
import { StatisticsLabels } from './statistics-labels';

type Key = string | number | null;

/** The dashboard's lists of overdue and soon-due dossiers show this many, most urgent first. */
export const DASHBOARD_TOP_ITEMS = 10;
export const DUE_SOON_DAYS = 3;
const DASHBOARD_MONTHS = 12;

/** Registry category of công nhân, nông dân: the người lao động trực tiếp of the yearly statistics. */
const DIRECT_WORKER_CATEGORY = 'worker-farmer';

/**
 * Counts of nominations for reports and the dashboard. Every query is one SQL GROUP BY on indexed columns of
 * `nominations`, inside the caller's read scope (the same `nomination_access` restriction as GET /api/nominations);
 * rows are never loaded to be counted in memory, only the small grouped result is shaped here.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly labels: StatisticsLabels,
    private readonly organizations: OrganizationsService,
    private readonly campaigns: CampaignTitles,
  ) {}

  /** A query on the nominations the caller reads; null when it reads none. */
  private scoped(principal: Principal): SelectQueryBuilder<NominationEntity> | null {
    const builder = this.dataSource.getRepository(NominationEntity).createQueryBuilder('n');
    return restrictToReadScope(builder, principal) ? builder : null;
  }

  /** The month of submission in Vietnam time, `YYYY-MM`, computed by the database from the stored UTC instant. */
  private monthSql(column = 'n.submitted_at'): string {
    return isSqliteType(this.dataSource.options.type)
      ? `strftime('%Y-%m', ${column}, '+7 hours')`
      : `to_char((CAST(${column} AS timestamptz) AT TIME ZONE 'UTC') + INTERVAL '7 hours', 'YYYY-MM')`;
  }

  private dimensionSql(dimension: StatisticsDimension): string {
    switch (dimension) {
      case 'campaign':
        return 'n.campaign_id';
      case 'review':
        return 'n.campaign_review';
      case 'form':
        return 'n.form_code';
      case 'organization':
        return 'n.organization_id';
      case 'state':
        return 'n.state';
      case 'year':
        return 'n.award_year';
      case 'month':
        return this.monthSql();
    }
  }

  /** 400 naming every bad parameter: an unknown dimension, an impossible date, a range that ends before it starts. */
  private checkQuery(query: NominationStatisticsQuery): StatisticsDimension[] {
    const problems: FieldProblem[] = [];
    const parsed = parseGroupBy(query.groupBy);
    if (!parsed.ok) problems.push({ field: 'groupBy', problems: parsed.problems });
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) problems.push({ field, problems: ['không phải là ngày có thật'] });
    }
    if (!problems.length && query.from && query.to && query.from > query.to) {
      problems.push({ field: 'from', problems: ['sau ngày to'] }, { field: 'to', problems: ['trước ngày from'] });
    }
    if (problems.length) {
      throw badInput(`Tham số thống kê không hợp lệ: ${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, { fields: problems });
    }
    return parsed.ok ? parsed.dimensions : [];
  }

  private applyFilters(builder: SelectQueryBuilder<NominationEntity>, query: NominationStatisticsQuery): void {
    if (query.campaignId) builder.andWhere('n.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.review) builder.andWhere('n.campaign_review = :review', { review: query.review });
    if (query.formCode) builder.andWhere('n.form_code = :formCode', { formCode: query.formCode });
    if (query.organizationId) builder.andWhere('n.organization_id = :organizationId', { organizationId: query.organizationId });
    if (query.state) {
      // As GET /api/nominations: a level or a step matches too (`commune` finds every commune.* state).
      builder.andWhere('(n.state = :state OR n.state LIKE :statePrefix)', { state: query.state, statePrefix: `${query.state}.%` });
    }
    if (query.year) builder.andWhere('n.award_year = :year', { year: Number(query.year) });
    if (query.from) builder.andWhere('n.submitted_at >= :fromInstant', { fromInstant: vietnamDayStartUtc(query.from) });
    if (query.to) builder.andWhere('n.submitted_at < :toInstant', { toInstant: vietnamDayEndUtc(query.to) });
  }

  /** Counts grouped by any combination of the dimensions, each key with its Vietnamese label. */
  async nominations(principal: Principal, query: NominationStatisticsQuery) {
    const dimensions = this.checkQuery(query);
    const filters = Object.fromEntries(
      Object.entries(query).filter(([name, value]) => value !== undefined && name !== 'format' && name !== 'groupBy'),
    );
    const builder = this.scoped(principal);
    const raw: Array<Record<string, unknown>> = [];
    if (builder) {
      this.applyFilters(builder, query);
      builder.select('COUNT(*)', 'count');
      dimensions.forEach((dimension, index) => {
        const sql = this.dimensionSql(dimension);
        builder.addSelect(sql, `k${index}`);
        if (index === 0) builder.groupBy(sql);
        else builder.addGroupBy(sql);
      });
      raw.push(...(await builder.getRawMany()));
    }
    const keyed = raw.map((row) => ({
      keys: Object.fromEntries(dimensions.map((dimension, index) => [dimension, normalizeKey(dimension, row[`k${index}`])])) as Record<string, Key>,
      count: Number(row.count),
    }));
    const lookups = await this.labels.lookups(
      keyed.map((row) => row.keys.organization as string | null),
      keyed.map((row) => row.keys.campaign as string | null),
    );
    const rows = keyed
      .filter((row) => dimensions.length || row.count > 0)
      .map((row) => ({
        ...row,
        labels: Object.fromEntries(dimensions.map((dimension) => [dimension, dimensionLabel(dimension, row.keys[dimension], lookups)])),
      }))
      .sort((a, b) => compareKeys(dimensions, a, b));
    return {
      groupBy: dimensions,
      filters,
      total: rows.reduce((sum, row) => sum + row.count, 0),
      rows: rows.map(({ keys, labels, count }) => ({ keys, labels, count })),
    };
  }

  /** What the web dashboard draws for the caller's scope. */
  async dashboard(principal: Principal, now = new Date()) {
    const today = vietnamDate(now);
    const months = lastMonths(today, DASHBOARD_MONTHS);
    const empty = {
      generatedOn: today,
      total: 0,
      byState: [] as ReturnType<typeof statesByGroup>['byState'],
      byStateGroup: [] as ReturnType<typeof statesByGroup>['byGroup'],
      byForm: [] as Array<{ formCode: string; label: string; count: number }>,
      byOrganization: [] as Array<{ organizationId: string; label: string; count: number }>,
      byMonth: fillMonths(months, []),
      overdue: { count: 0, items: [] as DeadlineItem[] },
      dueSoon: { withinDays: DUE_SOON_DAYS, count: 0, items: [] as DeadlineItem[] },
    };
    const base = () => this.scoped(principal);
    if (!base()) return empty;
    const counts = principal.isAdmin ? await this.countsByIndex(today, months) : await this.countsInOnePass(base()!, today, months);
    const { states, forms, organizationCounts, monthCounts } = counts;
    const overdue = { count: counts.overdue, items: await this.deadlineItems(base()!, { overdue: 'true' }, today) };
    const dueSoon = { count: counts.dueSoon, items: await this.deadlineItems(base()!, { dueWithinDays: String(DUE_SOON_DAYS) }, today) };
    const lookups = await this.labels.lookups([
      ...organizationCounts.map((row) => row.key),
      ...overdue.items.map((item) => item.organizationId),
      ...dueSoon.items.map((item) => item.organizationId),
    ]);
    const named = (items: DeadlineItem[]) => items.map((item) => ({ ...item, organizationName: lookups.organizationName(item.organizationId) ?? null }));
    const { byState, byGroup } = statesByGroup(states.map((row) => ({ state: row.key!, count: row.count })));
    return {
      ...empty,
      total: states.reduce((sum, row) => sum + row.count, 0),
      byState,
      byStateGroup: byGroup,
      byForm: forms
        .map((row) => ({ formCode: row.key!, label: lookups.formName(row.key!) ?? row.key!, count: row.count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi')),
      byOrganization: organizationCounts
        .map((row) => ({ organizationId: row.key!, label: lookups.organizationName(row.key!) ?? row.key!, count: row.count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi')),
      byMonth: fillMonths(months, monthCounts),
      overdue: { count: overdue.count, items: named(overdue.items) },
      dueSoon: { withinDays: DUE_SOON_DAYS, count: dueSoon.count, items: named(dueSoon.items) },
    };
  }

  /**
   * The dashboard's counts for a caller with a scope, in one pass over the nominations it reads: grouped by state,
   * form and unit, each group carrying its counts per month of submission and of open steps overdue or due soon.
   * Each nomination in scope costs one lookup through `nomination_access`, so every further query would cost as
   * much again; the groups are few (states × forms × units).
   */
  private async countsInOnePass(scoped: SelectQueryBuilder<NominationEntity>, today: string, months: string[]): Promise<DashboardCounts> {
    const ranges = monthRanges(months);
    const open = `n.due_date IS NOT NULL AND n.state NOT IN (:...withoutDeadline)`;
    const builder = scoped
      .select('n.state', 'state')
      .addSelect('n.form_code', 'formCode')
      .addSelect('n.organization_id', 'organizationId')
      .addSelect('COUNT(*)', 'count')
      .addSelect(`SUM(CASE WHEN ${open} AND n.due_date < :today THEN 1 ELSE 0 END)`, 'overdue')
      .addSelect(`SUM(CASE WHEN ${open} AND n.due_date >= :today AND n.due_date <= :dueLast THEN 1 ELSE 0 END)`, 'dueSoon')
      .setParameters({ withoutDeadline: STATES_WITHOUT_DEADLINE, today, dueLast: addCalendarDays(today, DUE_SOON_DAYS) });
    ranges.forEach((range, index) => {
      builder
        .addSelect(`SUM(CASE WHEN n.submitted_at >= :monthFrom${index} AND n.submitted_at < :monthTo${index} THEN 1 ELSE 0 END)`, `m${index}`)
        .setParameter(`monthFrom${index}`, range.from)
        .setParameter(`monthTo${index}`, range.to);
    });
    const groups = (await builder.groupBy('n.state').addGroupBy('n.form_code').addGroupBy('n.organization_id').getRawMany<Record<string, string | number>>()).map(
      (row) => ({
        state: String(row.state),
        formCode: String(row.formCode),
        organizationId: String(row.organizationId),
        count: Number(row.count),
        overdue: Number(row.overdue),
        dueSoon: Number(row.dueSoon),
        months: ranges.map((_, index) => Number(row[`m${index}`])),
      }),
    );
    const sumBy = (key: (group: (typeof groups)[number]) => string) => {
      const sums = new Map<string, number>();
      for (const group of groups) sums.set(key(group), (sums.get(key(group)) ?? 0) + group.count);
      return [...sums.entries()].map(([k, count]) => ({ key: k, count }));
    };
    const states = sumBy((group) => group.state);
    const forms = sumBy((group) => group.formCode);
    const organizationCounts = sumBy((group) => group.organizationId);
    const monthCounts = ranges.map((range, index) => ({ month: range.month, count: groups.reduce((sum, group) => sum + group.months[index], 0) }));
    const overdue = groups.reduce((sum, group) => sum + group.overdue, 0);
    const dueSoon = groups.reduce((sum, group) => sum + group.dueSoon, 0);
    return { states, forms, organizationCounts, monthCounts, overdue, dueSoon };
  }

  /**
   * The dashboard's counts over every nomination (the administrator): each one a separate query that one index
   * answers alone (state, form, unit; a range of submitted_at per month; due date and state), cheaper than one pass
   * that would sort a million rows by three columns.
   */
  private async countsByIndex(today: string, months: string[]): Promise<DashboardCounts> {
    const all = () => this.dataSource.getRepository(NominationEntity).createQueryBuilder('n');
    const grouped = async (sql: string) =>
      (await all().select(sql, 'k').addSelect('COUNT(*)', 'count').groupBy(sql).getRawMany<{ k: string; count: string | number }>()).map((row) => ({
        key: String(row.k),
        count: Number(row.count),
      }));
    const count = async (builder: SelectQueryBuilder<NominationEntity>) => Number((await builder.select('COUNT(*)', 'count').getRawOne<{ count: string | number }>())?.count ?? 0);
    const monthCounts: Array<{ month: string; count: number }> = [];
    for (const range of monthRanges(months)) {
      monthCounts.push({
        month: range.month,
        count: await count(all().where('n.submitted_at >= :monthFrom AND n.submitted_at < :monthTo', { monthFrom: range.from, monthTo: range.to })),
      });
    }
    const deadline = async (filter: { overdue?: string; dueWithinDays?: string }) => {
      const builder = all();
      filterByDeadline(builder, filter, today);
      return count(builder);
    };
    return {
      states: await grouped('n.state'),
      forms: await grouped('n.form_code'),
      organizationCounts: await grouped('n.organization_id'),
      monthCounts,
      overdue: await deadline({ overdue: 'true' }),
      dueSoon: await deadline({ dueWithinDays: String(DUE_SOON_DAYS) }),
    };
  }

  /** The first few dossiers, most urgent first, that the deadline filter of GET /api/nominations matches. */
  private async deadlineItems(builder: SelectQueryBuilder<NominationEntity>, filter: { overdue?: string; dueWithinDays?: string }, today: string): Promise<DeadlineItem[]> {
    filterByDeadline(builder, filter, today);
    // First the few ids, choosing and sorting on indexed columns only; then the nominees' names of those few rows.
    const top = await builder
      .select(['n.id', 'n.formCode', 'n.organizationId', 'n.state', 'n.dueDate'])
      .orderBy('n.dueDate', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .take(DASHBOARD_TOP_ITEMS)
      .getMany();
    const nominees = top.length
      ? await this.dataSource.getRepository(NominationEntity).find({ select: { id: true, nomineeName: true, nomineeKind: true }, where: { id: In(top.map((row) => row.id)) } })
      : [];
    const nomineeOf = new Map(nominees.map((row) => [row.id, row]));
    return top.map((row) => ({
      id: row.id,
      formCode: row.formCode,
      formName: this.labels.form(row.formCode)?.name ?? row.formCode,
      nomineeName: nomineeOf.get(row.id)!.nomineeName,
      nomineeKind: nomineeOf.get(row.id)!.nomineeKind,
      organizationId: row.organizationId,
      organizationName: null,
      state: row.state,
      statusLabel: statusLabel(row.state),
      dueDate: row.dueDate!,
      daysOverdue: daysLate(row.dueDate!, today),
    }));
  }

  /**
   * Số liệu khen thưởng năm of an organization and every one below it, for the year judged: readable by the
   * organization itself, those above it and the administrator, each within its read scope.
   */
  async organizationYear(principal: Principal, organizationId: string, year: number) {
    const all = await this.organizations.list();
    const organization = all.find((candidate) => candidate.id === organizationId);
    if (!organization) throw notFound('Không tìm thấy tổ chức');
    const ancestry = ancestryOf(all, organizationId);
    if (!principal.isAdmin && !organizationsOf(principal).some((id) => ancestry.includes(id))) {
      throw forbidden('Chỉ tổ chức này, cấp trên của nó và quản trị hệ thống được xem số liệu khen thưởng của tổ chức');
    }
    const subtree = subtreeOf(all, organizationId);
    const builder = this.scoped(principal);
    const rows: OutcomeRow[] = [];
    if (builder) {
      const submitted = 'CASE WHEN n.submitted_at IS NULL THEN 0 ELSE 1 END';
      builder
        .leftJoin(NomineeEntity, 'ne', 'ne.id = n.nominee_id')
        .andWhere('n.award_year = :year', { year })
        .andWhere('n.organization_id IN (:...subtree)', { subtree })
        .select('n.form_code', 'formCode')
        .addSelect('n.entry_level', 'entryLevel')
        .addSelect('n.nominee_kind', 'nomineeKind')
        .addSelect('n.state', 'state')
        .addSelect(submitted, 'submitted')
        .addSelect('COUNT(*)', 'count')
        .addSelect(`SUM(CASE WHEN n.nominee_kind = 'individual' AND ne.category = :directWorker THEN 1 ELSE 0 END)`, 'directWorkers')
        .setParameter('directWorker', DIRECT_WORKER_CATEGORY)
        .groupBy('n.form_code')
        .addGroupBy('n.entry_level')
        .addGroupBy('n.nominee_kind')
        .addGroupBy('n.state')
        .addGroupBy(submitted);
      rows.push(...(await builder.getRawMany()).map(outcomeRow));
    }
    return {
      organization: { id: organization.id, name: organization.name, kind: organization.kind },
      year,
      organizationsIncluded: subtree.length,
      ...organizationYearReport(rows, (code) => this.labels.form(code)),
    };
  }

  /** The campaign's sơ kết or tổng kết summary (both reviews when `review` is not given), within the caller's scope. */
  async campaignSummary(principal: Principal, campaignId: string, review: 'midterm' | 'final' | undefined) {
    const campaign = await this.campaigns.visible(principal, campaignId);
    const builder = this.scoped(principal);
    const rows: OutcomeRow[] = [];
    if (builder) {
      const submitted = 'CASE WHEN n.submitted_at IS NULL THEN 0 ELSE 1 END';
      builder.andWhere('n.campaign_id = :campaignId', { campaignId });
      if (review) builder.andWhere('n.campaign_review = :review', { review });
      builder
        .select('n.form_code', 'formCode')
        .addSelect('n.entry_level', 'entryLevel')
        .addSelect('n.nominee_kind', 'nomineeKind')
        .addSelect('n.organization_id', 'organizationId')
        .addSelect('n.state', 'state')
        .addSelect(submitted, 'submitted')
        .addSelect('COUNT(*)', 'count')
        .groupBy('n.form_code')
        .addGroupBy('n.entry_level')
        .addGroupBy('n.nominee_kind')
        .addGroupBy('n.organization_id')
        .addGroupBy('n.state')
        .addGroupBy(submitted);
      rows.push(...(await builder.getRawMany()).map(outcomeRow));
    }
    const reviews = campaign.reviews;
    const allowed = review
      ? (reviews.find((candidate) => candidate.kind === review)?.allowedFormCodes ?? null)
      : reviews.length
        ? [...new Set(reviews.flatMap((candidate) => candidate.allowedFormCodes))]
        : null;
    const lookups = await this.labels.lookups(rows.map((row) => row.organizationId ?? null));
    return {
      campaign: { id: campaign.id, title: campaign.title, planNumber: campaign.planNumber },
      review: review ?? null,
      reviewLabel: review ? dimensionLabel('review', review, lookups) : 'Sơ kết và tổng kết',
      ...campaignSummary(rows, allowed, (code) => this.labels.form(code), lookups.organizationName),
    };
  }
}

interface DashboardCounts {
  states: Array<{ key: string; count: number }>;
  forms: Array<{ key: string; count: number }>;
  organizationCounts: Array<{ key: string; count: number }>;
  monthCounts: Array<{ month: string; count: number }>;
  overdue: number;
  dueSoon: number;
}

export interface DeadlineItem {
  id: string;
  formCode: string;
  formName: string;
  nomineeName: string;
  nomineeKind: NomineeKind;
  organizationId: string;
  organizationName: string | null;
  state: string;
  statusLabel: string;
  dueDate: string;
  /** Days past the due date (0 on the day itself, negative while time is left). */
  daysOverdue: number;
}

function normalizeKey(dimension: StatisticsDimension, value: unknown): Key {
  if (value === null || value === undefined) return null;
  return dimension === 'year' ? Number(value) : String(value);
}

function outcomeRow(row: Record<string, unknown>): OutcomeRow {
  return {
    formCode: String(row.formCode),
    entryLevel: String(row.entryLevel) as Level,
    nomineeKind: String(row.nomineeKind) as NomineeKind,
    organizationId: row.organizationId === undefined ? undefined : String(row.organizationId),
    state: String(row.state),
    submitted: Number(row.submitted) === 1,
    count: Number(row.count),
    directWorkers: row.directWorkers === undefined ? undefined : Number(row.directWorkers),
  };
}

/** Each dimension in turn: nulls last, states in the order of the route, years and months in time, the rest by label. */
function compareKeys(
  dimensions: readonly StatisticsDimension[],
  a: { keys: Record<string, Key>; labels: Record<string, string> },
  b: { keys: Record<string, Key>; labels: Record<string, string> },
): number {
  for (const dimension of dimensions) {
    const x = a.keys[dimension];
    const y = b.keys[dimension];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    let order: number;
    if (dimension === 'year') order = Number(x) - Number(y);
    else if (dimension === 'month') order = String(x).localeCompare(String(y));
    else if (dimension === 'state') order = compareStates(String(x), String(y));
    else order = a.labels[dimension].localeCompare(b.labels[dimension], 'vi') || String(x).localeCompare(String(y));
    if (order) return order;
  }
  return 0;
}
