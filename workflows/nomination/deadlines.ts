import { addCalendarDays, vietnamDate, WEEKENDS_ONLY, type WorkingDays } from '../calendar/working-days';
import type { AwardForm, Level } from '../catalog/types';
import type { NominationContext } from './nomination-context';
import type { Deadline, NominationEvent } from './nomination-events';

/**
 * The due date of the step a nomination has just entered, from the rule set: each level's appraisal runs from a
 * complete dossier (its receipt, or the answer to a supplement request) to the signer; a supplement request runs
 * to the date the appraiser set. Computed by the service and carried in the event, never an XState timer.
 * Working days are the `calendar`'s (the service passes the `WorkingCalendar`: holidays, Tết, the yearly days off).
 */
export function deadlineAfter(
  form: AwardForm,
  previous: NominationContext,
  statePath: string,
  event: NominationEvent,
  calendar: WorkingDays = WEEKENDS_ONLY,
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
      : calendar.addWorkingDays(start, rule.appraisalWorkingDays);
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
        ? { level, step: 'externalDecision', dueDate: calendar.addWorkingDays(vietnamDate(startedAt), rule.appraisalWorkingDays), startedAt }
        : null;
    }
    default:
      return null;
  }
}
