import type { Operation, UsagePlan } from './rate-limits.ts';
import { usagePlans } from './rate-limits.ts';

/**
 * Token buckets per operation (as Amazon meters them: a burst that refills at the rate), one per connection.
 * `take` waits until a call is allowed; `observe` takes the rate Amazon says (x-amzn-RateLimit-Limit).
 */
export class Throttle {
  private readonly buckets = new Map<Operation, { plan: UsagePlan; tokens: number; at: number }>();

  constructor(private readonly sleep: (ms: number) => Promise<void> = delay) {}

  async take(op: Operation): Promise<void> {
    const b = this.bucket(op);
    for (;;) {
      const now = Date.now();
      b.tokens = Math.min(b.plan.burst, b.tokens + ((now - b.at) / 1000) * b.plan.rate);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - b.tokens) / b.plan.rate) * 1000));
    }
  }

  /** The rate a response announced; never above it, and never faster than the bucket already holds. */
  observe(op: Operation, header: string | null): void {
    const rate = header === null ? NaN : Number(header);
    if (!Number.isFinite(rate) || rate <= 0) return;
    this.bucket(op).plan = { ...this.bucket(op).plan, rate };
  }

  /** After a 429: the bucket is empty whatever it thought. */
  drain(op: Operation): void {
    const b = this.bucket(op);
    b.tokens = 0;
    b.at = Date.now();
  }

  private bucket(op: Operation) {
    let b = this.buckets.get(op);
    if (!b) {
      const plan = usagePlans[op];
      b = { plan, tokens: plan.burst, at: Date.now() };
      this.buckets.set(op, b);
    }
    return b;
  }
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
