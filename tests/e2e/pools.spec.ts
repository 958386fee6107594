import { expect, test, type Locator } from '@playwright/test';

// From a registry with pools (tests/fixtures/registry/e2e.coins.config.json: CLORE at two MiningCore
// sites, a NOMP portal and the recorded raptorhash YIIMP pool, all on the fixture server) to the coin
// page's pool table and warnings, for a 10 MH/s KawPow rig.
//
// CLORE's network, worked by hand: difficulty 21240.9644 (raptorhash recording), k = 2^32, T = 60 s,
// reward 168.36446565 CLORE, so N = D × k / T = 1,520,487,457,225 H/s and the rig's gross
// coins/day = 10e6 × 86400 × 168.36446565 / (21240.9644 × 2^32) = 1.594520 CLORE.
//   mc-a · clore1: 836,268,101,474 H/s = 55.0 % of N (red: above 50 %); fee 1 % → 1.594520 × 0.99 =
//     1.578575 CLORE/day; minimum 10 → 10 / 1.578575 = 6.33 days; ≥ 50 blocks in 24 h (a full page).
//   mc-b · clore: 1 % of N, expected block every 60 / 0.01 = 6000 s (2 h); last block 2 days ago >
//     3 × 2 h: overdue; fee 0.5 % → 1.586548/day; minimum 50 → 31.5 days > 30: not reachable.
//   nomp · clore: fees 0.5 + 0.4 = 0.9 % → 1.580170/day; 5 orphaned of 45 = 11.1 % > 5 %.
//   raptorhash (YIIMP) CLORE: fee 1 % → 1.578575/day, PPS, share 160,742,859 / N = 0.0106 %.
// Best pool: mc-b is overdue (and out of reach); paid per day after orphans: mc-a 1.578575 × 0.975
// = 1.539111, nomp 1.580170 × (1 − 5/45) = 1.404595, YIIMP (PPS: no orphan loss) 1.578575 → YIIMP.

const RIG = '?hr.kawpow=10M&fee=1';

function row(page: import('@playwright/test').Page, name: string): Locator {
  return page.locator(`[data-testid="pool-row"][data-pool="${name}"]`);
}

test('the coin page lists CLORE’s pools with their figures and warnings, worked by hand', async ({ page, request }) => {
  // The pool sites are sources like any other: wait until all four have answered once.
  await expect
    .poll(async () => ((await (await request.get(`/api/coins/CLORE/pools${RIG}`)).json()).pools as unknown[]).length, { timeout: 20_000 })
    .toBe(4);
  await page.goto(`/coins/CLORE${RIG}`);
  const section = page.getByTestId('coin-pools');
  await expect(section.getByRole('heading', { name: 'Pools' })).toBeVisible();
  await expect(section.getByTestId('pool-row')).toHaveCount(4);

  const a = row(page, '127.0.0.1:4010/mc-a · clore1');
  await expect(a.locator('[data-col="fee"]')).toHaveText('1 %');
  await expect(a.locator('[data-col="minimum"]')).toHaveText('10 CLORE');
  await expect(a.locator('[data-col="share"]')).toHaveText('55 %');
  await expect(a.locator('[data-col="blocks24h"]')).toHaveText('≥ 50');
  await expect(a.locator('[data-col="coins"]')).toHaveText('1.579');
  await expect(a.locator('[data-col="days-to-minimum"]')).toHaveText('6.3 days');
  await expect(a).toHaveClass(/row-danger/);

  const b = row(page, '127.0.0.1:4010/mc-b · clore');
  await expect(b.locator('[data-col="fee"]')).toHaveText('0.5 %');
  await expect(b.locator('[data-col="share"]')).toHaveText('1 %');
  await expect(b.locator('[data-col="blocks24h"]')).toHaveText('0');
  await expect(b.locator('[data-col="last-block"]')).toHaveText('2 days ago');
  await expect(b.locator('[data-col="coins"]')).toHaveText('1.587');
  await expect(b.locator('[data-col="days-to-minimum"]')).toHaveText('32 days');

  const nomp = row(page, '127.0.0.1:4010/nomp · clore');
  await expect(nomp.locator('[data-col="fee"]')).toHaveText('0.9 %');
  await expect(nomp.locator('[data-col="coins"]')).toHaveText('1.58');

  const yiimp = row(page, '127.0.0.1:4010 · CLORE');
  await expect(yiimp.locator('[data-col="share"]')).toHaveText('0.0106 %');
  await expect(yiimp.getByTestId('best-pool')).toBeVisible();
  await expect(section.getByTestId('best-pool')).toHaveCount(1);

  const warnings = section.getByTestId('pool-warning');
  await expect(warnings).toHaveCount(4);
  await expect(section.locator('[data-code="pool-majority"]')).toContainText('holds 55 % of the network: above 50 %');
  await expect(section.locator('[data-code="pool-majority"]')).toContainText('51 % risk');
  await expect(section.locator('[data-code="pool-overdue"]')).toContainText('has found no block for 2 days, more than 3 × its expected 2 h');
  await expect(section.locator('[data-code="payout-unreachable"]')).toContainText('takes 32 days');
  await expect(section.locator('[data-code="high-orphan-rate"]')).toContainText('orphaned 11.1 % of its last 45 settled blocks');
  await expect(section.getByTestId('best-pool-note')).toContainText('Best pool for your rig: 127.0.0.1:4010 · CLORE');
  await expect(section).not.toContainText(/NaN|Infinity/);
});

test('GET /api/coins/CLORE/pools returns the same figures, and 400 names a bad param', async ({ request }) => {
  await expect
    .poll(async () => ((await (await request.get(`/api/coins/CLORE/pools${RIG}`)).json()).pools as unknown[]).length, { timeout: 20_000 })
    .toBe(4);
  const body = await (await request.get(`/api/coins/CLORE/pools${RIG}`)).json();
  const a = body.pools.find((p: { poolId: string }) => p.poolId === 'clore1');
  expect(a).toMatchObject({ kind: 'miningcore', feePercent: 1, payoutScheme: 'PPLNS', minimumPayout: 10, poolHashrate: 836268101474, blocks24h: 50, orphanRate: 0.025 });
  expect(a.networkShare).toBeCloseTo(0.55, 9);
  expect(a.coinsPerDay).toBeCloseTo(1.578575, 5);
  expect(a.daysToMinimumPayout).toBeCloseTo(6.334826, 5);
  // No CoinGecko price for CLORE in the fixtures: no money figure, never NaN.
  expect(a.revenueUsdPerDay).toBeNull();
  const bad = await request.get('/api/coins/CLORE/pools?hr.kawpow=fast');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).param).toBe('hr.kawpow');
});

test('a pool site answering 500 keeps its last good figures, marked stale', async ({ page, request }) => {
  await expect
    .poll(async () => ((await (await request.get(`/api/coins/CLORE/pools${RIG}`)).json()).pools as unknown[]).length, { timeout: 20_000 })
    .toBe(4);
  await request.post('http://127.0.0.1:4010/__control', { data: { route: '/nomp/api/stats', mode: '500' } });
  try {
    await expect
      .poll(async () => {
        const body = await (await request.get(`/api/coins/CLORE/pools${RIG}`)).json();
        return body.pools.find((p: { kind: string }) => p.kind === 'nomp')?.stale;
      }, { timeout: 20_000 })
      .toBe(true);
    await page.goto(`/coins/CLORE${RIG}`);
    const nomp = row(page, '127.0.0.1:4010/nomp · clore');
    await expect(nomp.getByText('stale')).toBeVisible();
    await expect(nomp.locator('[data-col="fee"]')).toHaveText('0.9 %');
  } finally {
    await request.post('http://127.0.0.1:4010/__reset');
  }
});

test('the ranking states its pool fee: the flat fee by default, each coin’s best pool with pool=best', async ({ page }) => {
  await page.goto(`/${RIG}`);
  const flat = page.getByTestId('pool-switch').getByRole('link', { name: 'flat 1 % (default)' });
  await expect(flat).toHaveAttribute('aria-current', 'true');
  await page.goto(`/${RIG}&pool=best`);
  await expect(page.getByTestId('pool-switch').getByRole('link', { name: 'best pool' })).toHaveAttribute('aria-current', 'true');
});
