import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { vietnamDate, type Refusal } from '../../workflows';
import { judgeReviewGate, type ReviewGateVerdict } from '../../workflows/campaigns/campaign-rules';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import type { StepCheck, StepContext, StepListener } from '../nominations/step-hooks';
import { NominationEntity } from '../nominations/nomination.entity';
import { CampaignEntity } from './campaign.entity';

/** The gate a nomination within a campaign passes at `SUBMIT`, judged on the submission day in Vietnam time. */
async function gateFor(manager: EntityManager, catalog: WorkflowCatalog, row: NominationEntity, at: string): Promise<ReviewGateVerdict | null> {
  if (!row.campaignId) return null; // an annual award (khen thưởng hằng năm): no campaign, nothing to check
  const campaign = await manager.findOneBy(CampaignEntity, { id: row.campaignId });
  if (!campaign) return null; // a campaign id stored before campaigns existed: nothing to judge it by
  const ruleSet = catalog.registry.byId(row.ruleSetId);
  return judgeReviewGate({
    campaignTitle: campaign.title,
    campaignClosed: campaign.status === 'closed',
    reviews: campaign.definition.reviews,
    chosen: row.campaignReview,
    formCode: row.formCode,
    formNames: Object.fromEntries((ruleSet?.forms ?? []).map((form) => [form.code, form.name])),
    day: vietnamDate(at),
  });
}

/**
 * `SUBMIT` within a campaign: the chosen review (or the one open on the day) must be open and allow the form
 * (`campaign-review-open`, `campaign-form-allowed`).
 */
@Injectable()
export class CampaignReviewCheck implements StepCheck {
  constructor(private readonly catalog: WorkflowCatalog) {}

  async check({ manager, row, event }: StepContext): Promise<Refusal | null> {
    if (event.type !== 'SUBMIT') return null;
    const verdict = await gateFor(manager, this.catalog, row, event.at);
    if (!verdict || verdict.ok) return null;
    return { rule: verdict.rule, message: verdict.message, details: { campaignId: row.campaignId, ...verdict.details } };
  }
}

/** Records on the nomination the review its accepted `SUBMIT` was judged under. */
@Injectable()
export class CampaignReviewListener implements StepListener {
  constructor(private readonly catalog: WorkflowCatalog) {}

  async afterStep({ manager, row, event }: Parameters<StepListener['afterStep']>[0]): Promise<void> {
    if (event.type !== 'SUBMIT') return;
    const verdict = await gateFor(manager, this.catalog, row, event.at);
    if (!verdict?.ok || verdict.review.kind === row.campaignReview) return;
    await manager.update(NominationEntity, { id: row.id }, { campaignReview: verdict.review.kind });
  }
}
