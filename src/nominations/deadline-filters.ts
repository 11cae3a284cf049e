import type { SelectQueryBuilder } from 'typeorm';
import { addCalendarDays } from '../../workflows';
import type { ListNominationsQuery } from './dto/create-nomination.dto';
import type { NominationEntity } from './nomination.entity';

/** States whose `due_date` no longer binds anyone. */
export const STATES_WITHOUT_DEADLINE = ['draft', 'awarded', 'rejected', 'withdrawn', 'revoked'];

/**
 * `?overdue=true`: the current step's due date is before today (Vietnam date); `?overdue=false`: the rest.
 * `?dueWithinDays=N`: due from today to today + N, so not yet overdue. Dates are `YYYY-MM-DD`, compared as text.
 */
export function filterByDeadline(
  builder: SelectQueryBuilder<NominationEntity>,
  query: Pick<ListNominationsQuery, 'overdue' | 'dueWithinDays'>,
  today: string,
): void {
  const open = 'n.due_date IS NOT NULL AND n.state NOT IN (:...withoutDeadline)';
  const parameters = { withoutDeadline: STATES_WITHOUT_DEADLINE, today };
  if (query.overdue === 'true') builder.andWhere(`(${open} AND n.due_date < :today)`, parameters);
  if (query.overdue === 'false') builder.andWhere(`NOT (${open} AND n.due_date < :today)`, parameters);
  if (query.dueWithinDays !== undefined) {
    const last = addCalendarDays(today, Number(query.dueWithinDays));
    builder.andWhere(`(${open} AND n.due_date >= :today AND n.due_date <= :dueLast)`, { ...parameters, dueLast: last });
  }
}
