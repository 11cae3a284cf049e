import { Injectable } from '@nestjs/common';
import { evaluateEligibility, evaluateFlagsAtSigning, vietnamDate, type EligibilityRefusal, type Refusal } from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import type { StepCheck, StepContext } from '../nominations/step-hooks';
import { NomineeHistoryReader } from './nominee-history.reader';
import { NomineeEntity } from './nominee.entity';

/** Several refusals answer as one: the first names the rule, every one is listed with its legal basis. */
export function refusalOf(refusals: EligibilityRefusal[], extra: Record<string, unknown> = {}): Refusal | null {
  if (!refusals.length) return null;
  const [first] = refusals;
  return {
    rule: first.rule,
    message: refusals.map((refusal) => refusal.message).join('; '),
    details: {
      legalBasis: first.legalBasis,
      ...extra,
      refusals: refusals.map(({ rule, message, legalBasis, criterion }) => ({ rule, message, legalBasis, ...(criterion ? { criterion } : {}) })),
    },
  };
}

/**
 * The eligibility rules of the rule set, on the nominee's registry history: every rule at `SUBMIT` (flags, a running
 * discipline, one open nomination per form, the claimed criterion's requirements for the nomination's year), and
 * the flags again at each `SIGN`.
 */
@Injectable()
export class EligibilityStepCheck implements StepCheck {
  constructor(
    private readonly catalog: WorkflowCatalog,
    private readonly reader: NomineeHistoryReader,
  ) {}

  async check({ manager, row, workflow, event }: StepContext): Promise<Refusal | null> {
    if ((event.type !== 'SUBMIT' && event.type !== 'SIGN') || !row.nomineeId) return null;
    const entry = await manager.findOneBy(NomineeEntity, { id: row.nomineeId });
    if (!entry) return null;
    const ruleSet = this.catalog.registry.byId(row.ruleSetId)!;
    const history = await this.reader.history(manager, entry, row.id);
    const today = vietnamDate(event.at);
    if (event.type === 'SIGN') return refusalOf(evaluateFlagsAtSigning(ruleSet.eligibility, history.flags, today), { nomineeId: entry.id });
    const verdict = evaluateEligibility({
      form: workflow.form,
      rules: ruleSet.eligibility,
      formNames: Object.fromEntries(ruleSet.forms.map((form) => [form.code, form.name])),
      history,
      criterion: row.criterion,
      year: row.awardYear ?? Number(today.slice(0, 4)),
      today,
      nominationId: row.id,
      campaignId: row.campaignId,
    });
    return refusalOf(verdict.refusals, { nomineeId: entry.id, criterion: verdict.criterion, year: row.awardYear });
  }
}
