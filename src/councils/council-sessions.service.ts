import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { describeCouncilRule, quorumRefusal } from '../../workflows';
import {
  ATTENDANCE_LABELS,
  eligibleVoters,
  POSITION_LABELS,
  presentCount,
  RECUSAL_LABELS,
  recusalReason,
  sharePercentText,
  type Attendance,
  type SessionStatus,
} from '../../workflows/council';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import { UserEntity } from '../identity/user.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { assertSessionSecretary, belongsTo, visibleOrganizations } from './council-access';
import {
  CouncilBallotTallyEntity,
  CouncilRecusalEntity,
  CouncilSessionEntity,
  CouncilSessionItemEntity,
  CouncilSessionMemberEntity,
  CouncilVoteCastEntity,
} from './council-session.entity';
import { CouncilEntity } from './council.entity';
import { CouncilsService } from './councils.service';
import type { AddAgendaItemsDto, AttendanceDto, ListSessionsQuery, ScheduleSessionDto } from './dto';
import { EmulationBlockEntity, EmulationBlockLeadEntity, EmulationBlockMemberEntity } from './emulation-block.entity';
import { scheduledSession } from './scheduled-session';
import { isUniqueViolation, lockSession, sessionStatusLabel } from './session-lock';

export type CouncilSessionView = Awaited<ReturnType<CouncilSessionsService['view']>>;

/**
 * A council's sessions: the secretary schedules one, builds its agenda from the nominations waiting for the council,
 * opens it (snapshotting the membership, checking the quorum, recording recusals), keeps the attendance; ballots and
 * the close have their own use cases. Every write is one transaction.
 */
@Injectable()
export class CouncilSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly councils: CouncilsService,
  ) {}

  async schedule(principal: Principal, dto: ScheduleSessionDto) {
    return this.guardUnique(() =>
      this.writes.transaction(async (manager) => {
        const council = await manager.findOneBy(CouncilEntity, { id: dto.councilId });
        if (!council) throw notFound('Không tìm thấy Hội đồng', { field: 'councilId' });
        const organization = (await manager.findOneBy(OrganizationEntity, { id: council.organizationId }))!;
        assertSessionSecretary(principal, organization.id, organization.name);
        const session = scheduledSession({
          kind: 'council',
          organizationId: organization.id,
          organizationName: organization.name,
          councilId: council.id,
          emulationBlockId: null,
          year: null,
          title: dto.title ?? `Phiên họp ${council.name} xét khen thưởng`,
          meetingDate: dto.meetingDate,
          place: dto.place,
          createdBy: principal.userId,
        });
        await manager.insert(CouncilSessionEntity, session);
        if (dto.nominationIds?.length) await this.addNominations(manager, session, dto.nominationIds);
        return this.view(manager, principal, session);
      }),
    );
  }

  addItems(principal: Principal, sessionId: string, dto: AddAgendaItemsDto) {
    return this.guardUnique(() =>
      this.writes.transaction(async (manager) => {
        const session = await this.forSecretary(manager, principal, sessionId);
        if (session.kind !== 'council') throw ruleRefused('Chương trình bỏ phiếu suy tôn chỉ gồm các tập thể được đề cử', { rule: 'council-agenda-kind' });
        await lockSession(manager, sessionId, 'scheduled');
        await this.addNominations(manager, session, dto.nominationIds);
        return this.view(manager, principal, session);
      }),
    );
  }

  removeItem(principal: Principal, sessionId: string, itemId: string) {
    return this.writes.transaction(async (manager) => {
      const session = await this.forSecretary(manager, principal, sessionId);
      await lockSession(manager, sessionId, 'scheduled');
      const item = await manager.findOneBy(CouncilSessionItemEntity, { id: itemId, sessionId });
      if (!item) throw notFound('Không tìm thấy nội dung này trong chương trình phiên họp');
      await manager.delete(CouncilSessionItemEntity, { id: itemId });
      return this.view(manager, principal, session);
    });
  }

  /**
   * Opens the session: the council's members whose term covers the meeting day become the session's members (a later
   * change of the council never rewrites them), the attendance is recorded, the quorum checked (422, nothing changes,
   * when it fails), recusals recorded and each item's counters set to zero.
   */
  open(principal: Principal, sessionId: string, dto: AttendanceDto) {
    return this.writes.transaction(async (manager) => {
      const session = await this.forSecretary(manager, principal, sessionId);
      await lockSession(manager, sessionId, 'scheduled');
      const items = await manager.find(CouncilSessionItemEntity, { where: { sessionId }, order: { seq: 'ASC' } });
      if (!items.length) throw ruleRefused('Chương trình phiên họp chưa có nội dung nào để biểu quyết', { rule: 'council-agenda-empty' });

      const roster = await this.roster(manager, session);
      if (!roster.length) {
        throw ruleRefused('Hội đồng không có thành viên nào trong nhiệm kỳ vào ngày họp', { rule: 'council-no-members', meetingDate: session.meetingDate });
      }
      const attendance = this.attendanceMap(dto, new Set(roster.map((member) => member.userId)));
      const members = roster.map((member) => ({ ...member, attendance: attendance.get(member.userId) ?? ('absent' as Attendance) }));

      const minPresentPercent = await this.quorumFor(manager, session);
      const refusal = quorumRefusal({ minPresentPercent }, presentCount(members), members.length);
      if (refusal) throw ruleRefused(refusal.message, { ...refusal.details, rule: refusal.rule });

      await manager.insert(CouncilSessionMemberEntity, members);
      const nominations = await this.nominationsOf(manager, items);
      for (const item of items) {
        const nomination = item.nominationId ? nominations.get(item.nominationId) : undefined;
        if (nomination && nomination.state !== `${item.level}.councilReview`) {
          throw conflict('NOMINATION_LEFT_COUNCIL_REVIEW', `Hồ sơ của ${item.title} không còn ở bước chờ Hội đồng xét`, { nominationId: nomination.id, state: nomination.state });
        }
        const recusals = members
          .map((member) => ({
            member,
            reason: recusalReason({
              member: { fullName: member.fullName, organizationId: member.organizationId },
              item: nomination
                ? { nomineeKind: nomination.nomineeKind, nomineeName: nomination.nomineeName, proposingOrganizationId: nomination.organizationId }
                : { nomineeKind: 'collective', nomineeName: item.title, proposingOrganizationId: item.candidateOrganizationId },
              sessionOrganizationId: session.organizationId,
            }),
          }))
          .filter((entry) => entry.reason !== null);
        if (recusals.length) {
          await manager.insert(
            CouncilRecusalEntity,
            recusals.map(({ member, reason }) => ({ itemId: item.id, userId: member.userId, sessionId, reason: reason! })),
          );
        }
        await manager.insert(CouncilBallotTallyEntity, { itemId: item.id, sessionId, yesCount: 0, noCount: 0, abstainCount: 0 });
      }
      const changes = { status: 'open' as SessionStatus, openedAt: new Date().toISOString(), quorumMinPresentPercent: minPresentPercent };
      await manager.update(CouncilSessionEntity, { id: sessionId }, changes);
      return this.view(manager, principal, { ...session, ...changes });
    });
  }

  /**
   * Changes attendance while the session is open (a member arrives late, leaves). A member who has cast a ballot
   * keeps the attendance under which it was cast.
   */
  recordAttendance(principal: Principal, sessionId: string, dto: AttendanceDto) {
    return this.writes.transaction(async (manager) => {
      const session = await this.forSecretary(manager, principal, sessionId);
      await lockSession(manager, sessionId, 'open');
      const members = await manager.findBy(CouncilSessionMemberEntity, { sessionId });
      const byId = new Map(members.map((member) => [member.userId, member]));
      const attendance = this.attendanceMap(dto, new Set(byId.keys()));
      const voted = new Set((await manager.findBy(CouncilVoteCastEntity, { sessionId })).map((vote) => vote.userId));
      for (const [userId, status] of attendance) {
        const member = byId.get(userId)!;
        if (member.attendance === status) continue;
        if (voted.has(userId)) {
          throw ruleRefused(`${member.fullName} đã bỏ phiếu: không thể thay đổi việc tham dự`, { rule: 'council-attendance-after-ballot', userId });
        }
        await manager.update(CouncilSessionMemberEntity, { sessionId, userId }, { attendance: status });
      }
      return this.view(manager, principal, session);
    });
  }

  cancel(principal: Principal, sessionId: string) {
    return this.writes.transaction(async (manager) => {
      const session = await this.forSecretary(manager, principal, sessionId);
      await lockSession(manager, sessionId, 'scheduled');
      await manager.update(CouncilSessionItemEntity, { sessionId }, { activeClaim: null });
      await manager.update(CouncilSessionEntity, { id: sessionId }, { status: 'cancelled' });
      return this.view(manager, principal, { ...session, status: 'cancelled' });
    });
  }

  async get(principal: Principal, sessionId: string) {
    const session = await this.readable(this.dataSource.manager, principal, sessionId);
    return this.view(this.dataSource.manager, principal, session);
  }

  /** Sessions of the caller's organizations, and those the caller sits in (a block's representatives). */
  async list(principal: Principal, query: ListSessionsQuery) {
    const filters: Record<string, unknown> = {};
    if (query.councilId) filters.councilId = query.councilId;
    if (query.emulationBlockId) filters.emulationBlockId = query.emulationBlockId;
    if (query.status) filters.status = query.status;
    let where: Array<Record<string, unknown>> = [filters];
    if (!principal.isAdmin) {
      const sitting = (await this.dataSource.getRepository(CouncilSessionMemberEntity).findBy({ userId: principal.userId })).map((member) => member.sessionId);
      where = [{ ...filters, organizationId: In(visibleOrganizations(principal)) }, ...(sitting.length ? [{ ...filters, id: In(sitting) }] : [])];
    }
    const sessions = await this.dataSource.getRepository(CouncilSessionEntity).find({ where, order: { meetingDate: 'DESC', createdAt: 'DESC' } });
    return Promise.all(sessions.map((session) => this.summary(session)));
  }

  /** Anyone of the session's organization, its members, and in a block election the member collectives' voters. */
  async readable(manager: EntityManager, principal: Principal, sessionId: string): Promise<CouncilSessionEntity> {
    const session = await manager.findOneBy(CouncilSessionEntity, { id: sessionId });
    if (!session) throw notFound('Không tìm thấy phiên họp');
    if (belongsTo(principal, session.organizationId)) return session;
    if (await manager.existsBy(CouncilSessionMemberEntity, { sessionId, userId: principal.userId })) return session;
    if (session.emulationBlockId && (await manager.existsBy(EmulationBlockMemberEntity, { blockId: session.emulationBlockId, representativeUserId: principal.userId }))) {
      return session;
    }
    throw forbidden('Phiên họp này không thuộc tổ chức của bạn');
  }

  /** The quorum the session applies: the council's (or block's) own, else the rule set's in force on the meeting day. */
  async quorumFor(manager: EntityManager, session: CouncilSessionEntity): Promise<number> {
    if (session.councilId) {
      const council = await manager.findOneByOrFail(CouncilEntity, { id: session.councilId });
      if (council.quorumMinPresentPercent !== null) return council.quorumMinPresentPercent;
    } else if (session.emulationBlockId) {
      const block = await manager.findOneByOrFail(EmulationBlockEntity, { id: session.emulationBlockId });
      if (block.quorumMinPresentPercent !== null) return block.quorumMinPresentPercent;
    }
    return this.councils.ruleSetQuorum(manager, session.organizationId, session.meetingDate);
  }

  /** A session's view for the caller: never a tally before the close, never who voted how. */
  async view(manager: EntityManager, principal: Principal, session: CouncilSessionEntity) {
    const fresh = (await manager.findOneBy(CouncilSessionEntity, { id: session.id })) ?? session;
    const organization = await manager.findOneBy(OrganizationEntity, { id: fresh.organizationId });
    const members = await manager.find(CouncilSessionMemberEntity, { where: { sessionId: fresh.id } });
    const items = await manager.find(CouncilSessionItemEntity, { where: { sessionId: fresh.id }, order: { seq: 'ASC' } });
    const recusals = await manager.findBy(CouncilRecusalEntity, { sessionId: fresh.id });
    const votes = await manager.findBy(CouncilVoteCastEntity, { sessionId: fresh.id });
    const nominations = await this.nominationsOf(manager, items);
    const memberById = new Map(members.map((member) => [member.userId, member]));
    const concluded = fresh.status === 'closed';
    const lead = fresh.emulationBlockId ? await manager.findOneBy(EmulationBlockLeadEntity, { sessionId: fresh.id }) : null;
    const me = memberById.get(principal.userId);
    return {
      id: fresh.id,
      kind: fresh.kind,
      organizationId: fresh.organizationId,
      organizationName: organization?.name ?? null,
      councilId: fresh.councilId,
      emulationBlockId: fresh.emulationBlockId,
      year: fresh.year,
      title: fresh.title,
      meetingDate: fresh.meetingDate,
      place: fresh.place,
      status: fresh.status,
      statusLabel: sessionStatusLabel(fresh.status),
      minutesNumber: fresh.minutesNumber,
      openedAt: fresh.openedAt,
      closedAt: fresh.closedAt,
      quorum:
        fresh.quorumMinPresentPercent === null
          ? null
          : {
              minPresentPercent: fresh.quorumMinPresentPercent,
              members: members.length,
              present: presentCount(members),
              met: quorumRefusal({ minPresentPercent: fresh.quorumMinPresentPercent }, presentCount(members), members.length) === null,
            },
      members: members
        .sort((a, b) => positionOrder(a.position) - positionOrder(b.position) || a.fullName.localeCompare(b.fullName, 'vi'))
        .map((member) => ({
          userId: member.userId,
          fullName: member.fullName,
          position: member.position,
          positionLabel: POSITION_LABELS[member.position],
          attendance: member.attendance,
          attendanceLabel: ATTENDANCE_LABELS[member.attendance],
        })),
      you: me ? { member: true, attendance: me.attendance } : { member: false, attendance: null },
      items: items.map((item) => {
        const itemRecusals = recusals.filter((recusal) => recusal.itemId === item.id);
        const recused = new Set(itemRecusals.map((recusal) => recusal.userId));
        const nomination = item.nominationId ? nominations.get(item.nominationId) : undefined;
        const itemVotes = votes.filter((vote) => vote.itemId === item.id);
        const result = concluded ? item.result : null;
        return {
          id: item.id,
          seq: item.seq,
          nominationId: item.nominationId,
          candidateOrganizationId: item.candidateOrganizationId,
          title: item.title,
          formCode: item.formCode,
          formName: nomination ? (this.catalog.form(nomination.ruleSetId, nomination.formCode)?.name ?? item.formCode) : null,
          level: item.level,
          councilRule: item.councilRule,
          councilRuleText: describeCouncilRule(item.councilRule),
          recusals: itemRecusals.map((recusal) => ({
            userId: recusal.userId,
            fullName: memberById.get(recusal.userId)?.fullName ?? '',
            reason: recusal.reason,
            reasonLabel: RECUSAL_LABELS[recusal.reason],
          })),
          // How many have voted, never how: the counters stay hidden until the close.
          ballotsCast: itemVotes.length,
          eligibleVoters: fresh.status === 'scheduled' ? null : eligibleVoters(members, recused, item.councilRule),
          youHaveVoted: itemVotes.some((vote) => vote.userId === principal.userId),
          youAreRecused: recused.has(principal.userId),
          outcome: concluded ? item.outcome : null,
          result: result
            ? { ...result.counts, eligibleVoters: result.eligibleVoters, yesShareOfAllMembers: sharePercentText(result.counts.yes, result.counts.members) }
            : null,
        };
      }),
      election:
        fresh.kind === 'block-election' && concluded
          ? { elected: lead ? { organizationId: lead.organizationId, name: items.find((item) => item.candidateOrganizationId === lead.organizationId)?.title ?? null, yesVotes: lead.yesVotes } : null }
          : null,
    };
  }

  private async summary(session: CouncilSessionEntity) {
    const items = await this.dataSource.getRepository(CouncilSessionItemEntity).countBy({ sessionId: session.id });
    return {
      id: session.id,
      kind: session.kind,
      organizationId: session.organizationId,
      councilId: session.councilId,
      emulationBlockId: session.emulationBlockId,
      title: session.title,
      meetingDate: session.meetingDate,
      status: session.status,
      statusLabel: sessionStatusLabel(session.status),
      items,
      minutesNumber: session.minutesNumber,
    };
  }

  /** Who sits in the session: the council's members on the meeting day, or the block's representatives. */
  private async roster(manager: EntityManager, session: CouncilSessionEntity): Promise<Array<Omit<CouncilSessionMemberEntity, 'attendance'>>> {
    if (session.councilId) {
      return (await this.councils.membersOn(manager, session.councilId, session.meetingDate)).map(({ term, user }) => ({
        sessionId: session.id,
        userId: user.id,
        fullName: user.fullName,
        position: term.position,
        organizationId: user.organizationId,
      }));
    }
    const blockMembers = await manager.findBy(EmulationBlockMemberEntity, { blockId: session.emulationBlockId! });
    const representatives = blockMembers.filter((member) => member.representativeUserId);
    const users = representatives.length
      ? await manager.findBy(UserEntity, { id: In(representatives.map((member) => member.representativeUserId!)), active: true })
      : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    return representatives
      .filter((member) => byId.has(member.representativeUserId!))
      .map((member) => ({
        sessionId: session.id,
        userId: member.representativeUserId!,
        fullName: byId.get(member.representativeUserId!)!.fullName,
        position: 'representative' as const,
        // The collective the representative votes for: the candidate it cannot vote on.
        organizationId: member.organizationId,
      }));
  }

  private attendanceMap(dto: AttendanceDto, memberIds: Set<string>): Map<string, Attendance> {
    const map = new Map<string, Attendance>();
    const unknown: string[] = [];
    const repeated: string[] = [];
    for (const entry of dto.attendance) {
      if (!memberIds.has(entry.userId)) unknown.push(entry.userId);
      if (map.has(entry.userId)) repeated.push(entry.userId);
      map.set(entry.userId, entry.status);
    }
    if (unknown.length) {
      throw ruleRefused('Danh sách tham dự có người không phải thành viên của phiên họp', { rule: 'council-attendance-member', userIds: unknown });
    }
    if (repeated.length) throw ruleRefused('Một thành viên được ghi tham dự hai lần', { rule: 'council-attendance-member', userIds: repeated });
    return map;
  }

  private async addNominations(manager: EntityManager, session: CouncilSessionEntity, nominationIds: string[]) {
    const existing = await manager.find(CouncilSessionItemEntity, { where: { sessionId: session.id }, order: { seq: 'DESC' }, take: 1 });
    let seq = existing[0]?.seq ?? 0;
    for (const nominationId of nominationIds) {
      const row = await manager.findOneBy(NominationEntity, { id: nominationId });
      if (!row) throw notFound(`Không tìm thấy hồ sơ ${nominationId}`, { nominationId });
      const level = row.currentLevel;
      if (!level || row.state !== `${level}.councilReview`) {
        throw ruleRefused(`Hồ sơ của ${row.nomineeName} không ở bước chờ Hội đồng xét`, { rule: 'council-agenda-state', nominationId, state: row.state });
      }
      if (row.levelOrganizations[level] !== session.organizationId) {
        throw ruleRefused(`Hồ sơ của ${row.nomineeName} không chờ Hội đồng của tổ chức này xét`, { rule: 'council-agenda-organization', nominationId });
      }
      const rule = this.catalog.form(row.ruleSetId, row.formCode)?.levels[level]?.council;
      if (!rule || rule.kind === 'standing-body') {
        throw ruleRefused(`Hồ sơ của ${row.nomineeName} do cơ quan thường trực thẩm định, không đưa ra Hội đồng biểu quyết`, {
          rule: 'council-agenda-standing-body',
          nominationId,
        });
      }
      const claim = await manager.findOneBy(CouncilSessionItemEntity, { activeClaim: row.id });
      if (claim) throw onAnotherSession(row.nomineeName, claim.sessionId);
      seq += 1;
      await manager.insert(CouncilSessionItemEntity, {
        id: randomUUID(),
        sessionId: session.id,
        seq,
        nominationId: row.id,
        candidateOrganizationId: null,
        activeClaim: row.id,
        title: row.nomineeName,
        formCode: row.formCode,
        level,
        councilRule: rule,
        outcome: null,
        result: null,
      });
    }
  }

  private async nominationsOf(manager: EntityManager, items: CouncilSessionItemEntity[]): Promise<Map<string, NominationEntity>> {
    const ids = items.map((item) => item.nominationId).filter((id): id is string => !!id);
    const rows = ids.length ? await manager.findBy(NominationEntity, { id: In(ids) }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async forSecretary(manager: EntityManager, principal: Principal, sessionId: string): Promise<CouncilSessionEntity> {
    const session = await manager.findOneBy(CouncilSessionEntity, { id: sessionId });
    if (!session) throw notFound('Không tìm thấy phiên họp');
    const organization = await manager.findOneBy(OrganizationEntity, { id: session.organizationId });
    assertSessionSecretary(principal, session.organizationId, organization?.name);
    return session;
  }

  /** Two secretaries putting one nomination on two sessions at once (PostgreSQL): the unique claim decides. */
  private async guardUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw onAnotherSession(null, null);
      throw error;
    }
  }
}

function onAnotherSession(name: string | null, sessionId: string | null) {
  return conflict('NOMINATION_ON_AGENDA', `${name ? `Hồ sơ của ${name}` : 'Hồ sơ'} đã có trong chương trình một phiên họp khác chưa kết thúc`, { sessionId });
}

function positionOrder(position: string): number {
  return ['chair', 'vice-chair', 'secretary', 'member', 'representative'].indexOf(position);
}

