/** The claim one instance holds on a job while it runs it. */
export interface JobLease {
  readonly job: string;
  readonly owner: string;
  readonly until: Date;
  /** True once less than `marginSeconds` of the lease is left: finish the item in hand and take no more. */
  expiresWithin(marginSeconds: number): boolean;
}

/**
 * Background work that must run once across every instance sharing the database (overdue reminders, webhook
 * delivery). Each run holds the job's lease; the work itself must still be idempotent, since a lease can expire.
 */
export interface ScheduledJob {
  readonly name: string;
  /** How often each instance tries to claim it. */
  readonly intervalSeconds: number;
  /** How long a claim lasts: longer than a run ever takes. */
  readonly leaseSeconds: number;
  /** Counts of what the run did, for the log and the tests. */
  run(lease: JobLease): Promise<Record<string, number>>;
}

export type JobRun = { job: string; claimed: false } | { job: string; claimed: true; result: Record<string, number> };

export const SCHEDULED_JOBS = Symbol('SCHEDULED_JOBS');
