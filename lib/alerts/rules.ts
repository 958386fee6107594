// Alert rules: what a user asks to be told, checked against each new snapshot for their rig, with
// hysteresis (a condition must hold for its stated time, fires once, and fires again only after it
// has cleared). Pure: snapshots' figures in, decisions out; the server stores state and delivers.
import { z } from 'zod';

const TAG = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{2,10}$/, 'a ticker of 2–10 letters or digits')
  .transform((s) => s.toUpperCase());
const MINUTES = z.number().int().min(0).max(7 * 24 * 60);

/** The ranking URL's query (the rig, electricity, fee…), e.g. "hr.kawpow=30M&w.kawpow=200&kwh=0.1". */
const VIEW = z.string().max(2_000).default('');

export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    /** Any coin beats `coin` (the one being mined) by marginPercent for forMinutes. */
    kind: z.literal('beats-current'),
    coin: TAG,
    marginPercent: z.number().min(0).max(1_000).default(10),
    forMinutes: MINUTES.default(120),
    view: VIEW,
  }),
  z.object({
    /** `coin`'s profit for this rig (USD/day) is below usdPerDay for forMinutes. */
    kind: z.literal('profit-below'),
    coin: TAG,
    usdPerDay: z.number().min(-1e6).max(1e6),
    forMinutes: MINUTES.default(0),
    view: VIEW,
  }),
  z.object({
    kind: z.literal('profit-above'),
    coin: TAG,
    usdPerDay: z.number().min(-1e6).max(1e6),
    forMinutes: MINUTES.default(0),
    view: VIEW,
  }),
  z.object({
    /** `coin`'s difficulty rose by percent or more within withinHours. */
    kind: z.literal('difficulty-rise'),
    coin: TAG,
    percent: z.number().gt(0).max(100_000),
    withinHours: z.number().int().min(1).max(168).default(24),
    view: VIEW,
  }),
]);
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const ALERT_CHANNELS = ['webhook', 'ntfy', 'telegram', 'email'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

const httpUrl = z
  .string()
  .max(2_000)
  .url('a URL')
  .refine((u) => /^https?:\/\//i.test(u), 'an http:// or https:// URL');

export const alertDestinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), url: httpUrl, format: z.enum(['json', 'discord', 'slack']).default('json') }),
  /** ntfy: the topic's URL (https://ntfy.sh/<topic> or a self-hosted server). */
  z.object({ kind: z.literal('ntfy'), url: httpUrl }),
  z.object({
    kind: z.literal('telegram'),
    botToken: z.string().regex(/^\d{3,12}:[A-Za-z0-9_-]{20,80}$/, 'a bot token (<digits>:<secret>)'),
    chatId: z.string().regex(/^-?\d{1,20}$|^@[A-Za-z0-9_]{5,32}$/, 'a chat id or @channel'),
  }),
  z.object({ kind: z.literal('email'), to: z.string().max(254).email('an e-mail address') }),
]);
export type AlertDestination = z.infer<typeof alertDestinationSchema>;

export const createAlertSchema = z.object({ rule: alertRuleSchema, destination: alertDestinationSchema });

/** What a rule needs to know about one snapshot, for the rule's own rig. */
export type RuleInputs = {
  /** Profit (USD/day) by coin tag for the rule's rig; null where it cannot be estimated. */
  profitUsdPerDay: ReadonlyMap<string, number | null>;
  /** `coin`'s difficulty now and the lowest recorded within the rule's window (difficulty-rise). */
  difficultyNow?: number | null;
  difficultyLowest?: number | null;
};

export type Measurement = {
  holds: boolean;
  /** The figures behind the decision, for the message and the delivery log. */
  figures: Record<string, number | string | null>;
};

/** Whether the rule's condition holds on these inputs, and the figures that say so. */
export function measure(rule: AlertRule, inputs: RuleInputs): Measurement {
  const own = inputs.profitUsdPerDay.get(rule.coin) ?? null;
  switch (rule.kind) {
    case 'beats-current': {
      let best: { tag: string; profit: number } | null = null;
      for (const [tag, profit] of inputs.profitUsdPerDay) {
        if (tag === rule.coin || profit === null) continue;
        if (!best || profit > best.profit) best = { tag, profit };
      }
      if (own === null || best === null) return { holds: false, figures: { coin: rule.coin, profit: own, best: best?.tag ?? null } };
      // "Beats by 10 %": more than the current profit plus 10 % of its size (of |profit|, so a loss is beaten too).
      const bar = own + (Math.abs(own) * rule.marginPercent) / 100;
      return { holds: best.profit > bar, figures: { coin: rule.coin, profit: own, best: best.tag, bestProfit: best.profit } };
    }
    case 'profit-below':
      return { holds: own !== null && own < rule.usdPerDay, figures: { coin: rule.coin, profit: own, threshold: rule.usdPerDay } };
    case 'profit-above':
      return { holds: own !== null && own > rule.usdPerDay, figures: { coin: rule.coin, profit: own, threshold: rule.usdPerDay } };
    case 'difficulty-rise': {
      const now = inputs.difficultyNow ?? null;
      const low = inputs.difficultyLowest ?? null;
      if (now === null || low === null || !(low > 0)) return { holds: false, figures: { coin: rule.coin, difficulty: now, lowest: low } };
      const risePercent = (now / low - 1) * 100;
      return { holds: risePercent >= rule.percent, figures: { coin: rule.coin, difficulty: now, lowest: low, risePercent } };
    }
  }
}

/** How long a condition must hold before it fires, in ms. */
export function holdMs(rule: AlertRule): number {
  return rule.kind === 'difficulty-rise' ? 0 : rule.forMinutes * 60_000;
}

/** A rule's hysteresis state, stored with it. */
export type RuleState = {
  /** Epoch ms since which the condition has held without a break; null while it does not hold. */
  holdingSince: number | null;
  /** True from a firing until the condition clears: a rule fires once per episode. */
  fired: boolean;
};

export const INITIAL_RULE_STATE: RuleState = { holdingSince: null, fired: false };

/**
 * One evaluation: the condition holds (or not) at `now`. Fires when it has held for `forMs`
 * (from the first snapshot it held in) and has not fired in this episode; clears when it stops holding.
 */
export function stepRule(state: RuleState, holds: boolean, now: number, forMs: number): { state: RuleState; fire: boolean } {
  if (!holds) return { state: INITIAL_RULE_STATE, fire: false };
  const holdingSince = state.holdingSince ?? now;
  if (state.fired || now - holdingSince < forMs) return { state: { holdingSince, fired: state.fired }, fire: false };
  return { state: { holdingSince, fired: true }, fire: true };
}
