import { describe, expect, it } from 'vitest';
import { CallLimiter } from '../../src/verifiers/llm/limits.js';
import { retryAfterMs } from '../../src/verifiers/llm/client.js';
import { agreesWithinTolerance, voteOn } from '../../src/verifiers/llm/vote.js';

/** A clock that only moves when the limiter sleeps, so the test measures no real time. */
function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

describe('call limits', () => {
  it('keeps at most `concurrency` calls in flight', async () => {
    const limiter = new CallLimiter({ concurrency: 2 });
    let active = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const calls = [0, 1, 2, 3].map(() =>
      limiter.run(1, async () => {
        peak = Math.max(peak, ++active);
        await new Promise<void>((resolve) => release.push(resolve));
        active--;
      }),
    );
    while (release.length < 2) await new Promise((r) => setImmediate(r));
    expect(peak).toBe(2);
    while (release.length > 0 || active > 0) {
      release.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(calls);
    expect(peak).toBe(2);
  });

  it('waits out the sliding minute for requests and tokens per minute', async () => {
    const clock = fakeClock();
    const rpm = new CallLimiter({ concurrency: 1, requestsPerMinute: 2 }, clock);
    for (let k = 0; k < 3; k++) await rpm.run(1, async () => undefined);
    expect(clock.sleeps).toEqual([60_005]);
    const clock2 = fakeClock();
    const tpm = new CallLimiter({ concurrency: 1, tokensPerMinute: 1000 }, clock2);
    await tpm.run(600, async () => undefined);
    await tpm.run(600, async () => undefined);
    expect(clock2.sleeps).toEqual([60_005]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 02 Dec 2026 08:00:10 GMT', Date.parse('Wed, 02 Dec 2026 08:00:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('clustering with the benchmark tolerance', () => {
  it('±5% for decimals, exact integers and dates, N/A only with N/A', () => {
    expect(agreesWithinTolerance('decimal', 100, 104.9)).toBe(true);
    expect(agreesWithinTolerance('decimal', 100, 105.1)).toBe(false);
    expect(agreesWithinTolerance('integer', 3, 4)).toBe(false);
    expect(agreesWithinTolerance('date', '10/16/2024', '10/16/2024')).toBe(true);
    expect(agreesWithinTolerance('decimal', null, 0)).toBe(false);
    expect(agreesWithinTolerance('gestational-age', [4, 2], [4, 2])).toBe(true);
  });

  it('a tie between the two largest clusters is never decided', () => {
    const v = voteOn(
      'integer',
      [1, 1, 2, 2].map((value, run) => ({ run, value, ok: true })),
      2,
    );
    expect(v.decided).toBe(false);
    expect(v.clusters.map((c) => c.runs)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
