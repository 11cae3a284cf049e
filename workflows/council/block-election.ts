import type { CouncilRule, QuorumRule } from '../catalog/types';
import { evaluateCouncilVote } from '../nomination/council-vote';
import type { CouncilCounts } from '../nomination/nomination-events';

/** The rule a block election applies to each candidate: a share of all the block's voting members. */
export function blockElectionRule(minPercent: number): CouncilRule {
  return { kind: 'share-of-all', minPercent };
}

export interface CandidateCounts {
  candidateId: string;
  counts: CouncilCounts;
}

export type BlockElectionOutcome =
  | { kind: 'elected'; candidateId: string; counts: CouncilCounts; qualified: string[] }
  | { kind: 'none-qualified'; qualified: [] }
  | { kind: 'tie'; qualified: string[]; tied: string[] };

/**
 * Suy tôn: each candidate collective is judged by the block's rule with `evaluateCouncilVote` (the same integer
 * arithmetic as a council); of those that reach it, the one with the most yes votes leads the block. A tie at the
 * top elects nobody: the block votes again.
 */
export function electLeadingCollective(rule: CouncilRule, quorum: QuorumRule, candidates: readonly CandidateCounts[]): BlockElectionOutcome {
  const qualified = candidates.filter((candidate) => evaluateCouncilVote(rule, quorum, candidate.counts).kind === 'approved');
  if (!qualified.length) return { kind: 'none-qualified', qualified: [] };
  const top = Math.max(...qualified.map((candidate) => candidate.counts.yes));
  const leaders = qualified.filter((candidate) => candidate.counts.yes === top);
  const ids = qualified.map((candidate) => candidate.candidateId);
  if (leaders.length > 1) return { kind: 'tie', qualified: ids, tied: leaders.map((candidate) => candidate.candidateId) };
  return { kind: 'elected', candidateId: leaders[0].candidateId, counts: leaders[0].counts, qualified: ids };
}
