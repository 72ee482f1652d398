/**
 * Concurrency and per-minute limits for calls: at most `concurrency` in flight, at most
 * `requestsPerMinute` started and `tokensPerMinute` estimated tokens spent in any sliding minute.
 */
export class CallLimiter {
  private active = 0;
  private waiting: (() => void)[] = [];
  private recent: { at: number; tokens: number }[] = [];

  private readonly clock: { now(): number; sleep(ms: number): Promise<void> };

  constructor(
    private readonly limits: { concurrency: number; requestsPerMinute?: number; tokensPerMinute?: number },
    clock?: { now(): number; sleep(ms: number): Promise<void> },
  ) {
    this.clock = clock ?? { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
  }

  async run<T>(tokens: number, fn: () => Promise<T>): Promise<T> {
    await this.slot();
    try {
      await this.rate(tokens);
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async slot(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
  }

  private async rate(tokens: number): Promise<void> {
    const { requestsPerMinute: rpm, tokensPerMinute: tpm } = this.limits;
    for (;;) {
      const now = this.clock.now();
      this.recent = this.recent.filter((r) => now - r.at < 60_000);
      const used = this.recent.reduce((n, r) => n + r.tokens, 0);
      const okRequests = rpm === undefined || this.recent.length < rpm;
      const okTokens = tpm === undefined || this.recent.length === 0 || used + tokens <= tpm;
      if (okRequests && okTokens) {
        this.recent.push({ at: now, tokens });
        return;
      }
      const wait = 60_000 - (now - this.recent[0].at) + 5;
      await this.clock.sleep(wait);
    }
  }
}
