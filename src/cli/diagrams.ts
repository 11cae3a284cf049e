import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDataDirectory, loadRuleSets, NominationWorkflow, toMermaid } from '../../workflows';

/** `npm run diagrams`: writes every form's Mermaid diagram, generated from its machine, to docs/diagrams/. */
const registry = loadRuleSets();
const out = join(findDataDirectory(), '..', 'docs', 'diagrams');
mkdirSync(out, { recursive: true });
for (const ruleSet of registry.ruleSets) {
  for (const form of ruleSet.forms) {
    const workflow = new NominationWorkflow(form, { quorum: ruleSet.quorum, externalLevels: ['central'] });
    writeFileSync(join(out, `${ruleSet.id}.${form.code}.mmd`), toMermaid(workflow.machine, form.name));
  }
}
console.log(`Đã ghi sơ đồ vào ${out}`);
