import { LEVEL_LABELS, statusLabel, type AwardForm, type Level, type NominationContext, type NominationEvent } from '../../workflows';

/** `2025-11-03` → `03/11/2025`, as Vietnamese documents write dates. */
export function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** "Hồ sơ đề nghị Giấy khen của Chủ tịch UBND xã cho Lò Thị Hương"; a title reads "… danh hiệu Lao động tiên tiến …". */
export function nominationSubject(form: Pick<AwardForm, 'name' | 'category'>, nomineeName: string): string {
  return `Hồ sơ đề nghị ${form.category === 'title' ? 'danh hiệu ' : ''}${form.name} cho ${nomineeName}`;
}

/** What the dossier waits for in this state, as the next actor reads it: "đang chờ thẩm định". */
export function waitingPhrase(form: Pick<AwardForm, 'levels'>, statePath: string, context: NominationContext, event?: NominationEvent): string {
  const [head, step] = statePath.split('.');
  const level = head as Level;
  switch (step) {
    case 'received':
      return 'đang chờ thẩm định';
    case 'appraisal':
      return event?.type === 'RESUBMIT' ? 'đã được bổ sung và đang chờ thẩm định lại' : 'đang chờ thẩm định';
    case 'councilReview':
      return 'đang chờ Hội đồng Thi đua – Khen thưởng xét';
    case 'awaitingSignature':
      return `đang chờ ${form.levels[level]?.signer ?? 'người có thẩm quyền'} ký`;
    case 'supplementRequested': {
      const round = context.supplementRounds.at(-1);
      return round ? `được yêu cầu bổ sung trước ngày ${vietnameseDate(round.dueDate)}: ${round.reason}` : 'được yêu cầu bổ sung';
    }
    case 'awaitingExternalDecision':
      return `đã được trình ${LEVEL_LABELS[level] ?? head}, đang chờ ghi nhận quyết định`;
    default:
      return `đang ở bước "${statusLabel(statePath)}"`;
  }
}

/**
 * News for the proposing unit after a step: a supplement request, a rejection, the award, the dossier forwarded to
 * the next level, a revocation. Null when the step is the offices' own business.
 */
export function outcomePhrase(form: Pick<AwardForm, 'levels'>, event: NominationEvent, toState: string, context: NominationContext): string | null {
  const [head, step] = toState.split('.');
  if (step === 'supplementRequested') return waitingPhrase(form, toState, context, event);
  switch (head) {
    case 'rejected': {
      const where = context.rejection?.level ? ` ở ${LEVEL_LABELS[context.rejection.level]}` : '';
      return `không được khen thưởng${where}${context.rejection?.reason ? `: ${context.rejection.reason}` : ''}`;
    }
    case 'awarded': {
      const decision = event.type === 'SIGN' ? event : event.type === 'RECORD_EXTERNAL_DECISION' ? event : null;
      return decision ? `đã được khen thưởng theo Quyết định số ${decision.number} ngày ${vietnameseDate(decision.date)}` : 'đã được khen thưởng';
    }
    case 'revoked':
      return event.type === 'REVOKE'
        ? `đã bị hủy bỏ quyết định khen thưởng (Quyết định số ${event.number}): ${event.reason}`
        : 'đã bị hủy bỏ quyết định khen thưởng';
  }
  if (event.type === 'SIGN') {
    // Signed a Tờ trình rather than a decision: the dossier moves up the route.
    return `đã được trình lên ${LEVEL_LABELS[head as Level] ?? head} (Tờ trình số ${event.number} ngày ${vietnameseDate(event.date)})`;
  }
  return null;
}

export function withdrawnPhrase(): string {
  return 'đã được đơn vị đề nghị rút lại';
}

export function overdueMessage(subject: string, dueDate: string, waiting: string): string {
  return `${subject} đã quá hạn xử lý (hạn ${vietnameseDate(dueDate)}) và ${waiting}`;
}
