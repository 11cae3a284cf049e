import { currentLevel, NOMINATION_EVENT_TYPES, refusalFor, type NominationEvent, type NominationEventType } from '../../workflows';
import {
  advance,
  approvingCounts,
  formOf,
  inquorateCounts,
  REQUIRED_FIELDS,
  rejectingCounts,
  ruleSetInForce,
  scopeOf,
  SUPPLEMENT_DUE,
  validEventFor,
  withoutFields,
  workflowFor,
} from '../model/nomination-builders';

const ruleSet = ruleSetInForce();
/** Commune → province (standing body): the route where a dossier is appraised at two levels. */
const bangKhen = workflowFor(formOf(ruleSet, 'bang-khen-chu-tich-tinh'), ruleSet);
const fromCommune = { formCode: 'bang-khen-chu-tich-tinh', entryLevel: 'commune' as const };
const atCommuneAppraisal = advance(bangKhen, fromCommune, ['SUBMIT', 'ACCEPT']);
const scope = scopeOf(bangKhen);

const refusalOf = (event: NominationEvent, context = atCommuneAppraisal.context) => refusalFor(scope, context, event);
const valid = <T extends NominationEventType>(type: T) => validEventFor(type, scope, currentLevel(atCommuneAppraisal.context));

const GUARDED = Object.keys(REQUIRED_FIELDS) as NominationEventType[];
const UNGUARDED = NOMINATION_EVENT_TYPES.filter((type) => !GUARDED.includes(type) && !type.startsWith('COUNCIL_'));
const DATE_FIELDS = new Set(['date', 'dueDate']);

describe('refusalFor: the fields each event must carry', () => {
  describe.each(GUARDED)('%s', (type) => {
    const required = REQUIRED_FIELDS[type]!;

    it('lets a complete payload through', () => {
      expect(refusalOf(valid(type))).toBeNull();
    });

    it(`lists every missing field: ${required.join(', ')}`, () => {
      const refusal = refusalOf(withoutFields(valid(type), required));
      expect(refusal).not.toBeNull();
      expect(refusal!.details).toEqual({ fields: required });
      expect(refusal!.message).toMatch(/\S/);
    });

    it.each(required)('lists %s alone when only it is missing', (field) => {
      expect(refusalOf(withoutFields(valid(type), [field]))?.details).toEqual({ fields: [field] });
    });

    it.each(required)('treats a blank %s as missing', (field) => {
      const blank = field === 'items' ? ['  '] : '   ';
      expect(refusalOf({ ...valid(type), [field]: blank } as NominationEvent)?.details).toEqual({ fields: [field] });
    });

    const dates = required.filter((field) => DATE_FIELDS.has(field));
    if (dates.length) {
      it.each(dates.flatMap((field) => ['01/03/2026', '2026-13-01', '2026-02-30', '2026-3-1'].map((value) => [field, value])))(
        'refuses %s "%s", which is not a calendar date',
        (field, value) => {
          expect(refusalOf({ ...valid(type), [field]: value } as NominationEvent)?.details).toEqual({ fields: [field] });
        },
      );
    }
  });

  it('refuses a supplement request without any item, or with an empty list', () => {
    expect(refusalOf({ ...valid('REQUEST_SUPPLEMENT'), items: [] })?.details).toEqual({ fields: ['items'] });
    expect(refusalOf({ ...valid('REQUEST_SUPPLEMENT'), items: ['achievement-report', ''] })?.details).toEqual({ fields: ['items'] });
  });

  it('asks a reason of an external rejection but not of an external decision', () => {
    expect(refusalOf(withoutFields(valid('RECORD_EXTERNAL_DECISION'), ['reason']))).toBeNull();
    expect(refusalOf(withoutFields(valid('RECORD_EXTERNAL_REJECTION'), ['reason']))?.details).toEqual({ fields: ['reason'] });
  });

  it.each(UNGUARDED)('has no payload rule for %s', (type) => {
    expect(refusalOf({ type, actor: valid(type).actor, at: valid(type).at } as NominationEvent)).toBeNull();
  });
});

describe('refusalFor: council results', () => {
  /** Chiến sĩ thi đua cấp tỉnh: a majority at the commune, a ballot of 90% of all members at the province. */
  const csTinh = workflowFor(formOf(ruleSet, 'chien-si-thi-dua-tinh'), ruleSet);
  const atProvinceCouncil = advance(csTinh, { formCode: 'chien-si-thi-dua-tinh', entryLevel: 'commune' }, [
    'SUBMIT',
    'ACCEPT',
    'APPRAISAL_PASSED',
    'COUNCIL_APPROVED',
    'SIGN',
    'ACCEPT',
    'APPRAISAL_PASSED',
  ]);
  const provinceScope = scopeOf(csTinh);
  const event = (type: 'COUNCIL_APPROVED' | 'COUNCIL_REJECTED', counts = validEventFor(type, provinceScope, 'province').counts) => ({
    ...validEventFor(type, provinceScope, 'province'),
    counts,
  });

  it('stands at the province council', () => {
    expect(csTinh.statePath(atProvinceCouncil)).toBe('province.councilReview');
  });

  it('judges by the rule of the level the nomination stands at', () => {
    const eightyPercent = approvingCounts({ kind: 'share-of-all', minPercent: 80 }, ruleSet.quorum);
    const ninetyPercent = approvingCounts({ kind: 'share-of-all', minPercent: 90 }, ruleSet.quorum);
    expect(refusalFor(provinceScope, atProvinceCouncil.context, event('COUNCIL_APPROVED', eightyPercent))).toMatchObject({
      rule: 'council-threshold',
    });
    expect(refusalFor(provinceScope, atProvinceCouncil.context, event('COUNCIL_REJECTED', eightyPercent))).toBeNull();
    expect(refusalFor(provinceScope, atProvinceCouncil.context, event('COUNCIL_APPROVED', ninetyPercent))).toBeNull();
  });

  it('accepts a result only when it matches the counts', () => {
    const rule = { kind: 'share-of-all', minPercent: 90 } as const;
    expect(refusalFor(provinceScope, atProvinceCouncil.context, event('COUNCIL_APPROVED', approvingCounts(rule, ruleSet.quorum)))).toBeNull();
    expect(refusalFor(provinceScope, atProvinceCouncil.context, event('COUNCIL_REJECTED', rejectingCounts(rule, ruleSet.quorum)))).toBeNull();
    expect(refusalFor(provinceScope, atProvinceCouncil.context, event('COUNCIL_REJECTED', approvingCounts(rule, ruleSet.quorum)))).toMatchObject({
      rule: 'council-threshold',
    });
  });

  it.each(['COUNCIL_APPROVED', 'COUNCIL_REJECTED'] as const)('refuses %s from a session without quorum', (type) => {
    expect(refusalFor(provinceScope, atProvinceCouncil.context, event(type, inquorateCounts(ruleSet.quorum)))).toMatchObject({
      rule: 'council-quorum',
    });
  });

  it.each(['COUNCIL_APPROVED', 'COUNCIL_REJECTED'] as const)('refuses %s without counts, or with inconsistent ones', (type) => {
    expect(refusalFor(provinceScope, atProvinceCouncil.context, withoutFields(event(type), ['counts']))).toMatchObject({
      rule: 'council-counts-consistent',
    });
    expect(
      refusalFor(provinceScope, atProvinceCouncil.context, event(type, { members: 25, present: 26, yes: 25, no: 0, abstain: 0 })),
    ).toMatchObject({ rule: 'council-counts-consistent' });
  });
});

describe('refusalFor: supplement requests', () => {
  const request = (changes: Partial<NominationEvent> = {}) => ({ ...valid('REQUEST_SUPPLEMENT'), ...changes }) as NominationEvent;

  it('refuses a due date before the day of the request', () => {
    expect(refusalOf(request({ at: '2026-03-02T02:00:00.000Z', dueDate: '2026-03-01' } as never))).toMatchObject({
      rule: 'supplement-deadline-future',
      details: { dueDate: '2026-03-01' },
    });
  });

  it('accepts a due date on the day of the request', () => {
    expect(refusalOf(request({ at: '2026-03-02T02:00:00.000Z', dueDate: '2026-03-02' } as never))).toBeNull();
  });

  it('takes the day of the request in Vietnam’s time: 06:00 on 2 March is still 1 March in UTC', () => {
    const at = '2026-03-01T23:00:00.000Z';
    expect(refusalOf(request({ at, dueDate: '2026-03-01' } as never))).toMatchObject({ rule: 'supplement-deadline-future' });
    expect(refusalOf(request({ at, dueDate: '2026-03-02' } as never))).toBeNull();
  });

  it('allows one request per level, listing everything missing at once', () => {
    const answered = [valid('REQUEST_SUPPLEMENT'), valid('RESUBMIT')].reduce((snapshot, event) => {
      const result = bangKhen.step(snapshot, event);
      if (result.outcome !== 'accepted') throw new Error(JSON.stringify(result));
      return result.snapshot;
    }, atCommuneAppraisal);
    expect(bangKhen.statePath(answered)).toBe('commune.appraisal');

    const again = bangKhen.step(answered, { ...valid('REQUEST_SUPPLEMENT'), dueDate: SUPPLEMENT_DUE });
    expect(again).toMatchObject({ outcome: 'refused', refusal: { rule: 'supplement-once-per-level', details: { level: 'commune' } } });
  });

  it('allows a new request at the next level', () => {
    const atProvince = advance(bangKhen, fromCommune, [
      'SUBMIT',
      'ACCEPT',
      'REQUEST_SUPPLEMENT',
      'RESUBMIT',
      'APPRAISAL_PASSED',
      'COUNCIL_APPROVED',
      'SIGN',
      'ACCEPT',
    ]);
    expect(bangKhen.statePath(atProvince)).toBe('province.appraisal');
    expect(atProvince.context.supplementRounds.map((round) => round.level)).toEqual(['commune']);
    expect(refusalFor(scope, atProvince.context, validEventFor('REQUEST_SUPPLEMENT', scope, 'province'))).toBeNull();
    const second = bangKhen.step(atProvince, validEventFor('REQUEST_SUPPLEMENT', scope, 'province'));
    expect(second.outcome).toBe('accepted');
  });

  it('checks the fields before the once-per-level rule, so the answer names what is missing', () => {
    const answered = advance(bangKhen, fromCommune, ['SUBMIT', 'ACCEPT', 'REQUEST_SUPPLEMENT', 'RESUBMIT']);
    expect(refusalFor(scope, answered.context, withoutFields(valid('REQUEST_SUPPLEMENT'), ['reason']))).toMatchObject({
      rule: 'supplement-request-complete',
      details: { fields: ['reason'] },
    });
  });
});
