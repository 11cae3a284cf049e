import { Injectable } from '@nestjs/common';
import { EVENT_LABELS, slotKey, slotsCheckedBy, type Refusal } from '../../workflows';
import type { StepCheck, StepContext } from '../nominations/step-hooks';
import { DossierDocumentsService } from './dossier-documents.service';

/**
 * `dossier-complete`: a step that the rule set says checks documents (see `requiredDocumentSlots`) is refused while
 * any of them is missing: the dossier entering a level at `SUBMIT`, the lower level's forwarding `SIGN`, the level's
 * `RESUBMIT` and `APPRAISAL_PASSED`; what the level's office collects at its `APPRAISAL_PASSED`; the level's council
 * minutes at its `SIGN`. The refusal lists every missing document, by code and Vietnamese name.
 */
@Injectable()
export class DossierCompleteCheck implements StepCheck {
  constructor(private readonly documents: DossierDocumentsService) {}

  async check({ manager, row, workflow, before, event }: StepContext): Promise<Refusal | null> {
    const route = before.context.route;
    // The form of the rule set this step is judged by: at SUBMIT, the one just put in force.
    const checked = slotsCheckedBy(this.documents.slotsFor(workflow.form, row, route), event.type, workflow.statePath(before));
    if (!checked.length) return null;
    const current = await this.documents.currentDocuments(manager, row.id);
    const missing = checked.filter((slot) => !current.has(slotKey(slot)));
    if (!missing.length) return null;
    const labels = missing.map((slot) => this.documents.slotLabel(row.ruleSetId, slot, route));
    return {
      rule: 'dossier-complete',
      message: `Chưa thể "${EVENT_LABELS[event.type]}": hồ sơ còn thiếu ${labels.join('; ')}`,
      details: {
        event: event.type,
        missing: missing.map((slot, index) => ({
          code: slot.code,
          name: this.documents.kindName(row.ruleSetId, slot.code),
          label: labels[index],
          level: slot.level,
          checkedAt: slot.checkedAt,
        })),
      },
    };
  }
}
