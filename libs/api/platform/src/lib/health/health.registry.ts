import { Injectable } from '@nestjs/common';

export type HealthContributor = () => Promise<Record<string, unknown>>;

/** Other modules (queues, outbox) add their figures to GET /health through this registry. */
@Injectable()
export class HealthRegistry {
  private readonly contributors = new Map<string, HealthContributor>();
  register(name: string, contributor: HealthContributor) {
    this.contributors.set(name, contributor);
  }
  async collect(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of this.contributors) {
      try {
        Object.assign(out, { [name]: await withTimeout(fn(), 1500) });
      } catch {
        out[name] = 'unavailable';
      }
    }
    return out;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
