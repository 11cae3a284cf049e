import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Like, type EntityManager } from 'typeorm';
import { evaluateCouncilVote, quorumRefusal, type CouncilCounts, type QuorumRule } from '../../workflows';
import { electLeadingCollective, eligibleVoters, itemCounts, presentCount } from '../../workflows/council';
import { AppError, conflict, notFound } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import { AdvanceNominationUseCase } from '../nominations/advance-nomination.use-case';
import { OrganizationEntity } from '../organizations/organization.entity';
import { assertSessionSecretary } from './council-access';
import {
  CouncilBallotTallyEntity,
  CouncilRecusalEntity,
  CouncilSessionEntity,
  CouncilSessionItemEntity,
  CouncilSessionMemberEntity,
} from './council-session.entity';
import { CouncilMinutesService } from './council-minutes.service';
import { CouncilSessionsService, type CouncilSessionView } from './council-sessions.service';
import { DossierDocumentsService } from '../dossiers/dossier-documents.service';
import { NomineeBlockResultEntity } from '../nominees/nominee-block-result.entity';
import { NomineeRegistry } from '../nominees/nominee-registry';
import type { CloseSessionDto } from './dto';
import { EmulationBlockEntity, EmulationBlockLeadEntity } from './emulation-block.entity';
import { isUniqueViolation, lockSession } from './session-lock';

interface ItemTally {
  item: CouncilSessionItemEntity;
  counts: CouncilCounts;
  eligibleVoters: number;
}

/**
 * Closes a session in one transaction. It takes the session's lock first, so a ballot being cast is counted and a
 * later one is refused; checks the quorum again on the attendance (no quorum: no results, the nominations stay in
 * `councilReview` and leave the agenda); computes each item's result by its rule with `evaluateCouncilVote`; and
 * sends COUNCIL_APPROVED / COUNCIL_REJECTED with the counts to every nomination through the same step as the HTTP
 * events. Any refusal rolls everything back: every nomination gets its result, or none does and the session stays
 * open. A block election records its leading collective instead.
 */
@Injectable()
export class CloseCouncilSessionUseCase {
  private readonly logger = new Logger('CouncilSessions');

  constructor(
    private readonly writes: WriteSerializer,
    private readonly advance: AdvanceNominationUseCase,
    private readonly sessions: CouncilSessionsService,
    private readonly minutes: CouncilMinutesService,
    private readonly documents: DossierDocumentsService,
    private readonly registry: NomineeRegistry,
  ) {}

  async execute(principal: Principal, sessionId: string, dto: CloseSessionDto) {
    let view: CouncilSessionView;
    try {
      view = await this.writes.transaction((manager) => this.close(manager, principal, sessionId, dto));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('SESSION_CLOSE_CONFLICT', 'Kết quả của phiên họp đã được ghi nhận bởi một thao tác khác; vui lòng tải lại', { sessionId });
      }
      throw error;
    }
    return { ...view, minutesDocuments: view.kind === 'council' && view.status === 'closed' ? await this.attachMinutes(principal, view) : [] };
  }

  /**
   * After the results are committed: the Biên bản họp becomes the `council-minutes` document of each nomination that
   * goes on to the signer (the step that checks it), uploaded as the secretary through the dossier's own upload. A
   * nomination the council rejected is closed and keeps none; the minutes stay available from the session. A failed
   * upload does not undo the results: it is reported here and logged, and the secretary can upload the file again.
   */
  private async attachMinutes(principal: Principal, view: CouncilSessionView) {
    const { fileName, content } = await this.minutes.meetingDocument(view.id);
    const attached = [];
    for (const item of view.items.filter((entry) => entry.outcome === 'approved' && entry.nominationId)) {
      try {
        const document = await this.documents.upload(principal, item.nominationId!, {
          code: 'council-minutes',
          level: item.level ?? undefined,
          file: { originalname: fileName, size: content.length, buffer: content },
        });
        attached.push({ nominationId: item.nominationId!, documentId: document.id, version: document.version, error: null });
      } catch (error) {
        this.logger.error(JSON.stringify({ session: view.id, nomination: item.nominationId, event: 'COUNCIL_MINUTES_NOT_ATTACHED', error: (error as Error).message }));
        attached.push({ nominationId: item.nominationId!, documentId: null, version: null, error: (error as Error).message });
      }
    }
    return attached;
  }

  private async close(manager: EntityManager, principal: Principal, sessionId: string, dto: CloseSessionDto) {
    const found = await manager.findOneBy(CouncilSessionEntity, { id: sessionId });
    if (!found) throw notFound('Không tìm thấy phiên họp');
    const organization = (await manager.findOneBy(OrganizationEntity, { id: found.organizationId }))!;
    assertSessionSecretary(principal, organization.id, organization.name);
    const session = await lockSession(manager, sessionId, 'open');
    const now = new Date().toISOString();
    const members = await manager.findBy(CouncilSessionMemberEntity, { sessionId });
    const quorum: QuorumRule = { minPresentPercent: session.quorumMinPresentPercent! };

    if (quorumRefusal(quorum, presentCount(members), members.length)) {
      // No results at all: the nominations leave the agenda and wait in councilReview for another session.
      await manager.update(CouncilSessionItemEntity, { sessionId }, { activeClaim: null });
      await manager.update(CouncilSessionEntity, { id: sessionId }, { status: 'inquorate', closedAt: now, closedBy: principal.userId });
      this.logger.log(JSON.stringify({ session: sessionId, organization: organization.id, status: 'inquorate', present: presentCount(members), members: members.length }));
      return this.sessions.view(manager, principal, session);
    }

    const minutesNumber = dto.minutesNumber?.normalize('NFC') ?? (await this.nextMinutesNumber(manager, session));
    const tallies = await this.tallies(manager, session, members);
    if (session.kind === 'council') {
      for (const { item, counts, eligibleVoters } of tallies) {
        const outcome = evaluateCouncilVote(item.councilRule, quorum, counts);
        if (outcome.kind !== 'approved' && outcome.kind !== 'rejected') {
          throw new Error(`Kết quả không nhất quán cho nội dung ${item.id}: ${outcome.refusal.message}`);
        }
        await manager.update(CouncilSessionItemEntity, { id: item.id }, { outcome: outcome.kind, result: { counts, eligibleVoters } });
        await this.sendResult(manager, principal, item, {
          type: outcome.kind === 'approved' ? 'COUNCIL_APPROVED' : 'COUNCIL_REJECTED',
          counts,
          meetingDate: session.meetingDate,
          minutesNumber,
          quorum,
          councilSessionId: session.id,
        });
      }
    } else {
      await this.recordElection(manager, principal, session, quorum, tallies, now);
    }
    await manager.update(CouncilSessionItemEntity, { sessionId }, { activeClaim: null });
    await manager.update(CouncilSessionEntity, { id: sessionId }, { status: 'closed', closedAt: now, closedBy: principal.userId, minutesNumber });
    this.logger.log(
      JSON.stringify({
        session: sessionId,
        organization: organization.id,
        status: 'closed',
        minutesNumber,
        items: tallies.length,
        actor: principal.username,
      }),
    );
    return this.sessions.view(manager, principal, session);
  }

  /** Each item's counts from the counters, the attendance and its recusals. */
  private async tallies(manager: EntityManager, session: CouncilSessionEntity, members: CouncilSessionMemberEntity[]): Promise<ItemTally[]> {
    const items = await manager.find(CouncilSessionItemEntity, { where: { sessionId: session.id }, order: { seq: 'ASC' } });
    const counters = new Map((await manager.findBy(CouncilBallotTallyEntity, { sessionId: session.id })).map((tally) => [tally.itemId, tally]));
    const recusals = await manager.findBy(CouncilRecusalEntity, { sessionId: session.id });
    return items.map((item) => {
      const tally = counters.get(item.id)!;
      const recused = new Set(recusals.filter((recusal) => recusal.itemId === item.id).map((recusal) => recusal.userId));
      return {
        item,
        counts: itemCounts(members, recused, { yes: tally.yesCount, no: tally.noCount, abstain: tally.abstainCount }),
        eligibleVoters: eligibleVoters(members, recused, item.councilRule),
      };
    });
  }

  /** One nomination's result through the nomination's own step; a refusal names the nomination and undoes the close. */
  private async sendResult(manager: EntityManager, principal: Principal, item: CouncilSessionItemEntity, command: { type: string } & Record<string, unknown>) {
    try {
      await this.advance.applyWithin(manager, principal, item.nominationId!, command as never);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(
        error.status,
        error.code,
        `Không thể ghi kết quả biểu quyết vào hồ sơ của ${item.title}: ${error.message}. Phiên họp chưa kết thúc và không hồ sơ nào thay đổi`,
        { nominationId: item.nominationId, itemId: item.id, cause: error.details ?? null },
      );
    }
  }

  private async recordElection(manager: EntityManager, principal: Principal, session: CouncilSessionEntity, quorum: QuorumRule, tallies: ItemTally[], now: string) {
    const block = await manager.findOneByOrFail(EmulationBlockEntity, { id: session.emulationBlockId! });
    const rule = tallies[0]?.item.councilRule ?? { kind: 'share-of-all', minPercent: block.electionMinPercent };
    const outcome = electLeadingCollective(
      rule,
      quorum,
      tallies.map(({ item, counts }) => ({ candidateId: item.candidateOrganizationId!, counts })),
    );
    for (const { item, counts, eligibleVoters } of tallies) {
      const elected = outcome.kind === 'elected' && outcome.candidateId === item.candidateOrganizationId;
      await manager.update(CouncilSessionItemEntity, { id: item.id }, { outcome: elected ? 'elected' : 'not-elected', result: { counts, eligibleVoters } });
    }
    if (outcome.kind !== 'elected') return;
    if (await manager.existsBy(EmulationBlockLeadEntity, { blockId: block.id, year: session.year! })) {
      throw conflict('BLOCK_LEAD_EXISTS', `${block.name} đã suy tôn tập thể dẫn đầu năm ${session.year}`, { blockId: block.id, year: session.year });
    }
    await manager.insert(EmulationBlockLeadEntity, {
      blockId: block.id,
      year: session.year!,
      organizationId: outcome.candidateId,
      sessionId: session.id,
      yesVotes: outcome.counts.yes,
      members: outcome.counts.members,
      decidedAt: now,
    });
    await this.recordInRegistry(manager, principal, block, session, outcome.candidateId, now);
  }

  /**
   * The elected collective's entry in the nominee registry (the one its own nominations as a collective resolve to)
   * gains the block result, which the eligibility rule `block-lead` reads; an entry that already has that year's
   * result keeps it.
   */
  private async recordInRegistry(
    manager: EntityManager,
    principal: Principal,
    block: EmulationBlockEntity,
    session: CouncilSessionEntity,
    organizationId: string,
    now: string,
  ) {
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: organizationId });
    const entry = await this.registry.resolveInline(manager, organization.id, { kind: 'collective', name: organization.name }, principal.userId, now);
    if (await manager.existsBy(NomineeBlockResultEntity, { nomineeId: entry.id, year: session.year! })) return;
    await manager.insert(NomineeBlockResultEntity, {
      id: randomUUID(),
      nomineeId: entry.id,
      year: session.year!,
      blockName: block.name,
      note: `Suy tôn tại phiên bỏ phiếu ngày ${session.meetingDate} (phiên ${session.id})`,
      recordedBy: principal.userId,
      recordedAt: now,
    });
  }

  /** "05/BB-HĐTĐKT": the next number of the organization's minutes in the meeting's year. */
  private async nextMinutesNumber(manager: EntityManager, session: CouncilSessionEntity): Promise<string> {
    const year = session.meetingDate.slice(0, 4);
    const earlier = await manager.countBy(CouncilSessionEntity, {
      organizationId: session.organizationId,
      kind: session.kind,
      status: 'closed',
      meetingDate: Like(`${year}-%`),
    });
    const symbol = session.kind === 'council' ? 'BB-HĐTĐKT' : 'BB-CKTĐ';
    return `${String(earlier + 1).padStart(2, '0')}/${symbol}`;
  }
}
