import { expect, test } from '@playwright/test';

// Operating points on the embedded snapshot (hashrate.no, 2024-03-16), which is the only e2e data
// with an Autolykos2 coin. ERG there: emission 21,600 ERG/day (the miner's part), difficulty
// 1,811,273,608,069,120 (k 1), T 120 s, no block reward, so the difficulty basis,
// $2.1585858668224, default pool fee 1 %:
//   r = 21,600 × 120 / 1.81127360806912e15 × 0.99 × 2.1585858668224 = 3.05813e-9 USD per H/s per day.
// A Radeon VII has two published Autolykos2 points: stock 237.5 MH/s at 145 W, max 268.2 MH/s at 183 W.
// They pay the same at p = r × 30.7e6 / (0.024 × 38) = 0.093885 / 0.912 = 0.10294 USD/kWh:
// at 0.10 the max point pays more (+0.0027 USD/day), at 0.11 the stock point (+0.0064 USD/day).
//
// The flip to an "efficient" point: a Radeon VII on Verthash has two published points (TeamRedMiner's
// tuning examples; no stock setting is published), efficient 1.508 MH/s at 123 W and max 1.802 MH/s
// at 183 W. VTC there: emission 7,200 VTC/day, difficulty 38, k 2^32, T 150 s, $0.020337670831184, fee 1 %:
//   r = 7,200 × 150 / (38 × 2^32) × 0.99 × 0.020337670831184 = 1.33235e-7 USD per H/s per day.
// Max earns 294,000 × r = 0.0391709 USD/day more for 60 W × 24 h = 1.44 kWh/day more, so they pay the
// same at p = 0.0391709 / 1.44 = 0.027202 USD/kWh: at 0.02 max pays more (+0.0104 USD/day), at 0.03
// efficient (+0.0040 USD/day). (tests/unit/tuning/flip-efficient.test.ts checks the same figures.)

const ergRow = (page: import('@playwright/test').Page) => page.locator('tr[data-tag="ERG"]:not([data-combo])');
const vtcRow = (page: import('@playwright/test').Page) => page.locator('tr[data-tag="VTC"]:not([data-combo])');

test('picking a device shows its best operating point per coin, and the price moves ERG from max to stock', async ({ page }) => {
  await page.goto('/?kwh=0.1&algo=autolykos2');
  await page.getByLabel('Add a device (GPU, CPU or ASIC)').fill('Radeon VII');
  await page.getByRole('button', { name: /AMD Radeon VII/ }).click();
  await expect(page).toHaveURL(/amd-radeon-vii/);

  const point = ergRow(page).getByTestId('operating-point');
  await expect(point).toHaveAttribute('data-labels', 'max');
  await expect(point).toContainText('AMD Radeon VII at max: 268 MH/s, 183 W');

  await page.getByLabel('Electricity (USD/kWh)').fill('0.11');
  await expect(page).toHaveURL(/kwh=0\.11/);
  await expect(point).toHaveAttribute('data-labels', 'stock');
  await expect(point).toContainText(/AMD Radeon VII at stock: 23[78] MH\/s, 145 W/);
});

test('the stock switch shows the stock figures at any price', async ({ page }) => {
  await page.goto('/?dev=amd-radeon-vii&kwh=0.1&algo=autolykos2');
  await expect(ergRow(page).getByTestId('operating-point')).toHaveAttribute('data-labels', 'max');
  await page.getByTestId('tune-switch').getByRole('link', { name: 'stock' }).click();
  await expect(page).toHaveURL(/tune=stock/);
  await expect(ergRow(page).getByTestId('operating-point')).toHaveAttribute('data-labels', 'stock');
});

test('the coin page charts profit against power limit with the best limit marked', async ({ page }) => {
  // At 0.10 USD/kWh the curve's top, 183 W = 127 % of 145 W (rounded up), pays most (see above).
  await page.goto('/coins/ERG?dev=amd-radeon-vii&kwh=0.1');
  await expect(page.getByTestId('power-limit-best')).toContainText('Most profitable at 127 % of stock power (183 W)');
  await expect(page.getByTestId('power-limit-best')).toContainText('AMD Radeon VII at max');
  await page.getByTestId('power-limit-best').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('power-limit-chart')).toHaveAttribute('aria-label', /Most profitable at 127 %/);

  // A 70 % limit: 0.7 × 145 W = 101.5 W on the line to the origin, 0.7 × 237.5 = 166.25 MH/s.
  await page.getByTestId('power-limit-links').getByRole('link', { name: '70 %' }).click();
  await expect(page).toHaveURL(/pl\.amd-radeon-vii=70/);
  await expect(page.getByTestId('power-limit-best')).toContainText('AMD Radeon VII at 70 % PL: 166 MH/s, 102 W');
});

test('dearer power moves VTC from the max to the efficient point on a Radeon VII', async ({ page }) => {
  await page.goto('/?dev=amd-radeon-vii&kwh=0.02&algo=verthash');
  const point = vtcRow(page).getByTestId('operating-point');
  await expect(point).toHaveAttribute('data-labels', 'max');
  await expect(point).toContainText('AMD Radeon VII at max: 1.8 MH/s, 183 W');

  await page.getByLabel('Electricity (USD/kWh)').fill('0.03');
  await expect(page).toHaveURL(/kwh=0\.03/);
  await expect(point).toHaveAttribute('data-labels', 'efficient');
  await expect(point).toContainText('AMD Radeon VII at efficient: 1.51 MH/s, 123 W');
});

test('the coin page states the limit as a percent of the efficient point where no stock setting is published', async ({ page }) => {
  // At 0.02 the curve's top pays most: 183 W = 149 % of 123 W (148.8 %, rounded up).
  await page.goto('/coins/VTC?dev=amd-radeon-vii&kwh=0.02');
  await expect(page.getByTestId('power-limit-best')).toContainText("Most profitable at 149 % of the efficient point's power (183 W)");
});
