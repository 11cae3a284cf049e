import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { vietnamDate } from '../../workflows';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import { STATES_WITHOUT_DEADLINE } from '../nominations/deadline-filters';
import { NominationReader } from '../nominations/nomination-reader';
import { NominationEntity } from '../nominations/nomination.entity';
import type { JobLease, ScheduledJob } from '../scheduler/scheduled-job';
import { insertNotifications } from './notification-step.listener';
import { nominationSubject, overdueMessage, waitingPhrase } from './notification-messages';
import { nextActors, usersHolding } from './notification-recipients';
import { ReminderSentEntity } from './reminder-sent.entity';

const BATCH = 200;

/** Rolls back a reminder whose nomination moved on between the query and the transaction. */
class NoLongerOverdue extends Error {}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}

/**
 * Reminds the people who must act on a nomination whose step deadline (`due_date`, a Vietnam date) has passed.
 * Each (nomination, state, due date) is reminded once: the `reminders_sent` row and its notifications commit
 * together, and its primary key refuses a second one from another run, a restart or another instance.
 */
@Injectable()
export class OverdueRemindersJob implements ScheduledJob {
  readonly name = 'overdue-reminders';
  readonly intervalSeconds: number;
  readonly leaseSeconds = 600;
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly reader: NominationReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.intervalSeconds = config.scheduler.reminderIntervalSeconds;
  }

  async run(lease: JobLease, now = new Date()): Promise<Record<string, number>> {
    const today = vietnamDate(now);
    let reminded = 0;
    let notified = 0;
    for (let done = false; !done; ) {
      const overdue = await this.dataSource
        .getRepository(NominationEntity)
        .createQueryBuilder('n')
        .where('n.due_date IS NOT NULL AND n.due_date < :today', { today })
        .andWhere('n.state NOT IN (:...finished)', { finished: STATES_WITHOUT_DEADLINE })
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.nomination_id = n.id AND r.state = n.state AND r.due_date = n.due_date)',
        )
        .orderBy('n.due_date', 'ASC')
        .addOrderBy('n.id', 'ASC')
        .take(BATCH)
        .getMany();
      let progressed = false;
      for (const row of overdue) {
        if (lease.expiresWithin(60)) return { reminded, notified };
        const sent = await this.remind(row, now);
        if (sent !== null) {
          progressed = true;
          reminded += 1;
          notified += sent;
        }
      }
      done = overdue.length < BATCH || !progressed;
    }
    return { reminded, notified };
  }

  /** One nomination's reminder in its own transaction; null if it was already sent or the nomination moved on. */
  private async remind(candidate: NominationEntity, now: Date): Promise<number | null> {
    const at = now.toISOString();
    try {
      return await this.writes.transaction(async (manager) => {
        // The key first: a reminder already sent stops here, before anything is read.
        await manager.insert(ReminderSentEntity, { nominationId: candidate.id, state: candidate.state, dueDate: candidate.dueDate!, sentAt: at });
        const row = await manager.findOneBy(NominationEntity, { id: candidate.id });
        if (!row || row.state !== candidate.state || row.dueDate !== candidate.dueDate) throw new NoLongerOverdue();
        const { workflow, snapshot } = this.reader.restore(row);
        const users = await usersHolding(manager, nextActors(row, workflow, snapshot, this.config.externalLevels));
        const message = overdueMessage(nominationSubject(workflow.form, row.nomineeName), row.dueDate!, waitingPhrase(workflow.form, row.state, snapshot.context));
        await insertNotifications(
          manager,
          users.map((userId) => ({ userId, nominationId: row.id, kind: 'overdue' as const, eventType: 'OVERDUE', state: row.state, message, createdAt: at })),
        );
        return users.length;
      });
    } catch (error) {
      if (error instanceof NoLongerOverdue || isUniqueViolation(error)) return null;
      if (error instanceof AppError) {
        // An unrestorable snapshot is answered 409 to the people; here it must not stop the other reminders.
        this.logger.warn(JSON.stringify({ nomination: candidate.id, reminder: 'skipped', code: error.code }));
        return null;
      }
      throw error;
    }
  }
}
