import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per background job: the lease that lets exactly one instance run it at a time. */
@Entity('scheduled_jobs')
export class ScheduledJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** The holder's lease ends here (ISO UTC); null or past means anyone may claim it. */
  @Column({ name: 'locked_until', type: 'varchar', length: 32, nullable: true })
  lockedUntil: string | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 120, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'last_run_at', type: 'varchar', length: 32, nullable: true })
  lastRunAt: string | null;

  @Column({ name: 'last_finished_at', type: 'varchar', length: 32, nullable: true })
  lastFinishedAt: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
