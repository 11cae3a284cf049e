import { vietnamDate } from '../calendar/working-days';
import type { AwardForm, Level, QuorumRule } from '../catalog/types';
import { describeCouncilRule, evaluateCouncilVote } from './council-vote';
import type { NominationContext } from './nomination-context';
import type { NominationEvent } from './nomination-events';
import type { Refusal } from './refusal';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isIsoDate(value: unknown): value is string {
  // Date.parse rolls 2026-02-30 over to 2 March: a real calendar date reads back unchanged.
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
}

function missing(rule: string, message: string, fields: string[]): Refusal {
  return { rule, message, details: { fields } };
}

export interface RuleScope {
  form: AwardForm;
  quorum: QuorumRule;
}

/** The level the nomination stands at now. */
export function currentLevel(context: NominationContext): Level {
  return context.route[context.levelIndex];
}

/**
 * The guard behind each event, written once: the machine's guards call it to decide, the service calls it to say
 * why an event that the state allows was refused. `null` means the rule lets the event through.
 */
export function refusalFor(scope: RuleScope, context: NominationContext, event: NominationEvent): Refusal | null {
  switch (event.type) {
    case 'REQUEST_SUPPLEMENT': {
      const fields = [
        ...(isFilled(event.reason) ? [] : ['reason']),
        ...(Array.isArray(event.items) && event.items.length > 0 && event.items.every(isFilled) ? [] : ['items']),
        ...(isIsoDate(event.dueDate) ? [] : ['dueDate']),
      ];
      if (fields.length) {
        return missing('supplement-request-complete', 'Yêu cầu bổ sung phải nêu lý do, các nội dung cần bổ sung và thời hạn', fields);
      }
      if (context.supplementRounds.some((round) => round.level === currentLevel(context))) {
        return {
          rule: 'supplement-once-per-level',
          message: 'Mỗi cấp chỉ yêu cầu bổ sung hồ sơ một lần, nêu đầy đủ các nội dung còn thiếu',
          details: { level: currentLevel(context) },
        };
      }
      // The request's day in Vietnam (UTC+7), as the service computes dates: `at` is a UTC timestamp.
      if (event.dueDate < vietnamDate(event.at)) {
        return { rule: 'supplement-deadline-future', message: 'Thời hạn bổ sung không được trước ngày yêu cầu', details: { dueDate: event.dueDate } };
      }
      return null;
    }
    case 'APPRAISAL_REJECTED':
    case 'DECLINED':
      return isFilled(event.reason) ? null : missing('reason-required', 'Phải nêu lý do không chấp thuận', ['reason']);
    case 'COUNCIL_APPROVED':
    case 'COUNCIL_REJECTED': {
      const rule = scope.form.levels[currentLevel(context)]!.council;
      const outcome = evaluateCouncilVote(rule, event.quorum ?? scope.quorum, event.counts ?? ({} as never));
      if (outcome.kind === 'invalid' || outcome.kind === 'no-quorum') return outcome.refusal;
      const claimed = event.type === 'COUNCIL_APPROVED' ? 'approved' : 'rejected';
      if (outcome.kind === claimed) return null;
      return {
        rule: 'council-threshold',
        message:
          claimed === 'approved'
            ? `Kết quả biểu quyết chưa đạt yêu cầu (${describeCouncilRule(rule)}): không thể ghi nhận Hội đồng đồng ý`
            : `Kết quả biểu quyết đã đạt yêu cầu (${describeCouncilRule(rule)}): không thể ghi nhận Hội đồng không đồng ý`,
        details: { counts: event.counts, councilRule: rule },
      };
    }
    case 'SIGN': {
      const fields = [...(isFilled(event.number) ? [] : ['number']), ...(isIsoDate(event.date) ? [] : ['date'])];
      return fields.length ? missing('signature-numbered', 'Văn bản ký phải có số, ký hiệu và ngày ký', fields) : null;
    }
    case 'RECORD_EXTERNAL_DECISION':
    case 'RECORD_EXTERNAL_REJECTION': {
      const fields = [
        ...(isFilled(event.number) ? [] : ['number']),
        ...(isIsoDate(event.date) ? [] : ['date']),
        ...(isFilled(event.authority) ? [] : ['authority']),
        ...(event.type === 'RECORD_EXTERNAL_REJECTION' && !isFilled(event.reason) ? ['reason'] : []),
      ];
      return fields.length
        ? missing('external-document-identified', 'Phải ghi số, ngày văn bản và cơ quan ban hành của cấp trên', fields)
        : null;
    }
    case 'REVOKE': {
      const fields = [
        ...(isFilled(event.number) ? [] : ['number']),
        ...(isIsoDate(event.date) ? [] : ['date']),
        ...(isFilled(event.reason) ? [] : ['reason']),
      ];
      return fields.length ? missing('revocation-justified', 'Quyết định hủy bỏ phải có số, ngày và lý do', fields) : null;
    }
    default:
      return null;
  }
}
