import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';

// /payouts on the live server against the MiningCore stand-in (tests/fixtures/pool-accounts, served
// by the fixture server with its times moved to today). History is recorded for the seven complete
// days before today in the live server's own SQLite file: every hour N = 1e12 H/s, R = 10 DOGE,
// price $0.10. Worked by hand:
//   estimate per day = 1e9 H/s ÷ 1e12 H/s × 86400 s ÷ 60 s × 10 DOGE × (1 − 1 %) = 14.256 DOGE
//   seven days: 99.792 DOGE; the paid miner was credited 13.5 a day = 94.5 DOGE
//   credited ÷ estimated = 94.5 ÷ 99.792 = 0.94697 → "94.7 %"
//   the pool at 1e11 H/s expects 144 blocks a day, λ = 1008; Poisson 2.5 % / 97.5 % points 946 and
//   1071 → 946 ÷ 1008 = 93.8 % to 1071 ÷ 1008 = 106 %: within.
//   The short miner was credited 8.5536 a day = 0.6 × 14.256 → "60 %", below 93.8 %: flagged.
//   Payments 27, 40.5 and 13.5 DOGE at $0.10 → $2.70, $4.05, $1.35.

const FIXTURE = 'http://127.0.0.1:4010';
const PAID = 'DNQnHwQxrNs4y74oGkoTZfVzJniu6Y9Hek';
const SHORT = 'DSoU78vs8sfxX2WJUQhebryNNWE4QWfB8k';
const UNKNOWN = 'DRGjTZMt7Ub7NEgR4DDKTpWxUTryCscY4X';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const historyFile = join(tmpdir(), `minerank-e2e-${process.env.MINERANK_E2E_RUN}`, 'history.sqlite');
const url = (address: string, extra = '') => `/payouts?pool=${encodeURIComponent(`${FIXTURE}/mc-pay`)}&poolId=doge1&coin=DOGE&address=${address}${extra}`;

test.beforeAll(async () => {
  // The live server creates the table with its first recorded refresh; DOGE's rows name its algorithm.
  let algorithm: string | undefined;
  await expect
    .poll(
      () => {
        try {
          const db = new Database(historyFile, { readonly: true });
          const row = db.prepare("select algorithm from coin_points where tag = 'DOGE' limit 1").get() as { algorithm: string } | undefined;
          db.close();
          algorithm = row?.algorithm;
        } catch {
          algorithm = undefined;
        }
        return algorithm;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  const db = new Database(historyFile);
  const insert = db.prepare(
    `insert into coin_points (tag, algorithm, at, resolution, samples, difficulty, network_hashrate, block_reward, price_usd, volume_24h_usd, emission_per_day, source, price_source, source_updated_at, snapshot_as_of)
     values ('DOGE', ?, ?, 'hour', 1, 13969.838619232178, 1e12, 10, 0.1, null, null, 'e2e-seed', 'e2e-seed', null, ?) on conflict do nothing`,
  );
  const today = Math.floor(Date.now() / DAY) * DAY;
  db.transaction(() => {
    for (let at = today - 7 * DAY; at < today; at += HOUR) insert.run(algorithm, at, at);
  })();
  db.close();
});

test('the paid miner: 94.7 % of the estimate, within the luck range, payments valued', async ({ page }) => {
  await page.goto(url(PAID));
  await expect(page.getByTestId('payout-ratio')).toHaveText('94.7 %');
  await expect(page.getByTestId('payout-band')).toContainText('93.8 % to 106 %');
  await expect(page.getByTestId('payout-flag')).toHaveText('Within what block luck explains.');
  const rows = page.getByTestId('payout-days').locator('tbody tr');
  await expect(rows).toHaveCount(7);
  await expect(rows.first()).toContainText('1 GH/s');
  await expect(rows.first()).toContainText('14.256');
  await expect(rows.first()).toContainText('13.5');
  await expect(rows.first()).toContainText('minerank history');
  const payments = page.getByTestId('payout-payments').locator('tbody tr');
  await expect(payments).toHaveCount(3);
  await expect(payments.nth(0)).toContainText('$2.70');
  await expect(payments.nth(1)).toContainText('$4.05');
  await expect(payments.nth(2)).toContainText('$1.35');
});

test('the ledger link downloads the CSV: one MINING row per payment with its USD value', async ({ page, request }) => {
  await page.goto(url(PAID));
  const href = await page.getByTestId('payout-ledger-link').getAttribute('href');
  const csv = await (await request.get(href!)).text();
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Date,Action,Symbol,Volume,Value,Currency,Transaction');
  expect(lines.slice(1).map((l) => l.split(',').slice(1, 6).join(','))).toEqual(['MINING,DOGE,27,2.7,USD', 'MINING,DOGE,40.5,4.05,USD', 'MINING,DOGE,13.5,1.35,USD']);
});

test('the miner paid 40 % less is flagged with the luck range', async ({ page }) => {
  await page.goto(url(SHORT));
  await expect(page.getByTestId('payout-ratio')).toHaveText('60 %');
  await expect(page.getByTestId('payout-flag')).toContainText('Paid less than block luck explains');
  await expect(page.getByTestId('payout-flag')).toContainText('below 93.8 %');
});

test('an address the pool does not know: "no such miner at this pool"', async ({ page }) => {
  await page.goto(url(UNKNOWN));
  await expect(page.getByTestId('payout-failure')).toContainText('No such miner at this pool');
});

test('bad fields are named by the field, before any pool is asked', async ({ page, request }) => {
  const before = (await (await request.get(`${FIXTURE}/__counts`)).json()) as Record<string, number>;
  await page.goto(`/payouts?pool=ftp://x&poolId=doge1&coin=DOGE&address=${PAID.slice(0, -1)}x&days=45`);
  await expect(page.getByTestId('error-pool')).toContainText('only http:// and https://');
  await expect(page.getByTestId('error-address')).toContainText('checksum');
  await expect(page.getByTestId('error-days')).toContainText('1 to 30');
  const after = (await (await request.get(`${FIXTURE}/__counts`)).json()) as Record<string, number>;
  expect(after['/mc-pay/api/pools/doge1']).toBe(before['/mc-pay/api/pools/doge1']);
  // The same as JSON: 400 naming the first bad field.
  const api = await request.get(`/api/payouts?pool=https%3A%2F%2Fpool.example&poolId=doge1&coin=DOGE&address=${PAID.slice(0, -1)}x`);
  expect(api.status()).toBe(400);
  expect((await api.json()).param).toBe('address');
});

test('pools that publish only totals (YIIMP, NOMP) and a cryptonote-nodejs-pool account', async ({ page }) => {
  // YIIMP's /api/wallet: unpaid 3.5 DOGE, nothing per day, so nothing is compared.
  await page.goto(`/payouts?pool=${encodeURIComponent(`${FIXTURE}/yiimp-pay`)}&software=yiimp&coin=DOGE&address=${PAID}`);
  await expect(page.getByTestId('payout-summary')).toContainText('publishes only totals');
  await expect(page.getByTestId('payout-ratio')).toHaveText('—');
  await expect(page.getByText('Pending at the pool: 3.5 DOGE')).toBeVisible();
  // NOMP's worker_stats: paid 81, pending 3.5 + 1.25.
  await page.goto(`/payouts?pool=${encodeURIComponent(`${FIXTURE}/nomp-pay`)}&software=nomp&coin=DOGE&address=${PAID}`);
  await expect(page.getByText('Pending at the pool: 4.75 DOGE; paid in all: 81 DOGE')).toBeVisible();
  // cryptonote-nodejs-pool: atomic units ÷ 1e12 (its payment times are Unix seconds, not moved to today).
  const zeph = `ZEPHYR${'2'.repeat(92)}`;
  await page.goto(`/payouts?pool=${encodeURIComponent(`${FIXTURE}/cn-pay`)}&software=cryptonote-pool&coin=ZEPH&address=${zeph}`);
  await expect(page.getByText('Pending at the pool: 3.5 ZEPH; paid in all: 81 ZEPH')).toBeVisible();
  await expect(page.getByTestId('payout-days').locator('tbody tr')).toHaveCount(7);
});
