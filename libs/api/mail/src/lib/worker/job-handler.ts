import type { Job } from 'bullmq';
import { JobName, JobPayloads } from '../queue/queue.constants';

/** One handler per job name; the worker refuses to start when one is missing or doubled. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(job: Job<JobPayloads[N]>, token?: string): Promise<unknown>;
  /** After the last attempt (or a permanent error, or a job stalled too often). */
  onFinalFailure?(job: Job<JobPayloads[N]>, error: Error): Promise<void>;
}

/** Indexes handlers by job name; throws listing every job name without exactly one handler. */
export function indexHandlers(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const h of handlers) {
    if (byName.has(h.jobName)) problems.push(`job "${h.jobName}" has two handlers`);
    byName.set(h.jobName, h);
  }
  for (const name of Object.values(JobName)) if (!byName.has(name)) problems.push(`job "${name}" has no handler`);
  if (problems.length) throw new Error(`The worker cannot start: ${problems.join('; ')}`);
  return byName;
}
