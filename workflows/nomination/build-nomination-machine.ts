import { createHash } from 'node:crypto';
import { assign, setup, type AnyStateMachine } from 'xstate';
import type { AwardForm, Level, QuorumRule } from '../catalog/types';
import { refusalFor, currentLevel, type RuleScope } from './event-rules';
import type { NominationContext, NominationInput } from './nomination-context';
import type { EventOf, NominationEvent } from './nomination-events';

/** Bump when the shape the builder produces changes: stored snapshots then need a snapshot migration. */
export const MACHINE_BUILDER_VERSION = 1;

export interface MachineOptions {
  quorum: QuorumRule;
  /** Levels run outside this deployment: their decision is recorded when it comes back. */
  externalLevels: Level[];
}

type Params = Record<string, unknown>;

/** A council's "no" has no written reason: its vote is the reason. */
function rejectionReason(event: NominationEvent): string {
  if (event.type === 'COUNCIL_REJECTED') {
    const { yes, members, present } = event.counts;
    return `Hội đồng Thi đua – Khen thưởng không đồng ý: ${yes}/${members} thành viên (${present} có mặt) đồng ý`;
  }
  return (event as { reason?: string }).reason ?? '';
}

function buildSetup(scope: RuleScope) {
  const allows = ({ context, event }: { context: NominationContext; event: NominationEvent }) =>
    refusalFor(scope, context, event) === null;
  return setup({
    types: {
      context: {} as NominationContext,
      events: {} as NominationEvent,
      input: {} as NominationInput,
    },
    guards: {
      entersAt: ({ context }, params: { level: Level }) => context.route[0] === params.level,
      isSupplementRequestComplete: allows,
      hasReason: allows,
      councilApproves: allows,
      councilRejects: allows,
      isSignatureNumbered: allows,
      isExternalDocumentIdentified: allows,
      isRevocationJustified: allows,
    },
    actions: {
      applyDeadline: assign({ deadline: ({ event }) => event.deadline ?? null }),
      recordSubmission: assign({ submittedAt: ({ event }) => event.at, levelIndex: 0 }),
      recordSupplementRequest: assign({
        supplementRounds: ({ context, event }) => {
          const e = event as EventOf<'REQUEST_SUPPLEMENT'>;
          return [
            ...context.supplementRounds,
            {
              level: currentLevel(context),
              reason: e.reason,
              items: e.items,
              dueDate: e.dueDate,
              requestedAt: e.at,
              requestedBy: e.actor,
              resubmittedAt: null,
            },
          ];
        },
      }),
      recordResubmission: assign({
        supplementRounds: ({ context, event }) =>
          context.supplementRounds.map((round, index) =>
            index === context.supplementRounds.length - 1 ? { ...round, resubmittedAt: event.at } : round,
          ),
      }),
      recordCouncilResult: assign({
        councilResults: ({ context, event }) => {
          const e = event as EventOf<'COUNCIL_APPROVED' | 'COUNCIL_REJECTED'>;
          return [
            ...context.councilResults,
            {
              level: currentLevel(context),
              approved: e.type === 'COUNCIL_APPROVED',
              counts: e.counts,
              meetingDate: e.meetingDate ?? null,
              minutesNumber: e.minutesNumber ?? null,
              recordedAt: e.at,
            },
          ];
        },
      }),
      recordSignature: assign(({ context, event }, params: { act: 'decision' | 'submission' }) => {
        const e = event as EventOf<'SIGN'>;
        return {
          signatures: [
            ...context.signatures,
            { level: currentLevel(context), act: params.act, number: e.number, date: e.date, signedBy: e.actor },
          ],
          levelIndex: params.act === 'submission' ? context.levelIndex + 1 : context.levelIndex,
        };
      }),
      recordExternalDecision: assign({
        externalDecision: ({ context, event }) => {
          const e = event as EventOf<'RECORD_EXTERNAL_DECISION' | 'RECORD_EXTERNAL_REJECTION'>;
          return {
            level: currentLevel(context),
            granted: e.type === 'RECORD_EXTERNAL_DECISION',
            number: e.number,
            date: e.date,
            authority: e.authority,
            reason: e.type === 'RECORD_EXTERNAL_REJECTION' ? e.reason : null,
          };
        },
      }),
      recordRejection: assign({
        rejection: ({ context, event }, params: { step: string }) => ({
          level: currentLevel(context),
          step: params.step,
          reason: rejectionReason(event),
          by: event.actor,
          at: event.at,
        }),
      }),
      recordWithdrawal: assign({
        withdrawal: ({ event }) => ({ at: event.at, by: event.actor, reason: (event as EventOf<'WITHDRAW'>).reason ?? null }),
      }),
      recordRevocation: assign({
        revocation: ({ event }) => {
          const e = event as EventOf<'REVOKE'>;
          return { number: e.number, date: e.date, reason: e.reason, by: e.actor, at: e.at };
        },
      }),
    },
  });
}

type Transition = { target: string; guard?: string | { type: string; params: Params }; actions: Array<string | { type: string; params: Params }> };

const withDeadline = (...actions: Transition['actions']): Transition['actions'] => [...actions, 'applyDeadline'];

function internalLevelStates(form: AwardForm, level: Level, next: Level | undefined, isEntry: boolean) {
  const votes = form.levels[level]!.council.kind !== 'standing-body';
  const withdraw = isEntry ? { WITHDRAW: { target: '#nomination.withdrawn', actions: withDeadline('recordWithdrawal') } } : {};
  const reject = (step: string, guard: string): Transition => ({
    target: '#nomination.rejected',
    guard,
    actions: withDeadline({ type: 'recordRejection', params: { step } }),
  });
  const councilReviewState = () => ({
      on: {
        COUNCIL_APPROVED: { target: 'awaitingSignature', guard: 'councilApproves', actions: withDeadline('recordCouncilResult') },
        COUNCIL_REJECTED: {
          target: '#nomination.rejected',
          guard: 'councilRejects',
          actions: withDeadline('recordCouncilResult', { type: 'recordRejection', params: { step: 'council' } }),
        },
      },
  });
  const states: Record<string, unknown> = {
    received: { on: { ACCEPT: { target: 'appraisal', actions: withDeadline() }, ...withdraw } },
    appraisal: {
      on: {
        REQUEST_SUPPLEMENT: {
          target: 'supplementRequested',
          guard: 'isSupplementRequestComplete',
          actions: withDeadline('recordSupplementRequest'),
        },
        APPRAISAL_PASSED: { target: votes ? 'councilReview' : 'awaitingSignature', actions: withDeadline() },
        APPRAISAL_REJECTED: reject('appraisal', 'hasReason'),
        ...withdraw,
      },
    },
    supplementRequested: {
      on: { RESUBMIT: { target: 'appraisal', actions: withDeadline('recordResubmission') }, ...withdraw },
    },
    ...(votes ? { councilReview: councilReviewState() } : {}),
    awaitingSignature: {
      on: {
        SIGN: {
          target: next ? `#nomination.${next}` : '#nomination.awarded',
          guard: 'isSignatureNumbered',
          actions: withDeadline({ type: 'recordSignature', params: { act: next ? 'submission' : 'decision' } }),
        },
        DECLINED: reject('signature', 'hasReason'),
      },
    },
  };
  return { initial: 'received', states };
}

function externalLevelStates() {
  return {
    initial: 'awaitingExternalDecision',
    states: {
      awaitingExternalDecision: {
        on: {
          RECORD_EXTERNAL_DECISION: {
            target: '#nomination.awarded',
            guard: 'isExternalDocumentIdentified',
            actions: withDeadline('recordExternalDecision'),
          },
          RECORD_EXTERNAL_REJECTION: {
            target: '#nomination.rejected',
            guard: 'isExternalDocumentIdentified',
            actions: withDeadline('recordExternalDecision', { type: 'recordRejection', params: { step: 'external' } }),
          },
        },
      },
    },
  };
}

/** The machine's configuration as data, from the form's route and its levels' council rules. */
export function nominationMachineConfig(form: AwardForm, options: MachineOptions) {
  const levelStates: Record<string, unknown> = {};
  for (const level of form.entryLevels) {
    levelStates[level] = options.externalLevels.includes(level)
      ? externalLevelStates()
      : internalLevelStates(form, level, form.upperLevels[0], true);
  }
  form.upperLevels.forEach((level, index) => {
    levelStates[level] = options.externalLevels.includes(level)
      ? externalLevelStates()
      : internalLevelStates(form, level, form.upperLevels[index + 1], false);
  });
  return {
    id: 'nomination',
    initial: 'draft',
    states: {
      draft: {
        on: {
          SUBMIT: form.entryLevels.map((level) => ({
            target: level,
            guard: { type: 'entersAt', params: { level } },
            actions: withDeadline('recordSubmission'),
          })),
          WITHDRAW: { target: 'withdrawn', actions: withDeadline('recordWithdrawal') },
        },
      },
      ...levelStates,
      awarded: {
        on: { REVOKE: { target: 'revoked', guard: 'isRevocationJustified', actions: withDeadline('recordRevocation') } },
      },
      rejected: { type: 'final' },
      withdrawn: { type: 'final' },
      revoked: { type: 'final' },
    },
  };
}

export function buildNominationMachine(form: AwardForm, options: MachineOptions) {
  const config = nominationMachineConfig(form, options);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ config, councils: form.levels, quorum: options.quorum }))
    .digest('hex')
    .slice(0, 12);
  const machine = buildSetup({ form, quorum: options.quorum }).createMachine({
    ...(config as object),
    context: ({ input }: { input: NominationInput }): NominationContext => ({
      formCode: input.formCode,
      route: [input.entryLevel, ...form.upperLevels],
      levelIndex: 0,
      submittedAt: null,
      supplementRounds: [],
      councilResults: [],
      signatures: [],
      externalDecision: null,
      rejection: null,
      withdrawal: null,
      revocation: null,
      deadline: null,
    }),
  } as never) as unknown as AnyStateMachine;
  return { machine, version: `${MACHINE_BUILDER_VERSION}.${fingerprint}` };
}

/** Typed loosely: the configuration is generated per form, so XState cannot infer its state values. */
export type NominationMachine = AnyStateMachine;
