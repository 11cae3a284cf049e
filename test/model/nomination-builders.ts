/**
 * Named builders shared by the unit and model tests: the rule set in force, a workflow per form, valid and refused
 * event payloads. Everything comes from the real catalog in data/; nothing here invents a form.
 */
import {
  loadRuleSets,
  NominationWorkflow,
  type AwardForm,
  type CouncilCounts,
  type CouncilRule,
  type EventActor,
  type EventOf,
  type Level,
  type NominationEvent,
  type NominationEventType,
  type NominationInput,
  type NominationSnapshot,
  type QuorumRule,
  type RuleScope,
  type RuleSet,
} from '../../workflows';

export const PROVINCE = 'lai-chau';
export const SUBMITTED_ON = '2026-03-01';
export const EXTERNAL_LEVELS: Level[] = ['central'];

/** The rule set a Lai Châu nomination submitted on 1 March 2026 is judged by. */
export function ruleSetInForce(): RuleSet {
  return loadRuleSets().inForce(PROVINCE, SUBMITTED_ON);
}

export function formOf(ruleSet: RuleSet, code: string): AwardForm {
  const form = ruleSet.forms.find((candidate) => candidate.code === code);
  if (!form) throw new Error(`no form ${code} in ${ruleSet.id}`);
  return form;
}

export function workflowFor(form: AwardForm, ruleSet: RuleSet): NominationWorkflow {
  return new NominationWorkflow(form, { quorum: ruleSet.quorum, externalLevels: EXTERNAL_LEVELS });
}

export function scopeOf(workflow: NominationWorkflow): RuleScope {
  return { form: workflow.form, quorum: workflow.options.quorum };
}

export const ACTOR: EventActor = { userId: 'user-kiem-thu', username: 'canbo.kiemthu' };
/** 09:00 on Monday 2 March 2026 in Vietnam (UTC+7). */
export const AT = '2026-03-02T02:00:00.000Z';
export const TODAY = '2026-03-02';
/** Five working days after TODAY. */
export const SUPPLEMENT_DUE = '2026-03-09';

/** A council large enough that the percentage thresholds fall between whole members. */
export const COUNCIL_MEMBERS = 25;

const percentOf = (percent: number, whole: number) => Math.floor((percent * whole + 99) / 100); // ceil, in integers

/** The fewest members present that still make a quorum. */
export function minimumQuorate(quorum: QuorumRule, members = COUNCIL_MEMBERS): number {
  return percentOf(quorum.minPresentPercent, members);
}

/** The fewest yes votes that carry the rule, at a session with `present` members there. */
export function minimumYes(rule: CouncilRule, members: number, present: number): number {
  switch (rule.kind) {
    case 'share-of-all':
      return percentOf(rule.minPercent, members);
    case 'majority-of-present':
      return Math.floor(present / 2) + 1;
    case 'standing-body':
      return members; // no vote at this level; never asked for by a machine
  }
}

/** Exactly at the threshold, at a session with the least quorum: absent members vote in writing where allowed. */
export function approvingCounts(rule: CouncilRule, quorum: QuorumRule, members = COUNCIL_MEMBERS): CouncilCounts {
  const present = minimumQuorate(quorum, members);
  const ballots = rule.kind === 'majority-of-present' ? present : members;
  const yes = minimumYes(rule, members, present);
  return { members, present, yes, no: ballots - yes, abstain: 0 };
}

/** One yes vote short of the threshold, at a quorate session. */
export function rejectingCounts(rule: CouncilRule, quorum: QuorumRule, members = COUNCIL_MEMBERS): CouncilCounts {
  const approving = approvingCounts(rule, quorum, members);
  return { ...approving, yes: approving.yes - 1, no: approving.no + 1 };
}

/** One member short of the quorum, everyone voting yes. */
export function inquorateCounts(quorum: QuorumRule, members = COUNCIL_MEMBERS): CouncilCounts {
  const present = minimumQuorate(quorum, members) - 1;
  return { members, present, yes: present, no: 0, abstain: 0 };
}

export function councilRuleAt(form: AwardForm, level: Level): CouncilRule {
  const rule = form.levels[level];
  if (!rule) throw new Error(`${form.code} has no rule for level ${level}`);
  return rule.council;
}

const base = () => ({ actor: ACTOR, at: AT });

const LEVEL_SIGN = { commune: 'UBND', agency: 'VP', province: 'UBND-TĐKT', central: 'TTg' } as const;

/** A payload every guard accepts, for an event sent while the nomination stands at `level`. */
export function validEventFor<T extends NominationEventType>(type: T, scope: RuleScope, level: Level): EventOf<T>;
export function validEventFor(type: NominationEventType, { form, quorum }: RuleScope, level: Level): NominationEvent {
  switch (type) {
    case 'SUBMIT':
    case 'ACCEPT':
      return { type, ...base() };
    case 'RESUBMIT':
      return { type, ...base(), note: 'Đã bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị' };
    case 'APPRAISAL_PASSED':
      return { type, ...base(), note: 'Hồ sơ đầy đủ, đạt tiêu chuẩn' };
    case 'REQUEST_SUPPLEMENT':
      return {
        type,
        ...base(),
        reason: 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị',
        items: ['achievement-report'],
        dueDate: SUPPLEMENT_DUE,
      };
    case 'APPRAISAL_REJECTED':
      return { type, ...base(), reason: 'Chưa đủ số năm hoàn thành xuất sắc nhiệm vụ theo tiêu chuẩn' };
    case 'COUNCIL_APPROVED':
      return { type, ...base(), counts: approvingCounts(councilRuleAt(form, level), quorum), meetingDate: TODAY, minutesNumber: '05/BB-HĐTĐKT' };
    case 'COUNCIL_REJECTED':
      return { type, ...base(), counts: rejectingCounts(councilRuleAt(form, level), quorum), meetingDate: TODAY, minutesNumber: '05/BB-HĐTĐKT' };
    case 'SIGN':
      return { type, ...base(), number: `12/QĐ-${LEVEL_SIGN[level]}`, date: TODAY };
    case 'DECLINED':
      return { type, ...base(), reason: 'Đang có đơn thư phản ánh chưa được xác minh' };
    case 'RECORD_EXTERNAL_DECISION':
      return { type, ...base(), number: '345/QĐ-TTg', date: TODAY, authority: 'Thủ tướng Chính phủ' };
    case 'RECORD_EXTERNAL_REJECTION':
      return {
        type,
        ...base(),
        number: '67/VPCP-TĐKT',
        date: TODAY,
        authority: 'Văn phòng Chính phủ',
        reason: 'Thành tích chưa đạt tiêu chuẩn theo Nghị định 152/2025/NĐ-CP',
      };
    case 'WITHDRAW':
      return { type, ...base(), reason: 'Đơn vị rút hồ sơ để bổ sung thành tích năm sau' };
    case 'REVOKE':
      return { type, ...base(), number: '89/QĐ-UBND', date: TODAY, reason: 'Kê khai thành tích không trung thực' };
  }
}

/** Fields the guard of each event type requires, as workflow.md lists them. */
export const REQUIRED_FIELDS: Partial<Record<NominationEventType, string[]>> = {
  REQUEST_SUPPLEMENT: ['reason', 'items', 'dueDate'],
  APPRAISAL_REJECTED: ['reason'],
  DECLINED: ['reason'],
  SIGN: ['number', 'date'],
  RECORD_EXTERNAL_DECISION: ['number', 'date', 'authority'],
  RECORD_EXTERNAL_REJECTION: ['number', 'date', 'authority', 'reason'],
  REVOKE: ['number', 'date', 'reason'],
};

/** The event with the given payload fields left out. */
export function withoutFields(event: NominationEvent, fields: readonly string[]): NominationEvent {
  const copy: Record<string, unknown> = { ...event };
  for (const field of fields) delete copy[field];
  return copy as unknown as NominationEvent;
}

/**
 * A payload the state accepts by type but a guard refuses, or null when the event has no payload rule
 * (SUBMIT, ACCEPT, RESUBMIT, APPRAISAL_PASSED, WITHDRAW).
 */
export function refusedEventFor(type: NominationEventType, scope: RuleScope, level: Level): NominationEvent | null {
  if (type === 'COUNCIL_APPROVED') {
    return { ...validEventFor(type, scope, level), counts: rejectingCounts(councilRuleAt(scope.form, level), scope.quorum) };
  }
  if (type === 'COUNCIL_REJECTED') {
    return { ...validEventFor(type, scope, level), counts: approvingCounts(councilRuleAt(scope.form, level), scope.quorum) };
  }
  const required = REQUIRED_FIELDS[type];
  return required ? withoutFields(validEventFor(type, scope, level), required) : null;
}

/** The level a nomination stands at now (its route's first level while still a draft). */
export function levelOf(snapshot: NominationSnapshot): Level {
  return snapshot.context.route[snapshot.context.levelIndex];
}

/** Steps the workflow through valid events of the given types; fails loudly if one is not accepted. */
export function advance(workflow: NominationWorkflow, input: NominationInput, types: NominationEventType[]): NominationSnapshot {
  return types.reduce((snapshot, type) => {
    const result = workflow.step(snapshot, validEventFor(type, scopeOf(workflow), levelOf(snapshot)));
    if (result.outcome !== 'accepted') {
      throw new Error(`${type} in ${workflow.statePath(snapshot)}: ${JSON.stringify(result)}`);
    }
    return result.snapshot;
  }, workflow.start(input));
}
