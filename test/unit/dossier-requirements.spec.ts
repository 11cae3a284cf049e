import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CatalogError,
  loadRuleSets,
  requiredDocumentSlots,
  slotKey,
  slotsCheckedBy,
  type AwardForm,
  type DossierSlot,
  type Level,
  type RuleSetFile,
} from '../../workflows';

/**
 * Which documents a nomination needs and which step checks each, from the rule set's `requiredDocuments`
 * (`checkedAt`: entry | appraisal | council), on the real catalog of data/rule-sets.
 */
const registry = loadRuleSets();
const laiChau = registry.inForce('lai-chau', '2026-03-01');
const form = (code: string) => laiChau.forms.find((candidate) => candidate.code === code)!;
const routeOf = (f: AwardForm, entry: Level = 'commune'): Level[] => [entry, ...f.upperLevels];
const brief = (slots: DossierSlot[]) =>
  slots.map((slot) => ({
    slot: slotKey(slot),
    checkedAt: slot.checkedAt,
    by: slot.providedBy.at === 'owner' ? 'owner' : slot.providedBy.level,
    checks: slot.checks.map((check) => `${check.event} from ${check.state}`),
  }));

describe('the documents a nomination needs, and the steps that check them', () => {
  it('a Giấy khen of the commune chair: the unit’s Tờ trình and report at SUBMIT, the council’s minutes at SIGN', () => {
    const f = form('giay-khen-chu-tich-xa');
    expect(brief(requiredDocumentSlots(f, { route: routeOf(f), nomineeKind: 'household', externalLevels: ['central'] }))).toEqual([
      {
        slot: 'submission@commune',
        checkedAt: 'entry',
        by: 'owner',
        checks: ['SUBMIT from draft', 'RESUBMIT from commune.supplementRequested', 'APPRAISAL_PASSED from commune.appraisal'],
      },
      {
        slot: 'achievement-report@commune',
        checkedAt: 'entry',
        by: 'owner',
        checks: ['SUBMIT from draft', 'RESUBMIT from commune.supplementRequested', 'APPRAISAL_PASSED from commune.appraisal'],
      },
      { slot: 'council-minutes@commune', checkedAt: 'council', by: 'commune', checks: ['SIGN from commune.awaitingSignature'] },
    ]);
  });

  it('a Bằng khen of the Prime Minister for an enterprise: each level’s Tờ trình to the next, the province’s minutes and confirmations', () => {
    const f = form('bang-khen-thu-tuong');
    const slots = requiredDocumentSlots(f, { route: routeOf(f), nomineeKind: 'collective', nomineeCategory: 'enterprise', externalLevels: ['central'] });
    expect(brief(slots)).toEqual([
      expect.objectContaining({ slot: 'submission@commune', by: 'owner' }),
      expect.objectContaining({ slot: 'achievement-report@commune', by: 'owner' }),
      expect.objectContaining({ slot: 'council-minutes@commune', by: 'commune' }),
      {
        slot: 'submission@province',
        checkedAt: 'entry',
        by: 'commune',
        checks: ['SIGN from commune.awaitingSignature', 'RESUBMIT from province.supplementRequested', 'APPRAISAL_PASSED from province.appraisal'],
      },
      { slot: 'council-minutes@province', checkedAt: 'council', by: 'province', checks: ['SIGN from province.awaitingSignature'] },
      { slot: 'confirmation:tax@province', checkedAt: 'appraisal', by: 'province', checks: ['APPRAISAL_PASSED from province.appraisal'] },
      { slot: 'confirmation:social-insurance@province', checkedAt: 'appraisal', by: 'province', checks: ['APPRAISAL_PASSED from province.appraisal'] },
      { slot: 'confirmation:environment@province', checkedAt: 'appraisal', by: 'province', checks: ['APPRAISAL_PASSED from province.appraisal'] },
      // The central level is outside the deployment: its Tờ trình is checked by the signature that sends it out.
      { slot: 'submission@central', checkedAt: 'entry', by: 'province', checks: ['SIGN from province.awaitingSignature'] },
    ]);
    expect(slotsCheckedBy(slots, 'SIGN', 'commune.awaitingSignature').map(slotKey)).toEqual(['council-minutes@commune', 'submission@province']);
    expect(slotsCheckedBy(slots, 'APPRAISAL_PASSED', 'province.appraisal').map(slotKey)).toEqual([
      'submission@province',
      'confirmation:tax@province',
      'confirmation:social-insurance@province',
      'confirmation:environment@province',
    ]);
    expect(slotsCheckedBy(slots, 'SIGN', 'province.awaitingSignature').map(slotKey)).toEqual(['council-minutes@province', 'submission@central']);
    for (const [event, state] of [
      ['ACCEPT', 'commune.received'],
      ['COUNCIL_APPROVED', 'commune.councilReview'],
      ['DECLINED', 'commune.awaitingSignature'],
      ['WITHDRAW', 'draft'],
    ] as const) {
      expect(slotsCheckedBy(slots, event, state)).toEqual([]);
    }
  });

  it('asks confirmations only of the nominees the rule set names (enterprises, not their directors here)', () => {
    const f = form('bang-khen-thu-tuong');
    const codes = (nomineeKind: 'individual' | 'collective', nomineeCategory?: string) =>
      requiredDocumentSlots(f, { route: routeOf(f), nomineeKind, nomineeCategory, externalLevels: ['central'] }).map((slot) => slot.code);
    expect(codes('collective', 'cooperative')).not.toContain('confirmation:tax');
    expect(codes('individual', 'entrepreneur')).not.toContain('confirmation:tax');
    expect(codes('collective', 'enterprise')).toContain('confirmation:tax');
  });

  it('follows the route the nomination takes: an agency’s, and a central level run inside the deployment', () => {
    const f = form('chien-si-thi-dua-tinh');
    const fromAgency = requiredDocumentSlots(f, { route: routeOf(f, 'agency'), nomineeKind: 'individual', externalLevels: ['central'] });
    expect(fromAgency.map(slotKey)).toEqual([
      'submission@agency',
      'achievement-report@agency',
      'council-minutes@agency',
      'initiative-proof@agency',
      'submission@province',
      'council-minutes@province',
    ]);
    const pm = form('bang-khen-thu-tuong');
    const inside = requiredDocumentSlots(pm, { route: routeOf(pm), nomineeKind: 'individual', externalLevels: [] });
    expect(inside.find((slot) => slotKey(slot) === 'submission@central')!.checks.map((check) => check.event)).toEqual(['SIGN', 'RESUBMIT', 'APPRAISAL_PASSED']);
  });

  describe.each(laiChau.forms.map((f) => [f.code, f] as const))('%s in the Lai Châu rule set', (_code, f) => {
    it('asks a Tờ trình of every level the dossier enters, and the minutes of every internal level that votes, at its signature', () => {
      for (const entry of f.entryLevels) {
        const route = routeOf(f, entry);
        const slots = requiredDocumentSlots(f, { route, nomineeKind: f.nomineeKinds[0], externalLevels: ['central'] });
        expect(slots.filter((slot) => slot.code === 'submission').map((slot) => slot.level)).toEqual(route);
        const voting = route.filter((level) => level !== 'central' && f.levels[level]!.council.kind !== 'standing-body');
        expect(slots.filter((slot) => slot.code === 'council-minutes').map((slot) => slot.level)).toEqual(voting);
        // Every document is checked by some step, and provided by someone of the route.
        for (const slot of slots) expect(slot.checks.length).toBeGreaterThan(0);
      }
    });
  });
});

describe('validating the checkpoints of required documents', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tdkt-dossier-'));
    cpSync(join(__dirname, '../../data/rule-sets'), join(dataDir, 'rule-sets'), { recursive: true });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const FILE = 'national-2025-07-01.json';
  function breakNational(change: (forms: AwardForm[]) => void): CatalogError {
    const path = join(dataDir, 'rule-sets', FILE);
    const content = JSON.parse(readFileSync(path, 'utf8')) as RuleSetFile;
    change(content.forms as AwardForm[]);
    writeFileSync(path, JSON.stringify(content));
    try {
      loadRuleSets(dataDir);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).file).toMatch(/rule-sets\/national-2025-07-01\.json$/);
      return error as CatalogError;
    }
    throw new Error('loadRuleSets accepted a broken catalog');
  }
  const documentsOf = (forms: AwardForm[], code: string) => forms.find((f) => f.code === code)!.requiredDocuments;

  it('refuses a document without its checkpoint, or with an unknown one, naming file, entry and field', () => {
    const missing = breakNational((forms) => {
      delete (documentsOf(forms, 'giay-khen-chu-tich-xa')[1] as Partial<AwardForm['requiredDocuments'][number]>).checkedAt;
    });
    expect(missing).toMatchObject({ entry: '"giay-khen-chu-tich-xa"', field: 'requiredDocuments[1].checkedAt' });
    expect(missing.message).toContain('phải là một trong entry, appraisal, council');
    const unknown = breakNational((forms) => {
      (documentsOf(forms, 'giay-khen-chu-tich-xa')[1] as { checkedAt: string }).checkedAt = 'forwarding';
    });
    expect(unknown.field).toBe('requiredDocuments[1].checkedAt');
  });

  it('refuses council minutes at a level whose council does not vote (a standing body)', () => {
    const error = breakNational((forms) => {
      documentsOf(forms, 'bang-khen-chu-tich-tinh')[2].levels.push('province');
    });
    expect(error).toMatchObject({ entry: '"bang-khen-chu-tich-tinh"', field: 'requiredDocuments[2].levels[2]' });
    expect(error.message).toContain('standing-body');
  });

  it('refuses one document at one level checked at two different steps', () => {
    const error = breakNational((forms) => {
      documentsOf(forms, 'giay-khen-chu-tich-xa').push({ code: 'submission', nomineeKinds: ['individual'], levels: ['commune'], checkedAt: 'appraisal' });
    });
    expect(error).toMatchObject({ entry: '"giay-khen-chu-tich-xa"', field: 'requiredDocuments[3].checkedAt' });
    expect(error.message).toContain('requiredDocuments[0]');
  });
});
