import { statusLabel, vietnamDate, type NominationEventType } from '../../workflows';
import type { NominationSnapshot, NominationWorkflow } from '../../workflows';
import type { NominationEntity } from './nomination.entity';

export interface OrganizationRef {
  id: string;
  name: string;
  appraisalOfficeName: string | null;
}

/** What a caller sees of one nomination: where it stands, who holds it, what they may do now and by when. */
export function toNominationView(
  row: NominationEntity,
  workflow: NominationWorkflow,
  snapshot: NominationSnapshot,
  allowedEvents: NominationEventType[],
  organizations: Map<string, OrganizationRef>,
  now = new Date(),
) {
  const context = snapshot.context;
  const state = row.state;
  const today = vietnamDate(now);
  const deadline = context.deadline;
  const holder = row.holderOrganizationId ? organizations.get(row.holderOrganizationId) : undefined;
  return {
    id: row.id,
    formCode: row.formCode,
    formName: workflow.form.name,
    ruleSetId: row.ruleSetId,
    machineVersion: row.machineVersion,
    campaignId: row.campaignId,
    campaignReview: row.campaignReview,
    nominee: row.nominee,
    nomineeId: row.nomineeId,
    criterion: row.criterion,
    awardYear: row.awardYear,
    achievements: row.achievements,
    organizationId: row.organizationId,
    organizationName: organizations.get(row.organizationId)?.name ?? null,
    state,
    level: row.currentLevel,
    statusLabel: statusLabel(state),
    route: context.route.map((level) => ({
      level,
      organizationId: row.levelOrganizations[level] ?? null,
      organizationName: organizations.get(row.levelOrganizations[level] ?? '')?.name ?? null,
      signer: workflow.form.levels[level]?.signer ?? null,
    })),
    holder: holder
      ? { organizationId: holder.id, organizationName: holder.name, office: holder.appraisalOfficeName }
      : null,
    allowedEvents,
    version: row.version,
    deadlines: {
      current: deadline ? { ...deadline, overdue: deadline.dueDate < today } : null,
    },
    supplementRounds: context.supplementRounds,
    councilResults: context.councilResults,
    signatures: context.signatures,
    externalDecision: context.externalDecision,
    rejection: context.rejection,
    withdrawal: context.withdrawal,
    revocation: context.revocation,
    submittedAt: row.submittedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type NominationView = ReturnType<typeof toNominationView>;
