import { Inject, Injectable } from '@nestjs/common';
import { NominationWorkflow, RuleSetRegistry, type AwardForm, type RuleSet } from '../../workflows';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The validated catalog (loaded once at start-up; a bad entry stops the start) and each form's machine. */
@Injectable()
export class WorkflowCatalog {
  private readonly workflows = new Map<string, NominationWorkflow>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readonly registry: RuleSetRegistry,
  ) {}

  ruleSetInForce(jurisdiction: string | null, onDate: string): RuleSet {
    return this.registry.inForce(jurisdiction ?? undefined, onDate);
  }

  form(ruleSetId: string, code: string): AwardForm | undefined {
    return this.registry.form(ruleSetId, code);
  }

  workflow(ruleSetId: string, formCode: string): NominationWorkflow {
    const key = `${ruleSetId}/${formCode}`;
    let workflow = this.workflows.get(key);
    if (!workflow) {
      const ruleSet = this.registry.byId(ruleSetId);
      const form = ruleSet?.forms.find((candidate) => candidate.code === formCode);
      if (!ruleSet || !form) throw new Error(`Không có hình thức ${formCode} trong bộ quy định ${ruleSetId}`);
      workflow = new NominationWorkflow(form, { quorum: ruleSet.quorum, externalLevels: this.config.externalLevels });
      this.workflows.set(key, workflow);
    }
    return workflow;
  }
}
