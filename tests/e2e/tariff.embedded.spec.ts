import { expect, test, type Page } from '@playwright/test';
import { revealCharts } from './charts';

// Electricity as it is billed, on the embedded snapshot (hashrate.no, 2024-03-16, a Saturday; the
// day priced is the data's own, so these figures never move). One RTX 3070 (100 Sol/s ZHash,
// 27.6 MH/s KawPow at the card's 180 W) with its ZHash power typed as 210 W. Both coins compared have
// cited splits (lib/mining/reward-splits.ts): GLINK 30 % to the miner, VLC 90 %.
//
// Revenue per day (pool fee 1 %, from the recorded figures): GLINK 0.72511 USD, VLC 0.65176 USD.
// Energy per day: GLINK 210 W × 24 h = 5.04 kWh; VLC 180 W × 24 h = 4.32 kWh.
//
// Flat 0.05 USD/kWh: GLINK 0.72511 − 5.04 × 0.05 = 0.47311; VLC 0.65176 − 4.32 × 0.05 = 0.43576:
// GLINK above VLC (it earns 0.07335 more and burns 0.72 kWh more, so it wins below
// 0.07335 / 0.72 = 0.1019 USD/kWh).
//
// Time of use 0-8:0.05,8-24:0.2 (UTC): every kWh-hour costs (8 × 0.05 + 16 × 0.2) / 24 = 0.15 on
// average, above 0.1019. GLINK 0.72511 − 5.04 × 0.15 = −0.03089; VLC 0.65176 − 4.32 × 0.15 = 0.00376:
// VLC above GLINK. (rows=all: every coin is in the table, so both rows are there at either price.)
const RIG = 'dev=nvidia-rtx-3070&w.equihash-144-5=210&kwh=0.05&rows=all';
const TOU = '0-8:0.05,8-24:0.2';

/** The order in which the table lists the given coins. */
const orderOf = async (page: Page, tags: readonly string[]) =>
  (await page.locator('[data-testid="coin-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')))).filter(
    (tag): tag is string => tag !== null && tags.includes(tag),
  );
const PAIR = ['GLINK', 'VLC'] as const;

test('a time-of-use URL changes the ranking order, as worked out above', async ({ page }) => {
  await page.goto(`/?${RIG}`);
  expect(await orderOf(page, PAIR)).toEqual(['GLINK', 'VLC']);
  await expect(page.getByTestId('tariff-note')).toHaveCount(0);

  await page.goto(`/?${RIG}&tou=${TOU}`);
  expect(await orderOf(page, PAIR)).toEqual(['VLC', 'GLINK']);
  await expect(page.getByTestId('tariff-note')).toContainText('a time-of-use schedule for Saturday 2024-03-16 in UTC (24 hours');

  // The API ranks the same way and carries the day's figures: GLINK's power 5.04 × 0.15 = 0.756,
  // VLC's 4.32 × 0.15 = 0.648.
  const body = await (await page.request.get(`/api/estimates?${RIG}&tou=${TOU}`)).json();
  const estimates = body.estimates as Array<Record<string, number | string>>;
  const at = (tag: string) => estimates.findIndex((e) => e.tag === tag);
  expect(at('VLC')).toBeGreaterThanOrEqual(0);
  expect(at('VLC')).toBeLessThan(at('GLINK'));
  const glink = estimates[at('GLINK')]!;
  const vlc = estimates[at('VLC')]!;
  expect(glink).toMatchObject({ hoursMining: 24, fixedCostUsdPerDay: 0, heatCreditUsdPerDay: 0 });
  expect(glink.powerCostUsdPerDay as number).toBeCloseTo(0.756, 9);
  expect(glink.profitUsdPerDay as number).toBeCloseTo(0.72511 - 0.756, 4);
  expect(vlc.powerCostUsdPerDay as number).toBeCloseTo(0.648, 9);
  expect(vlc.profitUsdPerDay as number).toBeCloseTo(0.65176 - 0.648, 4);
  expect(body.electricity).toMatchObject({ source: 'tou', timeZone: 'UTC', date: '2024-03-16' });
});

test('a bad schedule is named by its field, and the API answers 400 naming it', async ({ page }) => {
  await page.goto(`/?${RIG}&tou=0-8:0.05`);
  await expect(page.getByText('Hours 8–24 have no price in the day.')).toBeVisible();
  // The ranking stays on the flat price.
  expect(await orderOf(page, PAIR)).toEqual(['GLINK', 'VLC']);
  const response = await page.request.get(`/api/estimates?${RIG}&tou=0-8:0.05`);
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ param: 'tou' });
});

test('typing a schedule in the rig form writes it to the URL and re-ranks', async ({ page }) => {
  await page.goto(`/?${RIG}`);
  await page.getByText('Electricity as billed').click();
  await page.getByTestId('tariff-tou').fill(TOU);
  await expect(page).toHaveURL(/tou=0-8(%3A|:)0\.05/);
  await expect.poll(() => orderOf(page, PAIR)).toEqual(['VLC', 'GLINK']);
});

test('the coin page charts the day hour by hour, with the hours the rig should run', async ({ page }) => {
  // GLINK earns 0.72511 / 24 = 0.030213 an hour against 0.21 kWh: break-even 0.030213 / 0.21 = 0.1439 USD/kWh.
  // With 8 hours at 0.05 and 16 at 0.7 USD/kWh and hours=profitable, it runs the 8 cheap hours.
  await page.goto(`/coins/GLINK?${RIG}&tou=0-8:0.05,8-24:0.7&hours=profitable`);
  await expect(page.getByTestId('day-profile-summary')).toContainText('The rig runs 8 of 24 hours');
  await revealCharts(page);
  const chart = page.getByTestId('day-profile-chart');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /runs 8 of 24 hours \(00:00, 01:00, 02:00, 03:00, 04:00, 05:00, 06:00, 07:00\)/);
});

test('choosing a spot zone asks the server for that URL once, and the address bar keeps the zone', async ({ page }) => {
  await page.goto(`/?${RIG}`);
  await expect(page.locator('[data-testid="rig-form"][data-live]')).toHaveCount(1);
  await page.getByText('Electricity as billed').click();
  // The zone's prices are fetched by the server (lib/server/spot.ts), so this write is not shallow.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.headers()['next-router-prefetch'] === '1') return;
    if (r.headers()['rsc'] === '1' || r.url().includes('_rsc=')) asked.push(new URL(r.url()).search);
  });
  const select = page.getByTestId('tariff-spot');
  await select.selectOption({ index: 1 });
  const zone = await select.inputValue();
  expect(zone).not.toBe('');
  await expect(page).toHaveURL(new RegExp(`spot=${zone}`));
  await expect.poll(() => asked.filter((search) => search.includes(`spot=${zone}`)).length).toBe(1);
  // The router's answer does not take the URL back: the zone and the rig stay.
  await page.waitForLoadState('networkidle');
  await expect(page).toHaveURL(new RegExp(`spot=${zone}`));
  await expect(page).toHaveURL(/kwh=0\.05/);
  await expect(select).toHaveValue(zone);
});
