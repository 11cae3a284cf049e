import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { describeCouncilRule, quorumRefusal } from '../../workflows';
import { placeAndDateLine, POSITION_LABELS, presentCount, RECUSAL_LABELS, sharePercentText } from '../../workflows/council';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { conflict } from '../common/app-error';
import type { Principal } from '../identity/principal';
import { UserEntity } from '../identity/user.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import {
  CouncilRecusalEntity,
  CouncilSessionEntity,
  CouncilSessionItemEntity,
  CouncilSessionMemberEntity,
} from './council-session.entity';
import { CouncilSessionsService } from './council-sessions.service';
import { CouncilEntity } from './council.entity';
import { EmulationBlockEntity, EmulationBlockLeadEntity } from './emulation-block.entity';
import { OUTCOME_LABELS, type CouncilMinutes, type MinutesPerson } from './minutes/council-minutes';
import { meetingMinutesDocx, tallySheetDocx } from './minutes/minutes-docx';

export type MinutesDocument = 'meeting' | 'tally-sheet';

const POSITION_ORDER = ['chair', 'vice-chair', 'secretary', 'member', 'representative'];

/** The minutes of a concluded session, generated from the session itself: JSON, and DOCX for each document. */
@Injectable()
export class CouncilMinutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: WorkflowCatalog,
    private readonly sessions: CouncilSessionsService,
  ) {}

  async json(principal: Principal, sessionId: string): Promise<CouncilMinutes> {
    const session = await this.sessions.readable(this.dataSource.manager, principal, sessionId);
    return this.build(this.dataSource.manager, session);
  }

  async docx(principal: Principal, sessionId: string, document: MinutesDocument): Promise<{ fileName: string; content: Buffer }> {
    const minutes = await this.json(principal, sessionId);
    if (document === 'tally-sheet' && minutes.status !== 'closed') {
      throw conflict('MINUTES_NOT_AVAILABLE', 'Phiên họp không đủ số thành viên tham dự nên không có kết quả kiểm phiếu', { sessionId });
    }
    const stem = (minutes.number ?? sessionId).replace(/[^\p{L}\p{N}-]+/gu, '-');
    return document === 'meeting'
      ? { fileName: `bien-ban-hop-${stem}.docx`, content: meetingMinutesDocx(minutes) }
      : { fileName: `bien-ban-kiem-phieu-${stem}.docx`, content: tallySheetDocx(minutes) };
  }

  /** The Biên bản họp of a concluded session, for the service itself (no caller to authorize). */
  async meetingDocument(sessionId: string): Promise<{ fileName: string; content: Buffer }> {
    const session = await this.dataSource.getRepository(CouncilSessionEntity).findOneByOrFail({ id: sessionId });
    const minutes = await this.build(this.dataSource.manager, session);
    return { fileName: `bien-ban-hop-${(minutes.number ?? sessionId).replace(/[^\p{L}\p{N}-]+/gu, '-')}.docx`, content: meetingMinutesDocx(minutes) };
  }

  /** The minutes of a closed (or inquorate) session; 409 while it is scheduled, open or cancelled. */
  async build(manager: EntityManager, session: CouncilSessionEntity): Promise<CouncilMinutes> {
    if (session.status !== 'closed' && session.status !== 'inquorate') {
      throw conflict('MINUTES_NOT_AVAILABLE', 'Phiên họp chưa kết thúc: chưa có biên bản', { sessionId: session.id, status: session.status });
    }
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: session.organizationId });
    const council = session.councilId ? await manager.findOneBy(CouncilEntity, { id: session.councilId }) : null;
    const block = session.emulationBlockId ? await manager.findOneBy(EmulationBlockEntity, { id: session.emulationBlockId }) : null;
    const members = (await manager.findBy(CouncilSessionMemberEntity, { sessionId: session.id })).sort(
      (a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position) || a.fullName.localeCompare(b.fullName, 'vi'),
    );
    const items = await manager.find(CouncilSessionItemEntity, { where: { sessionId: session.id }, order: { seq: 'ASC' } });
    const recusals = await manager.findBy(CouncilRecusalEntity, { sessionId: session.id });
    const nominationIds = items.map((item) => item.nominationId).filter((id): id is string => !!id);
    const nominations = new Map(
      (nominationIds.length ? await manager.findBy(NominationEntity, { id: In(nominationIds) }) : []).map((row) => [row.id, row]),
    );
    const formName = (item: CouncilSessionItemEntity) => {
      const row = item.nominationId ? nominations.get(item.nominationId) : undefined;
      return row ? (this.catalog.form(row.ruleSetId, row.formCode)?.name ?? row.formCode) : null;
    };
    const names = new Map(members.map((member) => [member.userId, member.fullName]));
    const person = (member: CouncilSessionMemberEntity): MinutesPerson => ({
      fullName: member.fullName,
      position: member.position,
      positionLabel: POSITION_LABELS[member.position],
      attendance: member.attendance,
    });
    const concluded = session.status === 'closed';
    const present = presentCount(members);
    const minPresentPercent = session.quorumMinPresentPercent ?? 0;
    const lead = block && concluded ? await manager.findOneBy(EmulationBlockLeadEntity, { sessionId: session.id }) : null;
    const results = concluded
      ? items.map((item) => {
          const counts = item.result!.counts;
          return {
            seq: item.seq,
            title: item.title,
            formName: formName(item),
            councilRule: item.councilRule,
            ruleText: describeCouncilRule(item.councilRule),
            counts,
            recused: recusals
              .filter((recusal) => recusal.itemId === item.id)
              .map((recusal) => ({ fullName: names.get(recusal.userId) ?? '', reasonLabel: RECUSAL_LABELS[recusal.reason] })),
            eligibleVoters: item.result!.eligibleVoters,
            ballotsReturned: counts.yes + counts.no + counts.abstain,
            yesShareOfAllMembers: sharePercentText(counts.yes, counts.members),
            outcome: item.outcome!,
            outcomeLabel: OUTCOME_LABELS[item.outcome!] ?? item.outcome!,
          };
        })
      : [];
    const chair = members.find((member) => member.position === 'chair');
    const secretaryMember = members.find((member) => member.position === 'secretary');
    const closer = session.closedBy ? await manager.findOneBy(UserEntity, { id: session.closedBy }) : null;
    const elected = lead ? items.find((item) => item.candidateOrganizationId === lead.organizationId) : undefined;
    const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi');
    return {
      sessionId: session.id,
      kind: session.kind,
      status: concluded ? 'closed' : 'inquorate',
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      parentAuthority: upper(organization.name),
      issuer: block ? upper(block.name) : 'HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG',
      organizationName: organization.name,
      number: session.minutesNumber,
      tallySheetNumber: session.minutesNumber ? session.minutesNumber.replace(/\/BB-/, '/BBKP-') : null,
      place: session.place,
      meetingDate: session.meetingDate,
      placeAndDate: placeAndDateLine(session.place, session.meetingDate),
      title: 'BIÊN BẢN',
      subtitle: block ? `Bỏ phiếu suy tôn tập thể dẫn đầu ${block.name} năm ${session.year}` : `Họp ${council?.name ?? 'Hội đồng Thi đua – Khen thưởng'}`,
      sessionTitle: session.title,
      openedAt: session.openedAt,
      closedAt: session.closedAt,
      quorum: {
        minPresentPercent,
        members: members.length,
        present,
        met: quorumRefusal({ minPresentPercent }, present, members.length) === null,
      },
      members: {
        total: members.length,
        present: members.filter((member) => member.attendance === 'present').map(person),
        absentWithWrittenVote: members.filter((member) => member.attendance === 'absent-written').map(person),
        absent: members.filter((member) => member.attendance === 'absent').map(person),
      },
      agenda: items.map((item) => ({ seq: item.seq, title: item.title, formName: formName(item), ruleText: describeCouncilRule(item.councilRule) })),
      results,
      election: block
        ? { elected: lead && elected ? { organizationId: lead.organizationId, name: elected.title, yesVotes: lead.yesVotes } : null }
        : null,
      conclusion: !concluded
        ? `Phiên họp không đủ số thành viên tham dự theo quy định (có mặt ${present}/${members.length}, cần ít nhất ${minPresentPercent}%): không có kết quả biểu quyết; các hồ sơ chờ phiên họp khác.`
        : block
          ? elected
            ? `Kết quả: ${elected.title} được suy tôn là tập thể dẫn đầu ${block.name} năm ${session.year}.`
            : `Kết quả: không có tập thể nào được suy tôn (không đạt tỷ lệ hoặc có số phiếu bằng nhau); cụm, khối bỏ phiếu lại.`
          : `Kết quả: ${results.filter((item) => item.outcome === 'approved').length}/${results.length} trường hợp đạt yêu cầu, được đề nghị khen thưởng.`,
      signatures: {
        left: { title: 'THƯ KÝ', fullName: secretaryMember?.fullName ?? closer?.fullName ?? '' },
        right: { title: block ? 'CHỦ TRÌ' : 'CHỦ TỊCH HỘI ĐỒNG', fullName: chair?.fullName ?? '' },
      },
    };
  }
}
