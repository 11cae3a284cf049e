import { addCalendarDays, addWorkingDays, vietnamDate } from '../calendar/working-days';
import type { AwardForm, Level } from '../catalog/types';
import type { NominationContext } from './nomination-context';
import type { Deadline, NominationEvent } from './nomination-events';

/**
 * The due date of the step a nomination has just entered, from the rule set: each level's appraisal runs from a
 * complete dossier (its receipt, or the answer to a supplement request) to the signer; a supplement request runs
 * to the date the appraiser set. Computed by the service and carried in the event, never an XState timer.
 */
export function deadlineAfter(
  form: AwardForm,
  previous: NominationContext,
  statePath: string,
  event: NominationEvent,
  daysOff: ReadonlySet<string> = new Set(),
): Deadline | null {
  const [head, step] = statePath.split('.');
  if (!step) return null;
  const level = head as Level;
  const startedAt = event.at;
  const appraisalDeadline = (): Deadline => {
    const rule = form.levels[level]!;
    const start = vietnamDate(startedAt);
    const dueDate = rule.appraisalCalendarDays
      ? addCalendarDays(start, rule.appraisalWorkingDays)
      : addWorkingDays(start, rule.appraisalWorkingDays, daysOff);
    return { level, step: 'appraisal', dueDate, startedAt };
  };
  switch (step) {
    case 'received':
      return appraisalDeadline();
    case 'appraisal':
      return event.type === 'RESUBMIT' ? appraisalDeadline() : previous.deadline;
    case 'supplementRequested':
      return event.type === 'REQUEST_SUPPLEMENT' ? { level, step: 'supplement', dueDate: event.dueDate, startedAt } : null;
    case 'councilReview':
      return previous.deadline;
    case 'awaitingExternalDecision': {
      const rule = form.levels[level];
      return rule
        ? { level, step: 'externalDecision', dueDate: addWorkingDays(vietnamDate(startedAt), rule.appraisalWorkingDays, daysOff), startedAt }
        : null;
    }
    default:
      return null;
  }
}
