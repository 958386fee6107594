import { describe, expect, it } from 'vitest';
import {
  alertRuleSchema,
  createAlertSchema,
  holdMs,
  INITIAL_RULE_STATE,
  measure,
  stepRule,
  type AlertRule,
  type RuleState,
} from '@/lib/alerts/rules';

const profits = (entries: Record<string, number | null>) => new Map(Object.entries(entries));

describe('measure', () => {
  it('beats-current: another coin above the current profit plus the margin', () => {
    const rule = alertRuleSchema.parse({ kind: 'beats-current', coin: 'rvn', marginPercent: 10 });
    // RVN $1.00/day: the bar is 1.00 + 10 % = $1.10. ERG at $1.09 does not beat it; at $1.11 it does.
    expect(measure(rule, { profitUsdPerDay: profits({ RVN: 1, ERG: 1.09 }) }).holds).toBe(false);
    const m = measure(rule, { profitUsdPerDay: profits({ RVN: 1, ERG: 1.11, NOPE: null }) });
    expect(m).toEqual({ holds: true, figures: { coin: 'RVN', profit: 1, best: 'ERG', bestProfit: 1.11 } });
    // A loss of $2/day is beaten by anything above −2 + 10 % of 2 = −1.8.
    expect(measure(rule, { profitUsdPerDay: profits({ RVN: -2, ERG: -1.7 }) }).holds).toBe(true);
    expect(measure(rule, { profitUsdPerDay: profits({ RVN: null, ERG: 5 }) }).holds).toBe(false);
  });

  it('profit-below / profit-above a threshold; an unknown profit never holds', () => {
    const below = alertRuleSchema.parse({ kind: 'profit-below', coin: 'RVN', usdPerDay: 0 });
    expect(measure(below, { profitUsdPerDay: profits({ RVN: -0.01 }) }).holds).toBe(true);
    expect(measure(below, { profitUsdPerDay: profits({ RVN: 0 }) }).holds).toBe(false);
    expect(measure(below, { profitUsdPerDay: profits({}) }).holds).toBe(false);
    const above = alertRuleSchema.parse({ kind: 'profit-above', coin: 'RVN', usdPerDay: 2 });
    expect(measure(above, { profitUsdPerDay: profits({ RVN: 2.5 }) }).holds).toBe(true);
  });

  it('difficulty-rise: now against the lowest in the window', () => {
    const rule = alertRuleSchema.parse({ kind: 'difficulty-rise', coin: 'RVN', percent: 50 });
    // 150,000 / 100,000 = +50 %: holds (≥). 149,999: +49.999 %: does not.
    expect(measure(rule, { profitUsdPerDay: profits({}), difficultyNow: 150_000, difficultyLowest: 100_000 }).holds).toBe(true);
    expect(measure(rule, { profitUsdPerDay: profits({}), difficultyNow: 149_999, difficultyLowest: 100_000 }).holds).toBe(false);
    expect(measure(rule, { profitUsdPerDay: profits({}), difficultyNow: 150_000, difficultyLowest: null }).holds).toBe(false);
  });
});

describe('stepRule: hysteresis over a recorded sequence', () => {
  it('fires once after holding 2 h, stays quiet while it holds, clears, and fires again', () => {
    const rule: AlertRule = alertRuleSchema.parse({ kind: 'profit-below', coin: 'RVN', usdPerDay: 0, forMinutes: 120 });
    const H = 3_600_000;
    // Snapshots every hour: profit (USD/day) at t = 0…7 h.
    //   t: 0     1     2     3     4     5     6     7     8     9
    //   p: +0.1  −0.1  −0.2  −0.3  −0.1  +0.2  −0.5  −0.4  −0.3  −0.2
    // Holds from 1 h; has held 2 h at 3 h → fires at 3 h (once); clears at 5 h; holds again from
    // 6 h, 2 h later at 8 h → fires again.
    const sequence = [0.1, -0.1, -0.2, -0.3, -0.1, 0.2, -0.5, -0.4, -0.3, -0.2];
    let state: RuleState = INITIAL_RULE_STATE;
    const fired: number[] = [];
    sequence.forEach((profit, hour) => {
      const holds = measure(rule, { profitUsdPerDay: profits({ RVN: profit }) }).holds;
      const step = stepRule(state, holds, hour * H, holdMs(rule));
      state = step.state;
      if (step.fire) fired.push(hour);
    });
    expect(fired).toEqual([3, 8]);
  });

  it('fires at once for a rule with no hold time, and only once per episode', () => {
    let state = INITIAL_RULE_STATE;
    const fires = [true, true, false, true].map((holds, i) => {
      const step = stepRule(state, holds, i * 1000, 0);
      state = step.state;
      return step.fire;
    });
    expect(fires).toEqual([true, false, false, true]);
  });
});

describe('createAlertSchema', () => {
  it('names the bad field', () => {
    const bad = createAlertSchema.safeParse({
      rule: { kind: 'profit-below', coin: 'R', usdPerDay: 0 },
      destination: { kind: 'webhook', url: 'ftp://x' },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('rule.coin');
    expect(paths).toContain('destination.url');
  });
});
