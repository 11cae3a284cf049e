import { evaluateCouncilVote, quorumRefusal, type CouncilRule, type QuorumRule } from '../../workflows';
import {
  blockElectionRule,
  electLeadingCollective,
  eligibleVoters,
  isSameName,
  itemCounts,
  mayCastBallot,
  placeAndDateLine,
  placeFromOrganizationName,
  recusalReason,
  sharePercentText,
  type Attendance,
  type SessionMemberState,
} from '../../workflows/council';

const BALLOT_80: CouncilRule = { kind: 'share-of-all', minPercent: 80 };
const MAJORITY: CouncilRule = { kind: 'majority-of-present' };
const QUORUM_80: QuorumRule = { minPresentPercent: 80 };

/** A council of `attendances.length` members, `m1`, `m2`, … with the given attendance. */
function council(...attendances: Attendance[]): SessionMemberState[] {
  return attendances.map((attendance, i) => ({ userId: `m${i + 1}`, attendance }));
}

const COMMUNE = 'ubnd-xa-binh-lu';
const TRUONG = 'truong-tieu-hoc-binh-lu';

describe('quorumRefusal (integer arithmetic)', () => {
  it('accepts exactly 80% and refuses one member fewer', () => {
    expect(quorumRefusal(QUORUM_80, 8, 10)).toBeNull();
    expect(quorumRefusal(QUORUM_80, 7, 10)).toMatchObject({ rule: 'council-quorum', details: { present: 7, members: 10, minPresentPercent: 80 } });
  });
  it('needs 8 of 9 for 80% (7 of 9 is 77.8%)', () => {
    expect(quorumRefusal(QUORUM_80, 8, 9)).toBeNull();
    expect(quorumRefusal(QUORUM_80, 7, 9)).not.toBeNull();
  });
  it('is what evaluateCouncilVote answers as no-quorum', () => {
    expect(evaluateCouncilVote(MAJORITY, QUORUM_80, { members: 10, present: 7, yes: 7, no: 0, abstain: 0 })).toEqual({
      kind: 'no-quorum',
      refusal: quorumRefusal(QUORUM_80, 7, 10),
    });
  });
});

describe('recused members in evaluateCouncilVote', () => {
  it('are not counted as present for a majority of those present: 4 yes of 7 voting passes though 4 of 8 present would not', () => {
    expect(evaluateCouncilVote(MAJORITY, QUORUM_80, { members: 10, present: 8, yes: 4, no: 3, abstain: 0, recused: 1 }).kind).toBe('approved');
    expect(evaluateCouncilVote(MAJORITY, QUORUM_80, { members: 10, present: 8, yes: 4, no: 3, abstain: 0 }).kind).toBe('rejected');
  });
  it('leave the quorum to the attendance of the session', () => {
    expect(evaluateCouncilVote(MAJORITY, QUORUM_80, { members: 10, present: 8, yes: 5, no: 0, abstain: 0, recused: 3 }).kind).toBe('approved');
  });
  it('still count among all members for a ballot share', () => {
    expect(evaluateCouncilVote(BALLOT_80, QUORUM_80, { members: 10, present: 10, yes: 7, no: 0, abstain: 2, recused: 1 }).kind).toBe('rejected');
    expect(evaluateCouncilVote(BALLOT_80, QUORUM_80, { members: 10, present: 10, yes: 8, no: 0, abstain: 1, recused: 1 }).kind).toBe('approved');
  });
  it('cannot cast more ballots than the present members who may vote, nor outnumber those present', () => {
    expect(evaluateCouncilVote(MAJORITY, QUORUM_80, { members: 10, present: 8, yes: 5, no: 3, abstain: 0, recused: 1 })).toMatchObject({
      kind: 'invalid',
      refusal: { rule: 'council-counts-consistent' },
    });
    expect(evaluateCouncilVote(MAJORITY, QUORUM_80, { members: 10, present: 8, yes: 0, no: 0, abstain: 0, recused: 9 }).kind).toBe('invalid');
    expect(evaluateCouncilVote(MAJORITY, QUORUM_80, { members: 10, present: 8, yes: 0, no: 0, abstain: 0, recused: -1 }).kind).toBe('invalid');
  });
});

describe('recusalReason', () => {
  const member = (fullName: string, organizationId: string | null = COMMUNE) => ({ fullName, organizationId });
  const individual = (nomineeName: string, proposingOrganizationId = TRUONG) => ({ nomineeKind: 'individual', nomineeName, proposingOrganizationId });

  it('recuses the member who is the nominee, by name as people write it (case, spacing, NFC)', () => {
    expect(recusalReason({ member: member('Lò Văn Minh'), item: individual('  lò  văn MINH '), sessionOrganizationId: COMMUNE })).toBe('nominee');
    expect(recusalReason({ member: member('Lò Văn Minh'), item: individual('Lò Văn Minh'.normalize('NFD')), sessionOrganizationId: COMMUNE })).toBe('nominee');
  });
  it('keeps diacritics apart: Hải is not Hài', () => {
    expect(isSameName('Nguyễn Văn Hải', 'Nguyễn Văn Hài')).toBe(false);
    expect(recusalReason({ member: member('Nguyễn Văn Hải'), item: individual('Nguyễn Văn Hài'), sessionOrganizationId: COMMUNE })).toBeNull();
  });
  it('prefers the registry link when both sides have one', () => {
    const linked = { member: { ...member('Lò Văn Minh'), nomineeRegistryId: 'a' }, sessionOrganizationId: COMMUNE };
    expect(recusalReason({ ...linked, item: { ...individual('Lò Văn Minh'), nomineeRegistryId: 'b' } })).toBeNull();
    expect(recusalReason({ ...linked, item: { ...individual('Lò Văn Minh (Trường)'), nomineeRegistryId: 'a' } })).toBe('nominee');
  });
  it('recuses a member of the proposing unit', () => {
    expect(recusalReason({ member: member('Hoàng Thị Mai', TRUONG), item: individual('Lò Thị Hương'), sessionOrganizationId: COMMUNE })).toBe('proposing-unit');
  });
  it('recuses nobody by unit when the commune proposes in its own name: every council member belongs to it', () => {
    expect(recusalReason({ member: member('Lò Thị Phương'), item: individual('Vàng Thị Dung', COMMUNE), sessionOrganizationId: COMMUNE })).toBeNull();
  });
  it('never matches a collective’s name to a person, but recuses its own representative', () => {
    const collective = { nomineeKind: 'collective', nomineeName: 'Lò Văn Minh', proposingOrganizationId: TRUONG };
    expect(recusalReason({ member: member('Lò Văn Minh'), item: collective, sessionOrganizationId: COMMUNE })).toBeNull();
    expect(recusalReason({ member: member('Hoàng Thị Mai', TRUONG), item: collective, sessionOrganizationId: COMMUNE })).toBe('proposing-unit');
  });
});

describe('ballots and counts of one item', () => {
  it('lets those present vote always, the absent with a written vote only on a ballot share, the absent never', () => {
    expect(mayCastBallot('present', MAJORITY)).toBe(true);
    expect(mayCastBallot('absent-written', BALLOT_80)).toBe(true);
    expect(mayCastBallot('absent-written', MAJORITY)).toBe(false);
    expect(mayCastBallot('absent', BALLOT_80)).toBe(false);
  });
  it('counts all members, those present, the tally and the present recused', () => {
    const members = council('present', 'present', 'present', 'absent-written', 'absent');
    expect(itemCounts(members, new Set(['m2', 'm4']), { yes: 2, no: 0, abstain: 0 })).toEqual({ members: 5, present: 3, yes: 2, no: 0, abstain: 0, recused: 1 });
    expect(eligibleVoters(members, new Set(['m2']), BALLOT_80)).toBe(3);
    expect(eligibleVoters(members, new Set(['m2']), MAJORITY)).toBe(2);
  });
  it('gives, with evaluateCouncilVote, the issue’s boundaries: 9 members, 7 yes fails 80% and 8 passes', () => {
    const nine = council(...Array<Attendance>(9).fill('present'));
    const outcome = (yes: number) => evaluateCouncilVote(BALLOT_80, QUORUM_80, itemCounts(nine, new Set(), { yes, no: 9 - yes, abstain: 0 })).kind;
    expect(outcome(7)).toBe('rejected');
    expect(outcome(8)).toBe('approved');
  });
  it('gives 10 members with 3 absent and 7 yes: fails a ballot share, passes a majority of those present (quorum 70%)', () => {
    const ten = council(...Array<Attendance>(7).fill('present'), 'absent', 'absent', 'absent');
    const counts = itemCounts(ten, new Set(), { yes: 7, no: 0, abstain: 0 });
    expect(evaluateCouncilVote(BALLOT_80, { minPresentPercent: 70 }, counts).kind).toBe('rejected');
    expect(evaluateCouncilVote(MAJORITY, { minPresentPercent: 70 }, counts).kind).toBe('approved');
  });
});

describe('electLeadingCollective', () => {
  const rule = blockElectionRule(50);
  const counts = (yes: number, members = 5) => ({ members, present: members, yes, no: members - 1 - yes, abstain: 0, recused: 1 });
  it('elects the qualified candidate with the most yes votes', () => {
    expect(electLeadingCollective(rule, QUORUM_80, [{ candidateId: 'htx', counts: counts(1) }, { candidateId: 'truong', counts: counts(3) }])).toMatchObject({
      kind: 'elected',
      candidateId: 'truong',
      qualified: ['truong'],
    });
  });
  it('elects nobody below the share, nor on a tie at the top', () => {
    expect(electLeadingCollective(rule, QUORUM_80, [{ candidateId: 'htx', counts: counts(2) }]).kind).toBe('none-qualified');
    expect(electLeadingCollective(rule, QUORUM_80, [{ candidateId: 'a', counts: counts(3, 6) }, { candidateId: 'b', counts: counts(3, 6) }])).toMatchObject({
      kind: 'tie',
      tied: ['a', 'b'],
    });
  });
  it('elects nobody without a quorum', () => {
    expect(electLeadingCollective(rule, QUORUM_80, [{ candidateId: 'a', counts: { members: 5, present: 3, yes: 3, no: 0, abstain: 0 } }]).kind).toBe('none-qualified');
  });
});

describe('the minutes’ text (Nghị định 30/2020/NĐ-CP)', () => {
  it('takes the place name from the organization', () => {
    expect(placeFromOrganizationName('UBND xã Bình Lư')).toBe('Bình Lư');
    expect(placeFromOrganizationName('Văn phòng UBND tỉnh Lai Châu')).toBe('Lai Châu');
    expect(placeFromOrganizationName('Bộ Nội vụ')).toBe('Bộ Nội vụ');
  });
  it('writes the date line with a leading zero for days below 10 and for January and February only', () => {
    expect(placeAndDateLine('Bình Lư', '2026-11-24')).toBe('Bình Lư, ngày 24 tháng 11 năm 2026');
    expect(placeAndDateLine('Bình Lư', '2027-01-05')).toBe('Bình Lư, ngày 05 tháng 01 năm 2027');
    expect(placeAndDateLine('Lai Châu', '2026-03-09')).toBe('Lai Châu, ngày 09 tháng 3 năm 2026');
  });
  it('writes the share of all members with a decimal comma, rounded half up to two places', () => {
    expect(sharePercentText(8, 9)).toBe('88,89%');
    expect(sharePercentText(7, 9)).toBe('77,78%');
    expect(sharePercentText(7, 10)).toBe('70%');
    expect(sharePercentText(1, 3)).toBe('33,33%');
    expect(sharePercentText(2, 3)).toBe('66,67%');
    expect(sharePercentText(1, 8)).toBe('12,50%');
    expect(sharePercentText(0, 9)).toBe('0%');
    expect(sharePercentText(9, 9)).toBe('100%');
  });
});
