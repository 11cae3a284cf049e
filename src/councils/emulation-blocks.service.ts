import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { blockElectionRule } from '../../workflows/council';
import { scheduledSession } from './scheduled-session';
import { conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import { UserRoleEntity } from '../identity/user-role.entity';
import { UserEntity } from '../identity/user.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { assertMayManageCouncil, assertSessionSecretary, belongsTo, visibleOrganizations } from './council-access';
import { CouncilSessionEntity, CouncilSessionItemEntity } from './council-session.entity';
import { CouncilSessionsService } from './council-sessions.service';
import type { BlockMemberDto, CreateEmulationBlockDto, ScheduleBlockElectionDto } from './dto';
import { EmulationBlockEntity, EmulationBlockLeadEntity, EmulationBlockMemberEntity } from './emulation-block.entity';

/** Default share of all voting members a candidate needs: half (configurable per block). */
export const DEFAULT_ELECTION_MIN_PERCENT = 50;

const KIND_LABELS = { cluster: 'cụm thi đua', block: 'khối thi đua' } as const;

/**
 * Cụm, khối thi đua: peer collectives that elect (suy tôn) their leading collective for the Cờ thi đua each year, by
 * the councils' secret ballot; the result is kept in `emulation_block_leads` ("led its block in year Y").
 */
@Injectable()
export class EmulationBlocksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly sessions: CouncilSessionsService,
  ) {}

  create(principal: Principal, dto: CreateEmulationBlockDto) {
    return this.writes.transaction(async (manager) => {
      const organizer = await manager.findOneBy(OrganizationEntity, { id: dto.organizerOrganizationId });
      if (!organizer) throw notFound('Không tìm thấy tổ chức tổ chức cụm, khối', { field: 'organizerOrganizationId' });
      assertMayManageCouncil(principal, organizer.id, organizer.name);
      const block = manager.create(EmulationBlockEntity, {
        id: randomUUID(),
        name: dto.name.normalize('NFC'),
        kind: dto.kind,
        organizerOrganizationId: organizer.id,
        electionMinPercent: dto.electionMinPercent ?? DEFAULT_ELECTION_MIN_PERCENT,
        quorumMinPresentPercent: dto.quorumMinPresentPercent ?? null,
        createdAt: new Date().toISOString(),
      });
      await manager.insert(EmulationBlockEntity, block);
      for (const member of dto.members ?? []) await this.insertMember(manager, block, member);
      return this.view(manager, block);
    });
  }

  addMember(principal: Principal, blockId: string, dto: BlockMemberDto) {
    return this.writes.transaction(async (manager) => {
      const block = await this.managed(manager, principal, blockId);
      await this.insertMember(manager, block, dto);
      return this.view(manager, block);
    });
  }

  async list(principal: Principal) {
    const where = principal.isAdmin ? {} : { organizerOrganizationId: In(visibleOrganizations(principal)) };
    const organizing = await this.dataSource.getRepository(EmulationBlockEntity).find({ where, order: { createdAt: 'ASC' } });
    const memberOf = principal.isAdmin
      ? []
      : await this.dataSource.getRepository(EmulationBlockMemberEntity).findBy({ organizationId: In(visibleOrganizations(principal)) });
    const extra = memberOf.length
      ? await this.dataSource.getRepository(EmulationBlockEntity).findBy({ id: In(memberOf.map((member) => member.blockId)) })
      : [];
    const blocks = [...new Map([...organizing, ...extra].map((block) => [block.id, block])).values()];
    return Promise.all(blocks.map((block) => this.view(this.dataSource.manager, block)));
  }

  async get(principal: Principal, blockId: string) {
    const block = await this.dataSource.getRepository(EmulationBlockEntity).findOneBy({ id: blockId });
    if (!block) throw notFound('Không tìm thấy cụm, khối thi đua');
    const members = await this.dataSource.getRepository(EmulationBlockMemberEntity).findBy({ blockId });
    const isMember = members.some((member) => belongsTo(principal, member.organizationId) || member.representativeUserId === principal.userId);
    if (!belongsTo(principal, block.organizerOrganizationId) && !isMember) throw forbidden('Cụm, khối thi đua này không liên quan đến tổ chức của bạn');
    return this.view(this.dataSource.manager, block);
  }

  /**
   * Schedules the block's election for a year: a session of kind `block-election` whose items are the candidate
   * collectives, run by the organizer's council secretary through the same open, ballot and close calls.
   */
  scheduleElection(principal: Principal, blockId: string, dto: ScheduleBlockElectionDto) {
    return this.writes.transaction(async (manager) => {
      const block = await manager.findOneBy(EmulationBlockEntity, { id: blockId });
      if (!block) throw notFound('Không tìm thấy cụm, khối thi đua');
      const organizer = (await manager.findOneBy(OrganizationEntity, { id: block.organizerOrganizationId }))!;
      assertSessionSecretary(principal, organizer.id, organizer.name);
      if (await manager.existsBy(EmulationBlockLeadEntity, { blockId, year: dto.year })) {
        throw conflict('BLOCK_LEAD_EXISTS', `${block.name} đã suy tôn tập thể dẫn đầu năm ${dto.year}`, { blockId, year: dto.year });
      }
      if (await manager.existsBy(CouncilSessionEntity, { emulationBlockId: blockId, year: dto.year, status: In(['scheduled', 'open']) })) {
        throw conflict('BLOCK_ELECTION_PENDING', `${block.name} đã có một phiên bỏ phiếu suy tôn năm ${dto.year} chưa kết thúc`, { blockId, year: dto.year });
      }
      const members = await manager.findBy(EmulationBlockMemberEntity, { blockId });
      const memberIds = new Set(members.map((member) => member.organizationId));
      const outsiders = dto.candidateOrganizationIds.filter((id) => !memberIds.has(id));
      if (outsiders.length) {
        throw ruleRefused('Chỉ các tập thể thành viên của cụm, khối được đề cử suy tôn', { rule: 'block-candidate-member', organizationIds: outsiders });
      }
      const candidates = await manager.findBy(OrganizationEntity, { id: In(dto.candidateOrganizationIds) });
      const byId = new Map(candidates.map((organization) => [organization.id, organization]));
      const session = scheduledSession({
        kind: 'block-election',
        organizationId: organizer.id,
        organizationName: organizer.name,
        councilId: null,
        emulationBlockId: block.id,
        year: dto.year,
        title: dto.title ?? `Bỏ phiếu suy tôn tập thể dẫn đầu ${block.name} năm ${dto.year}`,
        meetingDate: dto.meetingDate,
        place: dto.place,
        createdBy: principal.userId,
      });
      await manager.insert(CouncilSessionEntity, session);
      await manager.insert(
        CouncilSessionItemEntity,
        dto.candidateOrganizationIds.map((organizationId, index) => ({
          id: randomUUID(),
          sessionId: session.id,
          seq: index + 1,
          nominationId: null,
          candidateOrganizationId: organizationId,
          activeClaim: null,
          title: byId.get(organizationId)!.name,
          formCode: null,
          level: null,
          councilRule: blockElectionRule(block.electionMinPercent),
          outcome: null,
          result: null,
        })),
      );
      return this.sessions.view(manager, principal, session);
    });
  }

  /** The years an organization led its block: what the eligibility rule "led its block in year Y" reads. */
  leadsOf(organizationId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.find(EmulationBlockLeadEntity, { where: { organizationId }, order: { year: 'ASC' } });
  }

  private async insertMember(manager: EntityManager, block: EmulationBlockEntity, dto: BlockMemberDto) {
    const organization = await manager.findOneBy(OrganizationEntity, { id: dto.organizationId });
    if (!organization) throw notFound('Không tìm thấy tập thể thành viên', { field: 'organizationId' });
    if (await manager.existsBy(EmulationBlockMemberEntity, { blockId: block.id, organizationId: organization.id })) {
      throw conflict('BLOCK_MEMBER_EXISTS', `${organization.name} đã là thành viên của ${block.name}`, { organizationId: organization.id });
    }
    if (dto.representativeUserId) {
      const user = await manager.findOneBy(UserEntity, { id: dto.representativeUserId });
      if (!user || !user.active) throw notFound('Không tìm thấy người đại diện', { field: 'representativeUserId' });
      const belongs =
        user.organizationId === organization.id ||
        (await manager.existsBy(UserRoleEntity, { userId: user.id, organizationId: organization.id }));
      if (!belongs) {
        throw ruleRefused(`${user.fullName} không thuộc ${organization.name}: người đại diện phải là người của tập thể thành viên`, {
          rule: 'block-representative-organization',
        });
      }
      if (await manager.existsBy(EmulationBlockMemberEntity, { blockId: block.id, representativeUserId: user.id })) {
        throw ruleRefused(`${user.fullName} đã là người đại diện của một tập thể khác trong ${block.name}`, { rule: 'block-representative-once' });
      }
    }
    await manager.insert(EmulationBlockMemberEntity, {
      blockId: block.id,
      organizationId: organization.id,
      representativeUserId: dto.representativeUserId ?? null,
      addedAt: new Date().toISOString(),
    });
  }

  private async managed(manager: EntityManager, principal: Principal, blockId: string): Promise<EmulationBlockEntity> {
    const block = await manager.findOneBy(EmulationBlockEntity, { id: blockId });
    if (!block) throw notFound('Không tìm thấy cụm, khối thi đua');
    const organizer = await manager.findOneBy(OrganizationEntity, { id: block.organizerOrganizationId });
    assertMayManageCouncil(principal, block.organizerOrganizationId, organizer?.name);
    return block;
  }

  private async view(manager: EntityManager, block: EmulationBlockEntity) {
    const members = await manager.findBy(EmulationBlockMemberEntity, { blockId: block.id });
    const organizations = await manager.findBy(OrganizationEntity, {
      id: In([block.organizerOrganizationId, ...members.map((member) => member.organizationId)]),
    });
    const users = members.some((member) => member.representativeUserId)
      ? await manager.findBy(UserEntity, { id: In(members.map((member) => member.representativeUserId).filter((id): id is string => !!id)) })
      : [];
    const names = new Map(organizations.map((organization) => [organization.id, organization.name]));
    const userNames = new Map(users.map((user) => [user.id, user.fullName]));
    const leads = await manager.find(EmulationBlockLeadEntity, { where: { blockId: block.id }, order: { year: 'ASC' } });
    return {
      id: block.id,
      name: block.name,
      kind: block.kind,
      kindLabel: KIND_LABELS[block.kind],
      organizerOrganizationId: block.organizerOrganizationId,
      organizerName: names.get(block.organizerOrganizationId) ?? null,
      electionMinPercent: block.electionMinPercent,
      quorumMinPresentPercent: block.quorumMinPresentPercent,
      members: members.map((member) => ({
        organizationId: member.organizationId,
        name: names.get(member.organizationId) ?? null,
        representativeUserId: member.representativeUserId,
        representativeName: member.representativeUserId ? (userNames.get(member.representativeUserId) ?? null) : null,
      })),
      leads: leads.map((lead) => ({
        year: lead.year,
        organizationId: lead.organizationId,
        name: names.get(lead.organizationId) ?? null,
        sessionId: lead.sessionId,
        yesVotes: lead.yesVotes,
        members: lead.members,
        decidedAt: lead.decidedAt,
      })),
      createdAt: block.createdAt,
    };
  }
}
