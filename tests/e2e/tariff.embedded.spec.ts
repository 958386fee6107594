import { expect, test, type Page } from '@playwright/test';
import { revealCharts } from './charts';

// Electricity as it is billed, on the embedded snapshot (hashrate.no, 2024-03-16, a Saturday; the
// day priced is the data's own, so these figures never move). One RTX 3070 (25 MH/s FiroPow,
// 100 Sol/s ZHash) with its FiroPow power typed as 200 W; GLINK's ZHash draw is the card's 180 W.
//
// Revenue per day (pool fee 1 %, from the recorded figures): KIIRO 2.4611 USD, GLINK 2.4170 USD.
// Energy per day: KIIRO 200 W × 24 h = 4.8 kWh; GLINK 180 W × 24 h = 4.32 kWh.
//
// Flat 0.05 USD/kWh: KIIRO 2.4611 − 4.8 × 0.05 = 2.2211; GLINK 2.4170 − 4.32 × 0.05 = 2.2010:
// KIIRO first (it earns 0.0441 more and burns 0.48 kWh more, so it wins below 0.0441 / 0.48 =
// 0.0919 USD/kWh).
//
// Time of use 0-8:0.05,8-24:0.2 (UTC): every kWh-hour costs (8 × 0.05 + 16 × 0.2) / 24 = 0.15 on
// average, above 0.0919. KIIRO 2.4611 − 4.8 × 0.15 = 1.7411; GLINK 2.4170 − 4.32 × 0.15 = 1.7690:
// GLINK first.
const RIG = 'dev=nvidia-rtx-3070&w.firopow=200&kwh=0.05';
const TOU = '0-8:0.05,8-24:0.2';

const topTags = async (page: Page, n: number) =>
  (await page.locator('[data-testid="coin-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')))).slice(0, n);

test('a time-of-use URL changes the ranking order, as worked out above', async ({ page }) => {
  await page.goto(`/?${RIG}`);
  expect(await topTags(page, 2)).toEqual(['KIIRO', 'GLINK']);
  await expect(page.getByTestId('tariff-note')).toHaveCount(0);

  await page.goto(`/?${RIG}&tou=${TOU}`);
  expect(await topTags(page, 2)).toEqual(['GLINK', 'KIIRO']);
  await expect(page.locator('tr[data-tag="GLINK"]').getByTestId('profit')).toHaveText(/1\.77/);
  await expect(page.locator('tr[data-tag="KIIRO"]').getByTestId('profit')).toHaveText(/1\.74/);
  await expect(page.getByTestId('tariff-note')).toContainText('a time-of-use schedule for Saturday 2024-03-16 in UTC (24 hours');

  // The API ranks the same way and carries the day's figures: GLINK's power 4.32 × 0.15 = 0.648.
  const body = await (await page.request.get(`/api/estimates?${RIG}&tou=${TOU}`)).json();
  const [first] = body.estimates as Array<Record<string, number | string>>;
  expect(first).toMatchObject({ tag: 'GLINK', hoursMining: 24, fixedCostUsdPerDay: 0, heatCreditUsdPerDay: 0 });
  expect(first!.powerCostUsdPerDay as number).toBeCloseTo(0.648, 9);
  expect(first!.profitUsdPerDay as number).toBeCloseTo(2.417 - 0.648, 3);
  expect(body.electricity).toMatchObject({ source: 'tou', timeZone: 'UTC', date: '2024-03-16' });
});

test('a bad schedule is named by its field, and the API answers 400 naming it', async ({ page }) => {
  await page.goto(`/?${RIG}&tou=0-8:0.05`);
  await expect(page.getByText('Hours 8–24 have no price in the day.')).toBeVisible();
  // The ranking stays on the flat price.
  expect(await topTags(page, 2)).toEqual(['KIIRO', 'GLINK']);
  const response = await page.request.get(`/api/estimates?${RIG}&tou=0-8:0.05`);
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ param: 'tou' });
});

test('typing a schedule in the rig form writes it to the URL and re-ranks', async ({ page }) => {
  await page.goto(`/?${RIG}`);
  await page.getByText('Electricity as billed').click();
  await page.getByTestId('tariff-tou').fill(TOU);
  await expect(page).toHaveURL(/tou=0-8(%3A|:)0\.05/);
  await expect.poll(() => topTags(page, 2)).toEqual(['GLINK', 'KIIRO']);
});

test('the coin page charts the day hour by hour, with the hours the rig should run', async ({ page }) => {
  // GLINK earns 2.4170 / 24 = 0.1007 an hour against 0.18 kWh: break-even 0.1007 / 0.18 = 0.5595 USD/kWh.
  // With 8 hours at 0.05 and 16 at 0.7 USD/kWh and hours=profitable, it runs the 8 cheap hours.
  await page.goto(`/coins/GLINK?${RIG}&tou=0-8:0.05,8-24:0.7&hours=profitable`);
  await expect(page.getByTestId('day-profile-summary')).toContainText('The rig runs 8 of 24 hours');
  await revealCharts(page);
  const chart = page.getByTestId('day-profile-chart');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /runs 8 of 24 hours \(00:00, 01:00, 02:00, 03:00, 04:00, 05:00, 06:00, 07:00\)/);
});
