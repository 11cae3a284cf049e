import { Injectable } from '@nestjs/common';
import type { Refusal } from '../../workflows';
import type { StepCheck, StepContext } from '../nominations/step-hooks';
import { CouncilSessionItemEntity } from './council-session.entity';

/**
 * A nomination on the agenda of a scheduled or open session gets its council result from that session only: a
 * result sent by hand (after a paper meeting) is refused until the session ends or the item leaves its agenda.
 */
@Injectable()
export class CouncilAgendaCheck implements StepCheck {
  async check({ manager, row, event }: StepContext): Promise<Refusal | null> {
    if (event.type !== 'COUNCIL_APPROVED' && event.type !== 'COUNCIL_REJECTED') return null;
    const claim = await manager.findOneBy(CouncilSessionItemEntity, { activeClaim: row.id });
    if (!claim || claim.sessionId === event.councilSessionId) return null;
    return {
      rule: 'council-session-pending',
      message: 'Hồ sơ đang trong chương trình một phiên họp của Hội đồng: kết quả do phiên họp quyết định khi kết thúc',
      details: { sessionId: claim.sessionId },
    };
  }
}
