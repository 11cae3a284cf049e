import type { AwardForm } from '../catalog/types';
import { MACHINE_BUILDER_VERSION, type MachineOptions } from '../nomination/build-nomination-machine';
import { NominationWorkflow } from '../nomination/nomination-workflow';

/**
 * What a machine version was built from: the form's catalog entry and the options of the deployment, by the builder
 * version of the code. Kept for every version a nomination was started on, so that a nomination in flight stays on
 * its machine when the catalog (or EXTERNAL_LEVELS) changes later.
 */
export interface MachineDefinition {
  ruleSetId: string;
  formCode: string;
  version: string;
  builderVersion: number;
  form: AwardForm;
  options: MachineOptions;
}

export function machineDefinitionOf(ruleSetId: string, workflow: NominationWorkflow): MachineDefinition {
  return {
    ruleSetId,
    formCode: workflow.form.code,
    version: workflow.version,
    builderVersion: MACHINE_BUILDER_VERSION,
    form: structuredClone(workflow.form),
    options: structuredClone(workflow.options),
  };
}

export class MachineRebuildError extends Error {}

/**
 * The machine of a kept definition, rebuilt by today's builder. Only a definition of today's builder version can be
 * rebuilt; the rebuilt machine must have the version it was kept under (the fingerprint covers the form's shape and
 * the options), otherwise the builder changed without its version being bumped.
 */
export function rebuildWorkflow(definition: MachineDefinition): NominationWorkflow {
  if (definition.builderVersion !== MACHINE_BUILDER_VERSION) {
    throw new MachineRebuildError(
      `phiên bản quy trình ${definition.version} do bộ dựng phiên bản ${definition.builderVersion} tạo, hệ thống đang dùng bộ dựng phiên bản ${MACHINE_BUILDER_VERSION}`,
    );
  }
  const workflow = new NominationWorkflow(definition.form, definition.options);
  if (workflow.version !== definition.version) {
    throw new MachineRebuildError(`dựng lại quy trình đã lưu ${definition.version} được phiên bản ${workflow.version}`);
  }
  return workflow;
}
