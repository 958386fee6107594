import { expect, test } from '@playwright/test';

// Live mode with chain sources on: the registry's DASH points at the Dash-style stand-in
// (127.0.0.1:4022), whose getblocktemplate pays a masternode 2.81255555 and a superblock 0.62501235
// out of coinbasevalue 6.25012345 (tests/fixtures/chain/dashd-getblocktemplate-documented-shape.json).
// The coin must rank at the miner's part, 2.81255555 per block (45.0 %), not the whole coinbase.

test("a Dash-style coin ranks at the miner's share of the block: its template's payees are subtracted", async ({ page, request }) => {
  // 1e9 H/s × 86,400 s × 2.81255555 / (12,345.6789 × 2^32) = 4.58290 DASH/day, × (1 − 1 %) pool fee = 4.53707.
  // The whole coinbase would give 10.1842 × 0.99 = 10.0824.
  const response = await request.get('/api/estimates?hr.x11=1G&w.x11=100&kwh=0.1&fee=1');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { estimates: Array<{ tag: string; coinsPerDay: number; minerShare: number; minerReward: number }> };
  const dash = body.estimates.find((e) => e.tag === 'DASH');
  expect(dash).toBeDefined();
  expect(dash!.minerReward).toBeCloseTo(2.81255555, 8);
  expect(dash!.minerShare).toBeCloseTo(0.45, 6);
  expect(dash!.coinsPerDay).toBeCloseTo(4.53707, 4);

  await page.goto('/coins/DASH?hr.x11=1G&w.x11=100&fee=1');
  await expect(page.getByTestId('reward-split')).toContainText('Reward split: miner 45 % (2.81256 of 6.25012 DASH per block)');
  await expect(page.getByTestId('coin-estimate')).toContainText('4.5371');
});
