import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobLeases } from './job-leases';
import { SCHEDULED_JOBS, type JobRun, type ScheduledJob } from './scheduled-job';

/**
 * Ticks every registered job on its interval (`setInterval`, unref'd so it never keeps the process alive) when
 * `SCHEDULER_ENABLED`; each tick runs the job only if this instance claims its lease. Stops with the application
 * and waits for a run in progress, so the database is not closed under it.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Scheduler');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly ticking = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly leases: JobLeases,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SCHEDULED_JOBS) private readonly jobs: ScheduledJob[],
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.scheduler.enabled) return;
    for (const job of this.jobs) {
      const timer = setInterval(() => this.tick(job), job.intervalSeconds * 1000);
      timer.unref();
      this.timers.push(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Runs a job now if this instance can claim its lease, whatever the interval (operators and tests). */
  runNow(name: string): Promise<JobRun> {
    const job = this.jobs.find((candidate) => candidate.name === name);
    if (!job) throw new Error(`Không có tác vụ nền "${name}" (có: ${this.jobs.map((j) => j.name).join(', ')})`);
    return this.track(this.run(job, 0));
  }

  private tick(job: ScheduledJob): void {
    if (this.stopped || this.ticking.has(job.name)) return;
    this.ticking.add(job.name);
    // Instances tick on their own clocks: a job that started within 90 % of its interval is not started again.
    this.track(this.run(job, job.intervalSeconds * 0.9))
      .catch((error: Error) => this.logger.error(JSON.stringify({ job: job.name, error: error.message })))
      .finally(() => this.ticking.delete(job.name));
  }

  private async run(job: ScheduledJob, minGapSeconds: number): Promise<JobRun> {
    const lease = await this.leases.claim(job.name, job.leaseSeconds, minGapSeconds);
    if (!lease) return { job: job.name, claimed: false };
    let result: Record<string, number>;
    try {
      result = await job.run(lease);
    } catch (error) {
      await this.leases.release(lease, (error as Error).message).catch(() => undefined);
      throw error;
    }
    await this.leases.release(lease, null);
    if (Object.values(result).some((count) => count > 0)) this.logger.log(JSON.stringify({ job: job.name, ...result }));
    return { job: job.name, claimed: true, result };
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }
}
