import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eligibleVoters, mayCastBallot, type BallotChoice } from '../../workflows/council';
import { conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import {
  CouncilBallotTallyEntity,
  CouncilRecusalEntity,
  CouncilSessionItemEntity,
  CouncilSessionMemberEntity,
  CouncilVoteCastEntity,
} from './council-session.entity';
import { isUniqueViolation, lockSession } from './session-lock';

/** The counter a choice increments; a fixed map, so no input ever reaches the SQL. */
const COUNTER: Record<BallotChoice, 'yes_count' | 'no_count' | 'abstain_count'> = {
  yes: 'yes_count',
  no: 'no_count',
  abstain: 'abstain_count',
};

const alreadyVoted = () => conflict('BALLOT_ALREADY_CAST', 'Bạn đã bỏ phiếu cho nội dung này; phiếu đã bỏ không thể thay đổi');

/**
 * A secret ballot, in one transaction: lock the open session (a ballot after the close is 409), check the member,
 * their attendance and recusal, record THAT they voted (`council_votes_cast`, primary key: once per item), and add
 * one to the item's counter in place (`council_ballot_tallies`). The choice is never stored next to the member, nor
 * in a row of its own, nor logged.
 */
@Injectable()
export class CastBallotUseCase {
  private readonly logger = new Logger('CouncilBallots');

  constructor(private readonly writes: WriteSerializer) {}

  async execute(principal: Principal, sessionId: string, itemId: string, choice: BallotChoice) {
    try {
      return await this.writes.transaction((manager) => this.cast(manager, principal, sessionId, itemId, choice));
    } catch (error) {
      // The same member's two requests racing on PostgreSQL: the primary key lets one in.
      if (isUniqueViolation(error)) throw alreadyVoted();
      throw error;
    }
  }

  private async cast(manager: EntityManager, principal: Principal, sessionId: string, itemId: string, choice: BallotChoice) {
    await lockSession(manager, sessionId, 'open');
    const item = await manager.findOneBy(CouncilSessionItemEntity, { id: itemId, sessionId });
    if (!item) throw notFound('Không tìm thấy nội dung này trong chương trình phiên họp');
    const member = await manager.findOneBy(CouncilSessionMemberEntity, { sessionId, userId: principal.userId });
    if (!member) throw forbidden('Chỉ thành viên của phiên họp được bỏ phiếu', { requiredRole: 'council-member' });
    if (!mayCastBallot(member.attendance, item.councilRule)) {
      throw ruleRefused(
        member.attendance === 'absent'
          ? 'Thành viên vắng mặt không có phiếu biểu quyết bằng văn bản không được bỏ phiếu'
          : 'Nội dung này biểu quyết theo đa số thành viên có mặt: thành viên vắng mặt không bỏ phiếu',
        { rule: 'ballot-attendance', attendance: member.attendance },
      );
    }
    if (await manager.existsBy(CouncilRecusalEntity, { itemId, userId: principal.userId })) {
      throw ruleRefused('Bạn không tham gia biểu quyết nội dung này (là người được đề nghị hoặc thuộc đơn vị đề nghị)', { rule: 'council-recusal' });
    }
    if (await manager.existsBy(CouncilVoteCastEntity, { itemId, userId: principal.userId })) throw alreadyVoted();
    await manager.insert(CouncilVoteCastEntity, { itemId, userId: principal.userId, sessionId });
    const column = COUNTER[choice];
    const updated = await manager
      .createQueryBuilder()
      .update(CouncilBallotTallyEntity)
      .set({ [propertyOf(column)]: () => `${column} + 1` })
      .where('item_id = :itemId', { itemId })
      .execute();
    if (updated.affected !== 1) throw new Error(`Không tìm thấy bộ đếm phiếu của nội dung ${itemId}`);

    const members = await manager.findBy(CouncilSessionMemberEntity, { sessionId });
    const recused = new Set((await manager.findBy(CouncilRecusalEntity, { itemId })).map((recusal) => recusal.userId));
    const ballotsCast = await manager.countBy(CouncilVoteCastEntity, { itemId });
    // Logged without the voter or the choice (conventions: never ballots in the log).
    this.logger.log(JSON.stringify({ session: sessionId, item: itemId, ballotsCast }));
    return { sessionId, itemId, voted: true, ballotsCast, eligibleVoters: eligibleVoters(members, recused, item.councilRule) };
  }
}

function propertyOf(column: 'yes_count' | 'no_count' | 'abstain_count'): keyof CouncilBallotTallyEntity {
  return column === 'yes_count' ? 'yesCount' : column === 'no_count' ? 'noCount' : 'abstainCount';
}
