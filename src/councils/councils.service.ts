import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { vietnamDate } from '../../workflows';
import { POSITION_LABELS, type CouncilPosition } from '../../workflows/council';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import { UserRoleEntity } from '../identity/user-role.entity';
import { UserEntity } from '../identity/user.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { assertMayManageCouncil, belongsTo, visibleOrganizations } from './council-access';
import { CouncilSessionItemEntity } from './council-session.entity';
import { CouncilEntity, CouncilMemberEntity } from './council.entity';
import type { AddCouncilMemberDto, CreateCouncilDto, EndCouncilTermDto, UpdateCouncilDto } from './dto';

/** Positions held by one person at a time: a council has one chair and one secretary on any day. */
const SINGLE_POSITIONS: CouncilPosition[] = ['chair', 'secretary'];

/** Organizations that have a council (a unit proposes; it does not vote). */
const COUNCIL_ORGANIZATION_KINDS = ['commune', 'agency', 'province', 'central'];

export interface CouncilMemberView {
  id: string;
  userId: string;
  username: string;
  fullName: string;
  position: CouncilPosition;
  positionLabel: string;
  from: string;
  to: string | null;
  /** The term covers today (Vietnam time). */
  current: boolean;
}

/** Two terms [from, to] overlap (an open end runs forever). */
function termsOverlap(a: { fromDate: string; toDate: string | null }, b: { fromDate: string; toDate: string | null }): boolean {
  return a.fromDate <= (b.toDate ?? '9999-12-31') && b.fromDate <= (a.toDate ?? '9999-12-31');
}

export function termCovers(member: { fromDate: string; toDate: string | null }, day: string): boolean {
  return member.fromDate <= day && (member.toDate === null || member.toDate >= day);
}

/** Councils of each organization and their members' terms; the quorum each council applies. */
@Injectable()
export class CouncilsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly organizations: OrganizationsService,
  ) {}

  create(principal: Principal, dto: CreateCouncilDto) {
    return this.writes.transaction(async (manager) => {
      const organization = await manager.findOneBy(OrganizationEntity, { id: dto.organizationId });
      if (!organization) throw notFound('Không tìm thấy tổ chức', { field: 'organizationId' });
      assertMayManageCouncil(principal, organization.id, organization.name);
      if (!COUNCIL_ORGANIZATION_KINDS.includes(organization.kind)) {
        throw ruleRefused('Chỉ xã, cơ quan cấp tỉnh, tỉnh và Trung ương có Hội đồng Thi đua – Khen thưởng', {
          rule: 'council-organization-kind',
          kind: organization.kind,
        });
      }
      if (await manager.existsBy(CouncilEntity, { organizationId: organization.id })) {
        throw conflict('COUNCIL_EXISTS', `${organization.name} đã có Hội đồng Thi đua – Khen thưởng`, { organizationId: organization.id });
      }
      const now = new Date().toISOString();
      const council = manager.create(CouncilEntity, {
        id: randomUUID(),
        organizationId: organization.id,
        name: (dto.name ?? `Hội đồng Thi đua – Khen thưởng ${organization.name.replace(/^UBND\s+/u, '')}`).normalize('NFC'),
        quorumMinPresentPercent: dto.quorumMinPresentPercent ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(CouncilEntity, council);
      return this.view(manager, council);
    });
  }

  async list(principal: Principal, organizationId?: string) {
    const visible = visibleOrganizations(principal);
    if (organizationId && !principal.isAdmin && !visible.includes(organizationId)) return [];
    const where = organizationId ? { organizationId } : principal.isAdmin ? {} : { organizationId: In(visible) };
    const councils = await this.dataSource.getRepository(CouncilEntity).find({ where, order: { createdAt: 'ASC' } });
    return Promise.all(councils.map((council) => this.view(this.dataSource.manager, council)));
  }

  async get(principal: Principal, id: string) {
    const council = await this.readable(principal, id);
    return this.view(this.dataSource.manager, council);
  }

  update(principal: Principal, id: string, dto: UpdateCouncilDto) {
    return this.writes.transaction(async (manager) => {
      const council = await this.managed(manager, principal, id);
      const changes: Partial<CouncilEntity> = { updatedAt: new Date().toISOString() };
      if (dto.name !== undefined) changes.name = dto.name.normalize('NFC');
      if (dto.quorumMinPresentPercent !== undefined) changes.quorumMinPresentPercent = dto.quorumMinPresentPercent;
      await manager.update(CouncilEntity, { id }, changes);
      return this.view(manager, { ...council, ...changes });
    });
  }

  addMember(principal: Principal, councilId: string, dto: AddCouncilMemberDto) {
    return this.writes.transaction(async (manager) => {
      const council = await this.managed(manager, principal, councilId);
      const user = await manager.findOneBy(UserEntity, { id: dto.userId });
      if (!user || !user.active) throw notFound('Không tìm thấy người dùng', { field: 'userId' });
      const isCouncilMember = await manager.existsBy(UserRoleEntity, { userId: user.id, organizationId: council.organizationId, role: 'council-member' });
      if (!isCouncilMember) {
        throw ruleRefused(`${user.fullName} chưa có vai trò thành viên Hội đồng (council-member) tại tổ chức của Hội đồng`, {
          rule: 'council-member-role',
          userId: user.id,
        });
      }
      const term = { fromDate: dto.from, toDate: dto.to ?? null };
      if (term.toDate !== null && term.toDate < term.fromDate) {
        throw ruleRefused('Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu', { rule: 'council-term-dates', fields: ['from', 'to'] });
      }
      const terms = await manager.findBy(CouncilMemberEntity, { councilId });
      if (terms.some((other) => other.userId === user.id && termsOverlap(other, term))) {
        throw ruleRefused(`${user.fullName} đã có nhiệm kỳ trong Hội đồng trùng với thời gian này`, { rule: 'council-term-overlap', userId: user.id });
      }
      if (SINGLE_POSITIONS.includes(dto.position) && terms.some((other) => other.position === dto.position && termsOverlap(other, term))) {
        throw ruleRefused(`Hội đồng đã có ${POSITION_LABELS[dto.position]} trong thời gian này; kết thúc nhiệm kỳ của người đang giữ trước`, {
          rule: 'council-single-position',
          position: dto.position,
        });
      }
      await manager.insert(CouncilMemberEntity, {
        id: randomUUID(),
        councilId,
        userId: user.id,
        position: dto.position,
        fromDate: term.fromDate,
        toDate: term.toDate,
        createdAt: new Date().toISOString(),
      });
      await manager.update(CouncilEntity, { id: councilId }, { updatedAt: new Date().toISOString() });
      return this.view(manager, council);
    });
  }

  /** Ends a term (a member leaves, or changes position: end this term, add the next). Past sessions keep their snapshot. */
  endTerm(principal: Principal, councilId: string, memberId: string, dto: EndCouncilTermDto) {
    return this.writes.transaction(async (manager) => {
      const council = await this.managed(manager, principal, councilId);
      const member = await manager.findOneBy(CouncilMemberEntity, { id: memberId, councilId });
      if (!member) throw notFound('Không tìm thấy nhiệm kỳ thành viên trong Hội đồng này');
      if (dto.to < member.fromDate) {
        throw ruleRefused('Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu', { rule: 'council-term-dates', fields: ['to'] });
      }
      await manager.update(CouncilMemberEntity, { id: memberId }, { toDate: dto.to });
      return this.view(manager, council);
    });
  }

  /** Nominations waiting for this council (in `<level>.councilReview` at its organization) and on no active session. */
  async agendaCandidates(principal: Principal, councilId: string) {
    const council = await this.readable(principal, councilId);
    const waiting = await this.dataSource.getRepository(NominationEntity).find({
      where: { holderOrganizationId: council.organizationId },
      order: { updatedAt: 'ASC' },
    });
    const inReview = waiting.filter((row) => row.state.endsWith('.councilReview'));
    const claimed = inReview.length
      ? new Set(
          (await this.dataSource.getRepository(CouncilSessionItemEntity).findBy({ activeClaim: In(inReview.map((row) => row.id)) })).map(
            (item) => item.activeClaim,
          ),
        )
      : new Set<string | null>();
    return inReview
      .filter((row) => !claimed.has(row.id))
      .map((row) => ({
        nominationId: row.id,
        formCode: row.formCode,
        formName: this.catalog.form(row.ruleSetId, row.formCode)?.name ?? row.formCode,
        nomineeName: row.nomineeName,
        nomineeKind: row.nomineeKind,
        organizationId: row.organizationId,
        state: row.state,
        councilRule: this.catalog.form(row.ruleSetId, row.formCode)?.levels[row.currentLevel!]?.council ?? null,
      }));
  }

  /** The members whose term covers the day, with their user, ordered chair → vice-chairs → secretary → members. */
  async membersOn(manager: EntityManager, councilId: string, day: string) {
    const terms = (await manager.findBy(CouncilMemberEntity, { councilId })).filter((term) => termCovers(term, day));
    const users = terms.length ? await manager.findBy(UserEntity, { id: In(terms.map((term) => term.userId)), active: true }) : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    const order: CouncilPosition[] = ['chair', 'vice-chair', 'secretary', 'member'];
    return terms
      .filter((term) => byId.has(term.userId))
      .map((term) => ({ term, user: byId.get(term.userId)! }))
      .sort((a, b) => order.indexOf(a.term.position) - order.indexOf(b.term.position) || a.user.fullName.localeCompare(b.user.fullName, 'vi'));
  }

  /** The quorum of the rule set in force for the organization's province on that day. */
  async ruleSetQuorum(manager: EntityManager, organizationId: string, day: string): Promise<number> {
    const lineage = await this.organizations.lineage(organizationId, manager);
    const province = lineage.find((organization) => organization.kind === 'province')?.code ?? null;
    return this.catalog.ruleSetInForce(province, day).quorum.minPresentPercent;
  }

  async readable(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<CouncilEntity> {
    const council = await manager.findOneBy(CouncilEntity, { id });
    if (!council) throw notFound('Không tìm thấy Hội đồng');
    if (!belongsTo(principal, council.organizationId)) throw forbidden('Hội đồng này không thuộc tổ chức của bạn');
    return council;
  }

  private async managed(manager: EntityManager, principal: Principal, id: string): Promise<CouncilEntity> {
    const council = await manager.findOneBy(CouncilEntity, { id });
    if (!council) throw notFound('Không tìm thấy Hội đồng');
    const organization = await manager.findOneBy(OrganizationEntity, { id: council.organizationId });
    assertMayManageCouncil(principal, council.organizationId, organization?.name);
    return council;
  }

  private async view(manager: EntityManager, council: CouncilEntity) {
    const organization = await manager.findOneBy(OrganizationEntity, { id: council.organizationId });
    const terms = await manager.find(CouncilMemberEntity, { where: { councilId: council.id }, order: { fromDate: 'ASC', createdAt: 'ASC' } });
    const users = terms.length ? await manager.findBy(UserEntity, { id: In([...new Set(terms.map((term) => term.userId))]) }) : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    const today = vietnamDate(new Date().toISOString());
    const ruleSetPercent = await this.ruleSetQuorum(manager, council.organizationId, today);
    const members: CouncilMemberView[] = terms.map((term) => ({
      id: term.id,
      userId: term.userId,
      username: byId.get(term.userId)?.username ?? '',
      fullName: byId.get(term.userId)?.fullName ?? '',
      position: term.position,
      positionLabel: POSITION_LABELS[term.position],
      from: term.fromDate,
      to: term.toDate,
      current: termCovers(term, today),
    }));
    return {
      id: council.id,
      organizationId: council.organizationId,
      organizationName: organization?.name ?? null,
      name: council.name,
      quorum: {
        minPresentPercent: council.quorumMinPresentPercent ?? ruleSetPercent,
        source: council.quorumMinPresentPercent === null ? 'rule-set' : 'council',
        ruleSetMinPresentPercent: ruleSetPercent,
      },
      members,
      currentMemberCount: members.filter((member) => member.current).length,
      createdAt: council.createdAt,
      updatedAt: council.updatedAt,
    };
  }
}

