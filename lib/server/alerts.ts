// Alerts at run time: each snapshot this instance refreshed (a refresh event; scaled out, only the
// refreshing instance publishes, so each firing is evaluated and delivered once) is checked against
// every active rule for the rule's own rig, with hysteresis; a firing is delivered with retries and
// backoff, logged per rule, and a destination failing for a day is paused. Also the API's actions.
import 'server-only';
import nodemailer from 'nodemailer';
import { alertMessage, deliveryFor, PAUSE_AFTER_FAILING_MS, RETRY_DELAYS_MS } from '@/lib/alerts/deliver';
import { holdMs, measure, stepRule, type AlertDestination, type AlertRule } from '@/lib/alerts/rules';
import type { AlertStore, StoredRule } from '@/lib/alerts/store';
import type { HistoryStore } from '@/lib/history/store';
import type { Env } from '@/lib/infra/env';
import { log } from '@/lib/infra/log';
import { errorMessage } from '@/lib/infra/outage';
import { DAY_MS, HOUR_MS } from '@/lib/mining/time';
import type { Snapshot } from '@/lib/model/types';
import { buildView } from '@/lib/ranking/view';
import { postJsonForEffect } from '@/lib/sources/chain/request';
import { parseDashboardParams } from '@/lib/url/search-params';

export type AlertDeps = {
  store: AlertStore;
  env: Pick<Env, 'ALERT_CHANNELS' | 'ALERTS_ALLOW_PRIVATE' | 'ALERT_DELIVERIES_PER_RULE_PER_DAY' | 'SITE_URL' | 'SMTP_URL' | 'SMTP_FROM'>;
  history: Pick<HistoryStore, 'series'> | null;
  now?: () => number;
  /** Waits between retries (tests shorten them). */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  /** True while the database is known to be down (its outage is logged once there). */
  isDown?: () => boolean;
};

/** The rule's link: its view of the ranking. */
function viewLink(siteUrl: string, rule: AlertRule): string {
  const query = rule.view.replace(/^\?/, '');
  return `${siteUrl}/${query ? `?${query}` : ''}`;
}

async function lowestDifficulty(deps: AlertDeps, rule: AlertRule & { kind: 'difficulty-rise' }, snapshot: Snapshot, now: number) {
  const coin = snapshot.coins.find((c) => c.tag.toUpperCase() === rule.coin);
  const current = coin?.difficulty ?? null;
  if (!coin || !deps.history) return { now: current, lowest: null };
  const points = await deps.history.series(coin.tag, { from: now - rule.withinHours * HOUR_MS, to: now, algorithm: coin.algorithm }).catch(() => []);
  const values = points.map((p) => p.difficulty).filter((d): d is number => d !== null && d > 0);
  return { now: current, lowest: values.length > 0 ? Math.min(...values) : null };
}

/** Evaluates every active rule on one snapshot; resolves when all firings are delivered (or given up). */
export async function evaluateAlerts(snapshot: Snapshot, deps: AlertDeps): Promise<void> {
  const now = (deps.now ?? Date.now)();
  const rules = await deps.store.active();
  const deliveries: Promise<void>[] = [];
  for (const stored of rules) {
    const { rule } = stored;
    const { state } = parseDashboardParams(new URLSearchParams(rule.view));
    const view = buildView(snapshot, state);
    const profitUsdPerDay = new Map<string, number | null>();
    for (const row of view.rows) if (!row.combo) profitUsdPerDay.set(row.coin.tag.toUpperCase(), row.estimate?.profitUsdPerDay ?? null);
    const difficulty = rule.kind === 'difficulty-rise' ? await lowestDifficulty(deps, rule, snapshot, now) : null;
    const measurement = measure(rule, { profitUsdPerDay, difficultyNow: difficulty?.now, difficultyLowest: difficulty?.lowest });
    const step = stepRule(stored.state, measurement.holds, now, holdMs(rule));
    await deps.store.saveState(stored.id, step.state);
    if (step.fire) {
      const message = alertMessage(rule, measurement, viewLink(deps.env.SITE_URL, rule));
      deliveries.push(deliver(stored, message, deps, now));
    }
  }
  await Promise.all(deliveries);
}

async function send(destination: AlertDestination, message: ReturnType<typeof alertMessage>, ruleId: string, deps: AlertDeps): Promise<void> {
  const request = deliveryFor(destination, message, ruleId);
  if (request.kind === 'email') {
    if (!deps.env.SMTP_URL) throw new Error('e-mail alerts need the operator to set SMTP_URL');
    const transport = nodemailer.createTransport(deps.env.SMTP_URL);
    await transport.sendMail({ from: deps.env.SMTP_FROM, to: request.to, subject: request.subject, text: request.text });
    return;
  }
  await postJsonForEffect(request.url, request.body, {
    timeoutMs: deps.timeoutMs ?? 5_000,
    allowPrivate: deps.env.ALERTS_ALLOW_PRIVATE,
    source: 'alert',
  });
}

async function deliver(stored: StoredRule, message: ReturnType<typeof alertMessage>, deps: AlertDeps, firedAt: number): Promise<void> {
  const { store, env } = deps;
  const clock = deps.now ?? Date.now;
  if (!env.ALERT_CHANNELS.includes(stored.destination.kind)) {
    await store.logDelivery(stored.id, { at: firedAt, outcome: 'refused', attempt: 0, detail: `the ${stored.destination.kind} channel is switched off on this server` });
    return;
  }
  if ((await store.deliveredSince(stored.id, firedAt - DAY_MS)) >= env.ALERT_DELIVERIES_PER_RULE_PER_DAY) {
    await store.logDelivery(stored.id, { at: firedAt, outcome: 'refused', attempt: 0, detail: `at most ${env.ALERT_DELIVERIES_PER_RULE_PER_DAY} deliveries a day per rule` });
    return;
  }
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
    try {
      await send(stored.destination, message, stored.id, deps);
      await store.logDelivery(stored.id, { at: clock(), outcome: 'delivered', attempt, detail: message.title });
      if (stored.failingSince !== null) await store.setFailingSince(stored.id, null);
      return;
    } catch (error) {
      const last = attempt > delays.length;
      // Never the destination's URL or token in the log: the kind and the error's words only.
      const detail = `${stored.destination.kind}: ${errorMessage(error).replace(/bot\d+:[\w-]+/g, 'bot…')}`;
      await store.logDelivery(stored.id, { at: clock(), outcome: last ? 'gave-up' : 'failed', attempt, detail });
      if (!last) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
    }
  }
  const failingSince = stored.failingSince ?? firedAt;
  await store.setFailingSince(stored.id, failingSince);
  if (clock() - failingSince >= PAUSE_AFTER_FAILING_MS) {
    await store.setPaused(stored.id, 'destination-failing');
    log('warn', 'alert_paused', { rule: stored.id, destination: stored.destination.kind });
  }
}

/** Subscribes alert evaluation to a snapshot service's refresh events; one evaluation at a time. */
export function subscribeAlerts(onPublished: (listener: (snapshot: Snapshot) => void) => () => void, deps: AlertDeps): () => void {
  let chain: Promise<void> = Promise.resolve();
  return onPublished((snapshot) => {
    chain = chain
      .then(() => evaluateAlerts(snapshot, deps))
      .catch((error: unknown) => {
        // During a database outage every evaluation fails the same way: the outage is logged once.
        if (!deps.isDown?.()) log('error', 'alerts_evaluation_failed', { error: errorMessage(error) });
      });
  });
}
