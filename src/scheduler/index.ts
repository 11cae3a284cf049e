import { JobLeases } from './job-leases';
import { Scheduler } from './scheduler.service';

export { JobLeases, Scheduler };
export { SCHEDULED_JOBS, type JobLease, type JobRun, type ScheduledJob } from './scheduled-job';

export const SCHEDULER_PROVIDERS = [JobLeases, Scheduler];
