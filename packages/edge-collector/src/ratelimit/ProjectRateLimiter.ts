import { DurableObject } from 'cloudflare:workers';

interface Window {
  /** Start of the minute, milliseconds since the epoch. */
  minute: number;
  quantity: number;
}

/**
 * One project's rate-limit counters, one Durable Object per project (named by its
 * id). A Durable Object runs one call at a time, so taking quota is exact without
 * any D1 write: the count for the current minute lives in memory and in the
 * object's own storage, so an evicted object resumes where it was.
 */
export class ProjectRateLimiter extends DurableObject {
  private readonly windows = new Map<string, Window>();

  /**
   * Takes one item of quota from `category`'s counter for the minute of `now` unless
   * it already holds `limit`. False when the minute is full (nothing is taken then).
   */
  async take(category: string, limit: number, now: number): Promise<boolean> {
    const minute = now - (now % 60_000);
    let window = this.windows.get(category);
    if (!window) window = await this.ctx.storage.get<Window>(category);
    if (!window || window.minute !== minute) window = { minute, quantity: 0 };
    this.windows.set(category, window);
    if (window.quantity >= limit) return false;
    window.quantity += 1;
    await this.ctx.storage.put(category, window);
    return true;
  }
}
