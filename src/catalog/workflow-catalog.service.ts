import { Inject, Injectable } from '@nestjs/common';
import { NominationWorkflow, rebuildWorkflow, RuleSetRegistry, type AwardForm, type MachineDefinition, type RuleSet } from '../../workflows';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Why a stored machine version has no machine here. */
export type MachineLookup = { workflow: NominationWorkflow } | { workflow: null; reason: string };

/** The validated catalog (loaded once at start-up; a bad entry stops the start) and each form's machine. */
@Injectable()
export class WorkflowCatalog {
  private readonly workflows = new Map<string, NominationWorkflow>();
  /** Machines of earlier versions, rebuilt from their kept definitions (src/catalog/machine-archive.ts). */
  private readonly archived = new Map<string, MachineLookup>();

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

  /** Today's machine of a form of a rule set. */
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

  /** Every machine of today's catalog, with its rule set. */
  currentWorkflows(): Array<{ ruleSetId: string; workflow: NominationWorkflow }> {
    return this.registry.ruleSets.flatMap((ruleSet) => ruleSet.forms.map((form) => ({ ruleSetId: ruleSet.id, workflow: this.workflow(ruleSet.id, form.code) })));
  }

  /**
   * The machine a nomination was saved with: today's if its version is today's, else the one rebuilt from the
   * definition kept for that version. A nomination in flight stays on the machine it started with.
   */
  workflowAt(ruleSetId: string, formCode: string, version: string): MachineLookup {
    const current = this.registry.form(ruleSetId, formCode) ? this.workflow(ruleSetId, formCode) : null;
    if (current?.version === version) return { workflow: current };
    const kept = this.archived.get(`${ruleSetId}/${formCode}/${version}`);
    if (kept) return kept;
    return {
      workflow: null,
      reason: current
        ? `phiên bản quy trình ${version} không được lưu lại (phiên bản hiện tại ${current.version})`
        : `không có hình thức ${formCode} trong bộ quy định ${ruleSetId} và phiên bản quy trình ${version} không được lưu lại`,
    };
  }

  /** Takes the kept definitions (read at start); one that cannot be rebuilt answers its reason when asked for. */
  adoptDefinitions(definitions: MachineDefinition[]): void {
    for (const definition of definitions) {
      const key = `${definition.ruleSetId}/${definition.formCode}/${definition.version}`;
      try {
        this.archived.set(key, { workflow: rebuildWorkflow(definition) });
      } catch (error) {
        this.archived.set(key, { workflow: null, reason: (error as Error).message });
      }
    }
  }
}
