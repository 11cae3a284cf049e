import { describeCouncilRule, evaluateCouncilVote, type CouncilCounts, type CouncilRule, type QuorumRule } from '../../workflows';
import { approvingCounts, inquorateCounts, rejectingCounts, ruleSetInForce } from '../model/nomination-builders';

const ballot = (minPercent: number): CouncilRule => ({ kind: 'share-of-all', minPercent });
const MAJORITY: CouncilRule = { kind: 'majority-of-present' };
const STANDING: CouncilRule = { kind: 'standing-body' };
/** The catalog's quorum: 80% of members attend when awards are reviewed. */
const CATALOG_QUORUM: QuorumRule = ruleSetInForce().quorum;
/** Two thirds of the members (rounded down to a whole percent): a session of 7 out of 10 is quorate. */
const TWO_THIRDS: QuorumRule = { minPresentPercent: 66 };

/** A session where every yes and no is cast; whoever is absent voted in writing where the rule allows it. */
function session(members: number, present: number, yes: number, no = 0, abstain = 0): CouncilCounts {
  return { members, present, yes, no, abstain };
}

const outcomeOf = (rule: CouncilRule, quorum: QuorumRule, counts: CouncilCounts) => evaluateCouncilVote(rule, quorum, counts).kind;

describe('evaluateCouncilVote', () => {
  it('uses the catalog’s quorum of 80% attendance', () => {
    expect(CATALOG_QUORUM).toEqual({ minPresentPercent: 80 });
  });

  describe('a ballot of 80% of all members, 9 members all present', () => {
    it('rejects 7 yes (77.8%)', () => {
      expect(outcomeOf(ballot(80), CATALOG_QUORUM, session(9, 9, 7, 2))).toBe('rejected');
    });
    it('approves 8 yes (88.9%)', () => {
      expect(outcomeOf(ballot(80), CATALOG_QUORUM, session(9, 9, 8, 1))).toBe('approved');
    });
  });

  describe('10 members, 3 absent, the 7 present all voting yes', () => {
    const counts = session(10, 7, 7);
    it('is rejected by a ballot of 80% of all members: 7 of 10 is 70%', () => {
      expect(outcomeOf(ballot(80), TWO_THIRDS, counts)).toBe('rejected');
    });
    it('is approved by a majority of those present', () => {
      expect(outcomeOf(MAJORITY, TWO_THIRDS, counts)).toBe('approved');
    });
    it.each([
      ['a ballot', ballot(80)],
      ['a majority vote', MAJORITY],
    ])('has no quorum under the catalog’s 80% rule for %s', (_name, rule) => {
      const outcome = evaluateCouncilVote(rule, CATALOG_QUORUM, counts);
      expect(outcome).toMatchObject({
        kind: 'no-quorum',
        refusal: { rule: 'council-quorum', details: { present: 7, members: 10, minPresentPercent: 80 } },
      });
    });
    it('counts the written votes of the absent members toward a ballot', () => {
      expect(outcomeOf(ballot(80), TWO_THIRDS, session(10, 7, 8, 2))).toBe('approved');
    });
  });

  describe('a ballot of 90% of all members, 10 members', () => {
    it('approves 9 yes', () => {
      expect(outcomeOf(ballot(90), CATALOG_QUORUM, session(10, 10, 9, 1))).toBe('approved');
    });
    it('rejects 8 yes', () => {
      expect(outcomeOf(ballot(90), CATALOG_QUORUM, session(10, 10, 8, 2))).toBe('rejected');
    });
  });

  describe('a majority of members present', () => {
    it('rejects a tie: 4 yes of 8 present', () => {
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(10, 8, 4, 4))).toBe('rejected');
    });
    it('approves 5 yes of 8 present', () => {
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(10, 8, 5, 3))).toBe('approved');
    });
    it('counts abstentions as not yes', () => {
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(8, 8, 4, 0, 4))).toBe('rejected');
    });
    it('refuses more ballots than members present', () => {
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(10, 8, 5, 4))).toBe('invalid');
    });
  });

  describe('attendance at the quorum boundary', () => {
    it('is quorate at exactly 80% and not one member below', () => {
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(10, 8, 8))).toBe('approved');
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(10, 7, 7))).toBe('no-quorum');
    });
    it('rounds no share: 12 of 15 is exactly 80%, 11 of 15 is not', () => {
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(15, 12, 12))).toBe('approved');
      expect(outcomeOf(MAJORITY, CATALOG_QUORUM, session(15, 11, 11))).toBe('no-quorum');
    });
  });

  describe('invalid counts', () => {
    const invalid: Array<[string, CouncilCounts]> = [
      ['more members present than the council has', session(9, 10, 9)],
      ['more ballots than members', session(9, 9, 8, 1, 1)],
      ['a negative count', session(9, 9, 9, -1)],
      ['a negative membership', session(-9, 0, 0)],
      ['a fractional count', session(9, 9, 7.5, 1.5)],
      ['a council without members', session(0, 0, 0)],
      ['a count that is not a number', { ...session(9, 9, 8), yes: '8' as unknown as number }],
      ['a missing count', { members: 9, present: 9, yes: 8 } as CouncilCounts],
    ];
    it.each(invalid)('refuses %s', (_name, counts) => {
      for (const rule of [ballot(80), MAJORITY]) {
        const outcome = evaluateCouncilVote(rule, CATALOG_QUORUM, counts);
        expect(outcome).toMatchObject({ kind: 'invalid', refusal: { rule: 'council-counts-consistent' } });
      }
    });

    it('names the offending field', () => {
      expect(evaluateCouncilVote(MAJORITY, CATALOG_QUORUM, session(9, 9, 9, -1))).toMatchObject({ refusal: { details: { field: 'no' } } });
    });

    it('refuses any vote at a standing body, which does not vote', () => {
      expect(evaluateCouncilVote(STANDING, CATALOG_QUORUM, session(9, 9, 9))).toMatchObject({
        kind: 'invalid',
        refusal: { details: { rule: 'standing-body' } },
      });
    });
  });

  describe('the test builders sit exactly on the boundary of every rule in the catalog', () => {
    const rules = ruleSetInForce().forms.flatMap((form) => Object.values(form.levels).map((level) => level!.council));
    const distinct = [...new Map(rules.filter((rule) => rule.kind !== 'standing-body').map((rule) => [JSON.stringify(rule), rule])).values()];

    it.each(distinct.map((rule) => [describeCouncilRule(rule), rule] as const))('%s', (_label, rule) => {
      expect(outcomeOf(rule, CATALOG_QUORUM, approvingCounts(rule, CATALOG_QUORUM))).toBe('approved');
      expect(outcomeOf(rule, CATALOG_QUORUM, rejectingCounts(rule, CATALOG_QUORUM))).toBe('rejected');
      expect(outcomeOf(rule, CATALOG_QUORUM, inquorateCounts(CATALOG_QUORUM))).toBe('no-quorum');
    });
  });
});

describe('describeCouncilRule', () => {
  it('says each rule in Vietnamese, with the threshold of a ballot', () => {
    expect(describeCouncilRule(ballot(90))).toContain('90%');
    expect(describeCouncilRule(MAJORITY)).toContain('quá nửa');
    expect(describeCouncilRule(STANDING)).toContain('không bỏ phiếu');
  });
});
