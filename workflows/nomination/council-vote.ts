import type { CouncilRule, QuorumRule } from '../catalog/types';
import type { CouncilCounts } from './nomination-events';
import type { Refusal } from './refusal';

export type CouncilOutcome =
  | { kind: 'invalid'; refusal: Refusal }
  | { kind: 'no-quorum'; refusal: Refusal }
  | { kind: 'approved' }
  | { kind: 'rejected' };

function invalid(message: string, details: Record<string, unknown>): CouncilOutcome {
  return { kind: 'invalid', refusal: { rule: 'council-counts-consistent', message, details } };
}

/**
 * The quorum (integer arithmetic): at least `minPresentPercent` of all members attend. Checked on the session's
 * attendance when it opens and when it closes, and for every result the machine receives.
 */
export function quorumRefusal(quorum: QuorumRule, present: number, members: number): Refusal | null {
  if (present * 100 >= quorum.minPresentPercent * members) return null;
  return {
    rule: 'council-quorum',
    message: `Phiên họp không đủ số thành viên tham dự: có mặt ${present}/${members}, cần ít nhất ${quorum.minPresentPercent}% tổng số thành viên`,
    details: { present, members, minPresentPercent: quorum.minPresentPercent },
  };
}

/**
 * Decides a council's result from its counts with exact integer arithmetic (no floating shares at the boundary).
 * Absent members may vote in writing, so ballots are bounded by the members, not by those present. Present members
 * recused from the item are not counted as present where the rule counts those present; the quorum is the
 * session's attendance, which a recusal does not change.
 */
export function evaluateCouncilVote(rule: CouncilRule, quorum: QuorumRule, counts: CouncilCounts): CouncilOutcome {
  const { members, present, yes, no, abstain } = counts;
  const recused = counts.recused ?? 0;
  const values = { members, present, yes, no, abstain, recused };
  for (const [field, value] of Object.entries(values)) {
    if (!Number.isInteger(value) || value < 0) return invalid(`Số "${field}" phải là số nguyên không âm`, { field });
  }
  if (members < 1) return invalid('Hội đồng phải có ít nhất một thành viên', { field: 'members' });
  if (present > members) return invalid('Số thành viên có mặt không được vượt quá tổng số thành viên', { present, members });
  if (recused > present) return invalid('Số thành viên không tham gia biểu quyết không được vượt quá số thành viên có mặt', { recused, present });
  if (yes + no + abstain > members) {
    return invalid('Tổng số phiếu đồng ý, không đồng ý và phiếu trắng vượt quá tổng số thành viên', values);
  }
  if (rule.kind === 'standing-body') {
    return invalid('Hình thức này do cơ quan thường trực thẩm định, không có biểu quyết của Hội đồng', { rule: rule.kind });
  }
  const voting = present - recused;
  if (rule.kind === 'majority-of-present' && yes + no + abstain > voting) {
    return invalid('Theo quy tắc đa số thành viên có mặt, số phiếu không được vượt quá số thành viên có mặt tham gia biểu quyết', values);
  }
  const noQuorum = quorumRefusal(quorum, present, members);
  if (noQuorum) return { kind: 'no-quorum', refusal: noQuorum };
  const passes =
    rule.kind === 'share-of-all' ? yes * 100 >= rule.minPercent * members : yes * 2 > voting;
  return passes ? { kind: 'approved' } : { kind: 'rejected' };
}

export function describeCouncilRule(rule: CouncilRule): string {
  switch (rule.kind) {
    case 'share-of-all':
      return `bỏ phiếu kín, số phiếu đồng ý đạt từ ${rule.minPercent}% tổng số thành viên Hội đồng`;
    case 'majority-of-present':
      return 'quá nửa số thành viên Hội đồng có mặt đồng ý';
    case 'standing-body':
      return 'cơ quan thường trực thẩm định, trình người ký, không bỏ phiếu';
  }
}
