import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { vietnamDate, type NominationSnapshot } from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { ruleRefused } from '../common/app-error';
import type { NominationEntity } from '../nominations/nomination.entity';
import type { StepContext, StepListener } from '../nominations/step-hooks';
import { OrganizationEntity } from '../organizations/organization.entity';
import { NomineeAwardEntity } from './nominee-award.entity';
import { OpenNominationClaimEntity } from './open-nomination-claim.entity';

const FINAL_STATES = new Set(['awarded', 'rejected', 'withdrawn', 'revoked']);

type AcceptedStep = StepContext & { after: NominationSnapshot; toState: string };

/**
 * What a step writes into the nominee registry, in the step's transaction: the one-open-nomination claim taken at
 * `SUBMIT` and released when the nomination ends; the award when it reaches `awarded` (its decision, the year it
 * recognises); the award marked revoked when it is `revoked`.
 */
@Injectable()
export class NomineeHistoryStepListener implements StepListener {
  constructor(private readonly catalog: WorkflowCatalog) {}

  async afterStep(step: AcceptedStep): Promise<void> {
    const { manager, row, event, toState } = step;
    if (!row.nomineeId) return;
    if (event.type === 'SUBMIT') await this.claim(manager, row, event.at);
    if (FINAL_STATES.has(toState)) await manager.delete(OpenNominationClaimEntity, { nominationId: row.id });
    if (toState === 'awarded') await this.recordAward(step);
    if (toState === 'revoked' && event.type === 'REVOKE') {
      await manager.update(
        NomineeAwardEntity,
        { nominationId: row.id },
        { revokedOn: event.date, revocationNumber: event.number, revocationReason: event.reason },
      );
    }
  }

  /**
   * Takes the nominee's slot for this form (and campaign). The eligibility check refused an open one already; this
   * settles two submissions racing on PostgreSQL: the second waits for the first, finds the slot taken, and is refused.
   */
  private async claim(manager: EntityManager, row: NominationEntity, at: string): Promise<void> {
    const slot = { nomineeId: row.nomineeId!, formCode: row.formCode, campaignKey: row.campaignId ?? '' };
    await manager
      .createQueryBuilder()
      .insert()
      .into(OpenNominationClaimEntity)
      .values({ ...slot, nominationId: row.id, claimedAt: at } as QueryDeepPartialEntity<OpenNominationClaimEntity>)
      .orIgnore()
      .execute();
    const holder = await manager.findOneBy(OpenNominationClaimEntity, slot);
    if (holder && holder.nominationId !== row.id) {
      const ruleSet = this.catalog.registry.byId(row.ruleSetId)!;
      throw ruleRefused('Đối tượng đã có hồ sơ đề nghị cùng hình thức đang được xét; mỗi đối tượng chỉ có một hồ sơ đang xét cho cùng một hình thức', {
        rule: ruleSet.eligibility.oneOpenNomination.code,
        legalBasis: ruleSet.eligibility.oneOpenNomination.legalBasis,
        nominationId: holder.nominationId,
      });
    }
  }

  /** The decision that granted it: the last level's signature, or the decision recorded from outside. */
  private async recordAward({ manager, row, workflow, after, event }: AcceptedStep): Promise<void> {
    const context = after.context;
    const external = context.externalDecision?.granted ? context.externalDecision : null;
    const signature = [...context.signatures].reverse().find((candidate) => candidate.act === 'decision');
    let authority = external?.authority;
    if (!authority && signature) {
      const organizationId = row.levelOrganizations[signature.level];
      const organization = organizationId ? await manager.findOneBy(OrganizationEntity, { id: organizationId }) : null;
      authority = `${workflow.form.levels[signature.level]?.signer ?? workflow.form.grantingAuthority}${organization ? ` (${organization.name})` : ''}`;
    }
    await manager.insert(NomineeAwardEntity, {
      id: randomUUID(),
      nomineeId: row.nomineeId!,
      formCode: row.formCode,
      name: workflow.form.name,
      year: row.awardYear ?? Number(vietnamDate(event.at).slice(0, 4)),
      decisionNumber: external?.number ?? signature?.number ?? '',
      decisionDate: external?.date ?? signature?.date ?? vietnamDate(event.at),
      grantingAuthority: authority ?? workflow.form.grantingAuthority,
      source: 'system',
      nominationId: row.id,
      revokedOn: null,
      revocationNumber: null,
      revocationReason: null,
      note: null,
      recordedBy: event.actor.userId,
      recordedAt: event.at,
    } as QueryDeepPartialEntity<NomineeAwardEntity>);
  }
}
