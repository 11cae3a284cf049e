import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CatalogError,
  loadRuleSets,
  RuleSetNotFoundError,
  type AwardForm,
  type CouncilRule,
  type Level,
  type NomineeKind,
  type RuleSet,
  type RuleSetFile,
} from '../../workflows';

/**
 * The catalog as awards.md states it: the oracle the data in data/rule-sets is checked against. Council rules are
 * given only where awards.md gives them; `proposing` stands for both entry levels.
 */
const MAJORITY: CouncilRule = { kind: 'majority-of-present' };
const STANDING: CouncilRule = { kind: 'standing-body' };
const ballot = (minPercent: number): CouncilRule => ({ kind: 'share-of-all', minPercent });
const LOCAL: Level[] = ['commune', 'agency'];

interface ExpectedForm {
  nominees: NomineeKind[];
  entry: Level[];
  upper: Level[];
  councils: { proposing?: CouncilRule; province?: CouncilRule };
}

const AWARDS_MD: Record<string, ExpectedForm> = {
  'lao-dong-tien-tien': { nominees: ['individual'], entry: LOCAL, upper: [], councils: { proposing: MAJORITY } },
  'chien-si-thi-dua-co-so': { nominees: ['individual'], entry: LOCAL, upper: [], councils: { proposing: ballot(80) } },
  'tap-the-lao-dong-tien-tien': { nominees: ['collective'], entry: LOCAL, upper: [], councils: { proposing: MAJORITY } },
  'gia-dinh-van-hoa': { nominees: ['household'], entry: ['commune'], upper: [], councils: { proposing: MAJORITY } },
  'thon-van-hoa': { nominees: ['collective'], entry: ['commune'], upper: [], councils: { proposing: MAJORITY } },
  'giay-khen-chu-tich-xa': {
    nominees: ['individual', 'collective', 'household'],
    entry: ['commune'],
    upper: [],
    councils: { proposing: MAJORITY },
  },
  'giay-khen-thu-truong': { nominees: ['individual', 'collective'], entry: ['agency'], upper: [], councils: { proposing: MAJORITY } },
  'bang-khen-chu-tich-tinh': {
    nominees: ['individual', 'collective', 'household'],
    entry: LOCAL,
    upper: ['province'],
    councils: { proposing: MAJORITY, province: STANDING },
  },
  'tap-the-lao-dong-xuat-sac': { nominees: ['collective'], entry: LOCAL, upper: ['province'], councils: { province: STANDING } },
  'chien-si-thi-dua-tinh': { nominees: ['individual'], entry: LOCAL, upper: ['province'], councils: { province: ballot(90) } },
  'co-thi-dua-tinh': { nominees: ['collective'], entry: LOCAL, upper: ['province'], councils: { province: ballot(80) } },
  'bang-khen-thu-tuong': {
    nominees: ['individual', 'collective', 'household'],
    entry: LOCAL,
    upper: ['province', 'central'],
    councils: { province: MAJORITY },
  },
  'co-thi-dua-chinh-phu': { nominees: ['collective'], entry: LOCAL, upper: ['province', 'central'], councils: { province: ballot(80) } },
  'huan-chuong-lao-dong-hang-ba': {
    nominees: ['individual', 'collective'],
    entry: LOCAL,
    upper: ['province', 'central'],
    councils: { province: MAJORITY },
  },
  'huan-chuong-lao-dong-hang-nhi': {
    nominees: ['individual', 'collective'],
    entry: LOCAL,
    upper: ['province', 'central'],
    councils: { province: MAJORITY },
  },
  'huan-chuong-lao-dong-hang-nhat': {
    nominees: ['individual', 'collective'],
    entry: LOCAL,
    upper: ['province', 'central'],
    councils: { province: MAJORITY },
  },
};
const AWARD_CODES = Object.keys(AWARDS_MD);

const routeOf = (form: AwardForm): Level[] => [...form.entryLevels, ...form.upperLevels];
const voting = (form: AwardForm) => routeOf(form).filter((level) => form.levels[level]!.council.kind !== 'standing-body');
const documentLevels = (form: AwardForm, code: string) =>
  form.requiredDocuments.filter((doc) => doc.code === code).flatMap((doc) => doc.levels);

describe('the real catalog in data/rule-sets', () => {
  const registry = loadRuleSets();
  const national = registry.byId('national-2025-07-01')!;
  const laiChau = registry.inForce('lai-chau', '2026-03-01');

  it('loads the national rule set and Lai Châu’s, which extends it', () => {
    expect(registry.ruleSets.map((set) => set.id).sort()).toEqual(['lai-chau-2025-07-01', 'national-2025-07-01']);
    expect(national).toMatchObject({ jurisdiction: 'national', effectiveFrom: '2025-07-01', quorum: { minPresentPercent: 80 } });
    expect(laiChau).toMatchObject({ id: 'lai-chau-2025-07-01', jurisdiction: 'lai-chau', quorum: national.quorum });
    expect(laiChau.documentKinds).toEqual(national.documentKinds);
  });

  describe.each([
    ['national', () => national],
    ['Lai Châu', () => laiChau],
  ])('the %s rule set', (_name, ruleSetOf: () => RuleSet) => {
    it('holds exactly the 16 codes of awards.md, once each', () => {
      const codes = ruleSetOf().forms.map((form) => form.code);
      expect([...codes].sort()).toEqual([...AWARD_CODES].sort());
      expect(new Set(codes).size).toBe(codes.length);
    });

    it.each(AWARD_CODES)('%s has the nominees, route and councils of awards.md', (code) => {
      const form = ruleSetOf().forms.find((candidate) => candidate.code === code)!;
      const expected = AWARDS_MD[code];
      expect([...form.nomineeKinds].sort()).toEqual([...expected.nominees].sort());
      expect(form.entryLevels).toEqual(expected.entry);
      expect(form.upperLevels).toEqual(expected.upper);
      expect(Object.keys(form.levels).sort()).toEqual(routeOf(form).sort());
      if (expected.councils.proposing) {
        for (const level of form.entryLevels) expect(form.levels[level]!.council).toEqual(expected.councils.proposing);
      }
      if (expected.councils.province) expect(form.levels.province!.council).toEqual(expected.councils.province);
      // The central level runs outside the deployment; the Ban TĐKT Trung ương appraises and reports to the signer.
      if (form.levels.central) expect(form.levels.central.council).toEqual(STANDING);
    });

    it.each(AWARD_CODES)('%s asks for the documents its route and councils imply', (code) => {
      const form = ruleSetOf().forms.find((candidate) => candidate.code === code)!;
      for (const level of form.entryLevels) expect(documentLevels(form, 'submission')).toContain(level);
      // Biên bản họp Hội đồng from exactly the internal levels that vote.
      expect(documentLevels(form, 'council-minutes').sort()).toEqual(voting(form).filter((level) => level !== 'central').sort());
      if (code.startsWith('chien-si-thi-dua')) expect(documentLevels(form, 'initiative-proof').length).toBeGreaterThan(0);
    });
  });

  it('gives the awards.md examples their exact rules', () => {
    const form = (code: string) => laiChau.forms.find((candidate) => candidate.code === code)!;
    expect(form('chien-si-thi-dua-co-so').levels.commune!.council).toEqual({ kind: 'share-of-all', minPercent: 80 });
    expect(form('chien-si-thi-dua-co-so').levels.commune!.appraisalWorkingDays).toBe(20);
    expect(form('chien-si-thi-dua-tinh').levels.province!.council).toEqual({ kind: 'share-of-all', minPercent: 90 });
    expect(form('bang-khen-chu-tich-tinh').levels.province!.council).toEqual({ kind: 'standing-body' });
    expect(routeOf(form('bang-khen-thu-tuong')).slice(-2)).toEqual(['province', 'central']);
    expect(form('giay-khen-chu-tich-xa').levels.commune!.appraisalWorkingDays).toBe(10);
    // The province has 15 calendar days before forwarding to the central level, which has 20 working days.
    expect(form('bang-khen-thu-tuong').levels.province).toMatchObject({ appraisalWorkingDays: 15, appraisalCalendarDays: true });
    expect(form('bang-khen-thu-tuong').levels.central).toMatchObject({ appraisalWorkingDays: 20 });
  });

  it('applies Lai Châu’s override of lao-dong-tien-tien and keeps every other form as the national set has it', () => {
    const byCode = (set: RuleSet) => new Map(set.forms.map((form) => [form.code, form]));
    const [base, own] = [byCode(national), byCode(laiChau)];
    const file = JSON.parse(readFileSync(join(__dirname, '../../data/rule-sets/lai-chau-2025-07-01.json'), 'utf8')) as RuleSetFile;
    const overridden = new Set((file.forms ?? []).map((form) => form.code));
    for (const code of AWARD_CODES) {
      if (overridden.has(code)) expect({ ...own.get(code)!, levels: undefined }).toEqual({ ...base.get(code)!, levels: undefined });
      else expect(own.get(code)).toEqual(base.get(code));
    }
    expect(own.get('lao-dong-tien-tien')!.levels).toEqual(file.forms!.find((form) => form.code === 'lao-dong-tien-tien')!.levels);
  });
});

describe('choosing the rule set in force', () => {
  const registry = loadRuleSets();

  it('gives a Lai Châu nomination of 1 March 2026 the Lai Châu rule set', () => {
    expect(registry.inForce('lai-chau', '2026-03-01').id).toBe('lai-chau-2025-07-01');
    expect(registry.inForce('lai-chau', '2026-03-01T08:30:00+07:00').id).toBe('lai-chau-2025-07-01');
  });

  it('takes a rule set from its first day', () => {
    expect(registry.inForce('lai-chau', '2025-07-01').id).toBe('lai-chau-2025-07-01');
  });

  it('falls back to the national rule set for a province without its own, or without a province', () => {
    expect(registry.inForce('son-la', '2026-03-01').id).toBe('national-2025-07-01');
    expect(registry.inForce(undefined, '2026-03-01').id).toBe('national-2025-07-01');
  });

  it('has nothing in force before 1 July 2025', () => {
    expect(() => registry.inForce('lai-chau', '2025-06-30')).toThrow(RuleSetNotFoundError);
    expect(() => registry.inForce(undefined, '2024-01-01')).toThrow(RuleSetNotFoundError);
  });

  it('finds a form by rule set id and code', () => {
    expect(registry.form('lai-chau-2025-07-01', 'bang-khen-thu-tuong')?.upperLevels).toEqual(['province', 'central']);
    expect(registry.form('lai-chau-2025-07-01', 'no-such-form')).toBeUndefined();
    expect(registry.form('no-such-set', 'bang-khen-thu-tuong')).toBeUndefined();
  });
});

describe('validating rule-set files', () => {
  const NATIONAL = 'national-2025-07-01.json';
  const LAI_CHAU = 'lai-chau-2025-07-01.json';
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tdkt-catalog-'));
    cpSync(join(__dirname, '../../data/rule-sets'), join(dataDir, 'rule-sets'), { recursive: true });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const readRuleSet = (file: string) => JSON.parse(readFileSync(join(dataDir, 'rule-sets', file), 'utf8')) as RuleSetFile;
  const writeRuleSet = (file: string, content: unknown) =>
    writeFileSync(join(dataDir, 'rule-sets', file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  const edit = (file: string, change: (content: RuleSetFile) => void) => {
    const content = readRuleSet(file);
    change(content);
    writeRuleSet(file, content);
  };
  const formIn = (content: RuleSetFile, code: string) => content.forms!.find((form) => form.code === code)! as AwardForm;

  function catalogErrorOf(load: () => unknown): CatalogError {
    try {
      load();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      return error as CatalogError;
    }
    throw new Error('loadRuleSets accepted a broken catalog');
  }

  it('loads the untouched copy', () => {
    expect(loadRuleSets(dataDir).ruleSets).toHaveLength(2);
  });

  const breakages: Array<{ name: string; file: string; entry: string; field: string; break: (content: RuleSetFile) => void }> = [
    {
      name: 'a ballot threshold above 100%',
      file: NATIONAL,
      entry: '"chien-si-thi-dua-co-so"',
      field: 'levels.commune.council.minPercent',
      break: (content) => {
        (formIn(content, 'chien-si-thi-dua-co-so').levels.commune!.council as { minPercent: number }).minPercent = 150;
      },
    },
    {
      name: 'an unknown nominee kind',
      file: NATIONAL,
      entry: '"giay-khen-chu-tich-xa"',
      field: 'nomineeKinds[1]',
      break: (content) => {
        formIn(content, 'giay-khen-chu-tich-xa').nomineeKinds[1] = 'enterprise' as NomineeKind;
      },
    },
    {
      name: 'an unknown council rule',
      file: NATIONAL,
      entry: '"co-thi-dua-tinh"',
      field: 'levels.province.council.kind',
      break: (content) => {
        formIn(content, 'co-thi-dua-tinh').levels.province!.council = { kind: 'unanimous' } as unknown as CouncilRule;
      },
    },
    {
      name: 'a level outside the route',
      file: NATIONAL,
      entry: '"giay-khen-chu-tich-xa"',
      field: 'levels.province',
      break: (content) => {
        const form = formIn(content, 'giay-khen-chu-tich-xa');
        form.levels.province = { ...form.levels.commune! };
      },
    },
    {
      name: 'a required document of an undeclared kind',
      file: NATIONAL,
      entry: '"bang-khen-thu-tuong"',
      field: 'requiredDocuments[3].code',
      break: (content) => {
        formIn(content, 'bang-khen-thu-tuong').requiredDocuments[3].code = 'confirmation:police';
      },
    },
    {
      name: 'a duplicate form code',
      file: NATIONAL,
      entry: '"lao-dong-tien-tien"',
      field: 'code',
      break: (content) => {
        content.forms!.push(structuredClone(formIn(content, 'lao-dong-tien-tien')));
      },
    },
    {
      name: 'an extends target that does not exist',
      file: LAI_CHAU,
      entry: 'bộ quy định "lai-chau-2025-07-01"',
      field: 'extends',
      break: (content) => {
        content.extends = 'national-2023-01-01';
      },
    },
    {
      name: 'an overriding form that breaks a field it overrides',
      file: LAI_CHAU,
      entry: '"lao-dong-tien-tien"',
      field: 'levels.agency.appraisalWorkingDays',
      break: (content) => {
        formIn(content, 'lao-dong-tien-tien').levels.agency!.appraisalWorkingDays = 0;
      },
    },
    {
      name: 'an effective date that is not a date',
      file: LAI_CHAU,
      entry: 'bộ quy định "lai-chau-2025-07-01"',
      field: 'effectiveFrom',
      break: (content) => {
        content.effectiveFrom = '01/07/2025';
      },
    },
    {
      name: 'an eligibility requirement naming a title the rule set does not have',
      file: NATIONAL,
      entry: '"chien-si-thi-dua-tinh"',
      field: 'eligibility.alternatives[0].requirements[0].titles[0]',
      break: (content) => {
        (formIn(content, 'chien-si-thi-dua-tinh').eligibility.alternatives[0].requirements[0] as { titles: string[] }).titles = ['chien-si-thi-dua-huyen'];
      },
    },
    {
      name: 'a title-years requirement naming a form that is not a title',
      file: NATIONAL,
      entry: '"bang-khen-chu-tich-tinh"',
      field: 'eligibility.alternatives[2].requirements[0].titles[0]',
      break: (content) => {
        (formIn(content, 'bang-khen-chu-tich-tinh').eligibility.alternatives[2].requirements[0] as { titles: string[] }).titles = ['giay-khen-chu-tich-xa'];
      },
    },
    {
      name: 'an alternative for a nominee kind the form does not take',
      file: NATIONAL,
      entry: '"lao-dong-tien-tien"',
      field: 'eligibility.alternatives[0].nomineeKinds[1]',
      break: (content) => {
        formIn(content, 'lao-dong-tien-tien').eligibility.alternatives[0].nomineeKinds.push('household');
      },
    },
    {
      name: 'an unknown rating in a requirement',
      file: NATIONAL,
      entry: '"bang-khen-thu-tuong"',
      field: 'eligibility.alternatives[1].requirements[1].minimum',
      break: (content) => {
        (formIn(content, 'bang-khen-thu-tuong').eligibility.alternatives[1].requirements[1] as { minimum: string }).minimum = 'very-good';
      },
    },
    {
      name: 'a window shorter than the years it must hold',
      file: NATIONAL,
      entry: '"bang-khen-thu-tuong"',
      field: 'eligibility.alternatives[1].requirements[2].withinYears',
      break: (content) => {
        (formIn(content, 'bang-khen-thu-tuong').eligibility.alternatives[1].requirements[2] as { withinYears: number }).withinYears = 2;
      },
    },
    {
      name: 'two alternatives with one code',
      file: NATIONAL,
      entry: '"giay-khen-chu-tich-xa"',
      field: 'eligibility.alternatives[1].code',
      break: (content) => {
        formIn(content, 'giay-khen-chu-tich-xa').eligibility.alternatives[1].code = 'thanh-tich-phong-trao';
      },
    },
    {
      name: 'an alternative without a legal basis',
      file: NATIONAL,
      entry: '"co-thi-dua-tinh"',
      field: 'eligibility.alternatives[0].legalBasis',
      break: (content) => {
        formIn(content, 'co-thi-dua-tinh').eligibility.alternatives[0].legalBasis = ' ';
      },
    },
    {
      name: 'an unknown flag among those that block',
      file: NATIONAL,
      entry: 'bộ quy định "national-2025-07-01"',
      field: 'eligibility.blockingFlags.flags[1]',
      break: (content) => {
        (content.eligibility!.blockingFlags.flags as string[])[1] = 'rumour';
      },
    },
    {
      name: 'a province’s eligibility override naming an unknown prior form',
      file: LAI_CHAU,
      entry: '"bang-khen-thu-tuong"',
      field: 'eligibility.alternatives[0].requirements[0].forms[0]',
      break: (content) => {
        content.forms!.push({
          code: 'bang-khen-thu-tuong',
          eligibility: {
            alternatives: [
              {
                code: 'bang-khen-bo',
                name: 'Đã có Bằng khen cấp bộ',
                legalBasis: 'Quy định của tỉnh',
                nomineeKinds: ['individual'],
                requirements: [{ kind: 'prior-award', forms: ['bang-khen-cap-bo'], minYearsBefore: 5 }],
              },
            ],
          },
        });
      },
    },
  ];

  it.each(breakages)('refuses $name, naming the file, the entry and the field', (breakage) => {
    edit(breakage.file, breakage.break);
    const error = catalogErrorOf(() => loadRuleSets(dataDir));
    expect(error.file).toMatch(new RegExp(`rule-sets/${breakage.file.replace(/\./g, '\\.')}$`));
    expect(error.entry).toBe(breakage.entry);
    expect(error.field).toBe(breakage.field);
    expect(error.message).toContain(`rule-sets/${breakage.file}`);
    expect(error.message).toContain(breakage.entry);
    expect(error.message).toContain(`"${breakage.field}"`);
  });

  it('refuses two files with the same rule set id', () => {
    writeRuleSet('national-copy.json', readRuleSet(NATIONAL));
    const error = catalogErrorOf(() => loadRuleSets(dataDir));
    expect(error.field).toBe('id');
    expect(error.entry).toBe('bộ quy định "national-2025-07-01"');
    expect(error.message).toMatch(/rule-sets\/(national-copy|national-2025-07-01)\.json/);
  });

  it('refuses a rule set that extends itself in a circle', () => {
    edit(NATIONAL, (content) => {
      content.extends = 'lai-chau-2025-07-01';
    });
    const error = catalogErrorOf(() => loadRuleSets(dataDir));
    expect(error.field).toBe('extends');
    expect(error.message).toContain('kế thừa vòng tròn: lai-chau-2025-07-01 → national-2025-07-01 → lai-chau-2025-07-01');
  });

  it('refuses a file that is not JSON, naming it', () => {
    writeRuleSet(LAI_CHAU, '{ "id": "lai-chau-2025-07-01", ');
    const error = catalogErrorOf(() => loadRuleSets(dataDir));
    expect(error.message).toContain(`rule-sets/${LAI_CHAU}`);
  });
});
