import type { AwardForm, RuleSet } from './types';

export class RuleSetNotFoundError extends Error {
  constructor(readonly jurisdiction: string, readonly onDate: string) {
    super(`Không có bộ quy định khen thưởng nào có hiệu lực ngày ${onDate} cho ${jurisdiction}`);
  }
}

/** All rule sets, and which one governs a nomination submitted on a given day in a given province. */
export class RuleSetRegistry {
  private readonly byIdMap: Map<string, RuleSet>;

  constructor(readonly ruleSets: RuleSet[]) {
    this.byIdMap = new Map(ruleSets.map((set) => [set.id, set]));
  }

  byId(id: string): RuleSet | undefined {
    return this.byIdMap.get(id);
  }

  /** The province's own rule set in force on that day, else the national one. */
  inForce(province: string | undefined, onDate: string): RuleSet {
    const day = onDate.slice(0, 10);
    const latest = (jurisdiction: string) =>
      this.ruleSets
        .filter((set) => set.jurisdiction === jurisdiction && set.effectiveFrom <= day)
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    const found = (province && latest(province)) || latest('national');
    if (!found) throw new RuleSetNotFoundError(province ?? 'national', day);
    return found;
  }

  form(ruleSetId: string, code: string): AwardForm | undefined {
    return this.byId(ruleSetId)?.forms.find((form) => form.code === code);
  }
}
