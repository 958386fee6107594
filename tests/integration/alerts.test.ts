// Alerts end to end inside one process: a real SQLite rule store, a local webhook receiver and a
// local SMTP sink on 127.0.0.1; each firing is delivered exactly once, a failing receiver is
// retried and the log says so, and a webhook to 127.0.0.1 is refused unless the operator allows it.
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertRuleSchema } from '@/lib/alerts/rules';
import { createAlertStore, type AlertStore } from '@/lib/alerts/store';
import { evaluateAlerts, type AlertDeps } from '@/lib/server/alerts';
import { liveSnapshot, rvnLike } from '../support/snapshots';

type Received = { body: unknown };

function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body: JSON.parse(body) as unknown });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  return {
    received,
    server,
    url: async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
  };
}

// The rig of the view: 30 MH/s of KawPow at 200 W, $0.10/kWh. RVN-like coin at $0.05:
// profit $0.405766/day (tests/unit/ranking/view-models.test.ts works it out); at $0.01: −$0.30/day.
const VIEW = 'hr.kawpow=30M&w.kawpow=200&kwh=0.1&fee=0';
const paying = liveSnapshot([rvnLike('RVN')]);
const losing = liveSnapshot([rvnLike('RVN', { priceUsd: 0.01 })]);
const belowZero = alertRuleSchema.parse({ kind: 'profit-below', coin: 'RVN', usdPerDay: 0, view: VIEW });

let store: AlertStore;
let servers: Server[] = [];
const env = (overrides: Partial<AlertDeps['env']> = {}): AlertDeps['env'] => ({
  ALERT_CHANNELS: ['webhook', 'ntfy', 'telegram', 'email'],
  ALERTS_ALLOW_PRIVATE: true,
  ALERT_DELIVERIES_PER_RULE_PER_DAY: 24,
  SITE_URL: 'http://localhost:3000',
  SMTP_URL: undefined,
  SMTP_FROM: 'minerank <alerts@localhost>',
  ...overrides,
});

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'minerank-alerts-'));
  store = createAlertStore({ sqliteFile: path.join(dir, 'history.sqlite') });
});
afterAll(async () => store.close());
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

describe('alert deliveries', () => {
  it('delivers each firing exactly once: fires, stays quiet, clears, fires again', async () => {
    const hook = receiver([]);
    servers.push(hook.server);
    const { id } = await store.create(belowZero, { kind: 'webhook', url: await hook.url(), format: 'json' }, 'c1', Date.now());
    const deps: AlertDeps = { store, env: env(), history: null, retryDelaysMs: [10, 10, 10] };
    await evaluateAlerts(losing, deps); // −$0.30/day < 0: fires
    await evaluateAlerts(losing, deps); // still below: no second delivery
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.body).toMatchObject({ rule: id, title: 'RVN profit is below $0.00/day' });
    await evaluateAlerts(paying, deps); // +$0.41/day: clears
    await evaluateAlerts(losing, deps); // below again: fires again
    expect(hook.received).toHaveLength(2);
    expect((await store.deliveries(id)).map((d) => d.outcome)).toEqual(['delivered', 'delivered']);
    await store.remove(id);
  });

  it('retries a receiver that answers 500, and the log says so', async () => {
    const hook = receiver([500, 500]);
    servers.push(hook.server);
    const { id } = await store.create(belowZero, { kind: 'webhook', url: await hook.url(), format: 'discord' }, 'c2', Date.now());
    await evaluateAlerts(losing, { store, env: env(), history: null, retryDelaysMs: [10, 10, 10] });
    expect(hook.received).toHaveLength(3);
    expect(hook.received[2]!.body).toMatchObject({ content: expect.stringContaining('RVN profit is below') });
    const log = (await store.deliveries(id)).reverse();
    expect(log.map((d) => [d.outcome, d.attempt])).toEqual([
      ['failed', 1],
      ['failed', 2],
      ['delivered', 3],
    ]);
    expect(log[0]!.detail).toBe('webhook: alert: HTTP 500');
    await store.remove(id);
  });

  it('refuses a webhook to 127.0.0.1 unless the operator allows private destinations', async () => {
    const hook = receiver([]);
    servers.push(hook.server);
    const { id } = await store.create(belowZero, { kind: 'webhook', url: await hook.url(), format: 'json' }, 'c3', Date.now());
    await evaluateAlerts(losing, { store, env: env({ ALERTS_ALLOW_PRIVATE: false }), history: null, retryDelaysMs: [] });
    expect(hook.received).toHaveLength(0);
    const [entry] = await store.deliveries(id);
    expect(entry).toMatchObject({ outcome: 'gave-up', attempt: 1 });
    expect(entry!.detail).toContain('loopback');
    await store.remove(id);
  });

  it('sends one e-mail per firing through the operator’s SMTP server', async () => {
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => {
          mails.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const { id } = await store.create(belowZero, { kind: 'email', to: 'miner@example.com' }, 'c4', Date.now());
    const deps: AlertDeps = { store, env: env({ SMTP_URL: `smtp://127.0.0.1:${port}` }), history: null, retryDelaysMs: [] };
    await evaluateAlerts(losing, deps);
    await evaluateAlerts(losing, deps);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('Subject: RVN profit is below $0.00/day');
    expect(mails[0]).toContain('To: miner@example.com');
    await store.remove(id);
  });

  it('keeps a wrong key out, and a paused rule quiet', async () => {
    const hook = receiver([]);
    servers.push(hook.server);
    const { id, secret } = await store.create(belowZero, { kind: 'webhook', url: await hook.url(), format: 'json' }, 'c5', Date.now());
    expect(await store.authorized(id, 'wrong')).toBeNull();
    expect((await store.authorized(id, secret))?.id).toBe(id);
    await store.setPaused(id, 'user');
    await evaluateAlerts(losing, { store, env: env(), history: null, retryDelaysMs: [] });
    expect(hook.received).toHaveLength(0);
    await store.remove(id);
  });
});
