import { expect, test, type Page } from '@playwright/test';

// Adding a pool site on /coins/add: anyone may check it, only the operator may save it. The site
// is the fixture server's MiningCore stand-in C (tests/fixtures/pools/*site_c*, built from the
// documented shape): KPX (KawPow), SCX (Scrypt) and ODD (an algorithm the app does not know). This
// server allows loopback sources (ALLOW_PRIVATE_SOURCES=1) and its TRUST_PROXY is unset, so a
// request carrying X-Real-IP is someone a proxy relays: not the operator.

const SITE = 'http://127.0.0.1:4010/mc-c';

async function checkSite(page: Page) {
  await page.goto('/coins/add');
  await page.getByLabel('Pool software', { exact: true }).selectOption('miningcore');
  await page.getByLabel('Pool site URL', { exact: true }).fill(SITE);
  await page.getByRole('button', { name: 'Check the site' }).click();
  await expect(page.getByTestId('site-check')).toContainText('Reached the site: 2 pools, 2 coins with network figures.');
}

test('a visitor may check a pool site but not save it', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-real-ip': '203.0.113.9' } });
  const page = await context.newPage();
  try {
    await checkSite(page);
    await page.getByRole('button', { name: 'Add the pool site' }).click();
    await expect(page.getByTestId('site-result')).toContainText('Saving needs the operator');
    await expect(page.getByTestId('pool-sites-table')).toHaveCount(0);
    expect((await page.goto('/coins/KPX'))?.status()).toBe(404);
  } finally {
    await context.close();
  }
});

test('the operator adds a MiningCore site: its coins rank as long-tail rows and its pools show', async ({ page }) => {
  await checkSite(page);
  // KPX: fee 1 %, pool 1e11 H/s, network 1e12 H/s; SCX: network 20,000 × 2^32 ÷ 150 = 572.66 GH/s, pool a tenth.
  const pools = page.getByTestId('site-check-pools');
  await expect(pools.locator('tr[data-tag="KPX"]')).toContainText('1 %');
  await expect(pools.locator('tr[data-tag="KPX"]')).toContainText('100 GH/s');
  await expect(pools.locator('tr[data-tag="KPX"]')).toContainText('1 TH/s');
  await expect(pools.locator('tr[data-tag="SCX"]')).toContainText('573 GH/s');
  await expect(page.getByTestId('site-check-coins').locator('li[data-tag="KPX"]')).toHaveText(
    'KPX (KawPow stand-in, KawPow): difficulty 13,969.8, network 1 TH/s, reward 1,000 KPX per block, height 250,000',
  );
  await expect(page.getByTestId('site-check-skipped')).toContainText('ODD (odd1, Frobnicate): an algorithm this app does not know');

  await page.getByRole('button', { name: 'Add the pool site' }).click();
  await expect(page).toHaveURL(/\/coins\/add\?site=pool%3Aminingcore%3A127\.0\.0\.1%3A4010%2Fmc-c$/);
  await expect(page.getByTestId('site-added-banner')).toContainText('2 pools read, coins added: KPX, SCX');
  await expect(page.getByTestId('pool-sites-table')).toContainText('2 pools; coins: KPX, SCX');

  await page.goto('/?algo=kawpow&hr.kawpow=100M&w.kawpow=100');
  const kpx = page.locator('[data-testid="coin-table"] tbody tr[data-tag="KPX"]');
  // 1e8 H/s × 86,400 s × 1000 KPX ÷ (13,969.838619232178 × 2^32) = 144 KPX/day; × 0.99 (flat 1 % fee) = 142.56.
  await expect(kpx).toContainText('142.6');
  await expect(kpx).toContainText('no market');

  await page.goto('/coins/KPX');
  await expect(page.getByTestId('coin-difficulty')).toContainText('13,969.8');
  await expect(page.getByTestId('pool-row')).toHaveCount(1);
  await expect(page.getByTestId('pool-row')).toContainText('127.0.0.1:4010/mc-c · kpx1');

  // Removed again: the site is no longer asked and its coins leave with it.
  await page.goto('/coins/add');
  await page.getByRole('button', { name: `Remove the pool site ${SITE}` }).click();
  await expect(page.getByTestId('site-removed-banner')).toBeVisible();
  await expect(page.getByTestId('pool-sites-table')).toHaveCount(0);
  expect((await page.goto('/coins/KPX'))?.status()).toBe(404);
});
