import { expect, test } from '@playwright/test';
import { revealCharts } from './charts';

// Small-coin truth, live against the fixture upstreams (refreshing every 5 s): the history that
// builds up, the risks behind an estimate, and a contract that loses by construction.

test('the coin page charts the history recorded from each refresh', async ({ page }) => {
  const chart = page.getByTestId('history-difficulty');
  await expect
    .poll(
      async () => {
        await page.goto('/coins/XMR?range=24h&hr.cryptonight=10k&w.cryptonight=100');
        await revealCharts(page);
        const label = (await chart.getAttribute('aria-label', { timeout: 5000 }).catch(() => null)) ?? '';
        return Number(/(\d+) recorded points/.exec(label)?.[1] ?? 0);
      },
      { timeout: 30_000, intervals: [2000] },
    )
    .toBeGreaterThanOrEqual(2);
  await expect(chart.locator('.recharts-line-curve')).toHaveCount(1);
  await expect(page.getByTestId('history-profit')).toBeVisible();
});

test('risk badges flag thin and missing markets, and the filter hides coins I could not sell', async ({ page }) => {
  await page.goto('/?device=gpu&hr.neoscrypt=1.3M&w.neoscrypt=150');
  // PXC traded 0.0124 BTC in 24 h: × 84,449 USD/BTC ≈ $1,047 — under $10,000, a thin market.
  await expect(page.locator('tr[data-tag="PXC"] .risk-cell')).toContainText('thin market');
  // HAL traded nothing in 24 h: no market at all.
  await expect(page.locator('tr[data-tag="HAL"] .risk-cell')).toContainText('no market');
  await expect(page.locator('tr[data-tag="FTC"] .risk-cell')).toContainText('none');

  await page.getByLabel('Hide coins I could not sell').check();
  await expect(page).toHaveURL(/sellable=1/);
  await expect(page.locator('tr[data-tag="PXC"]')).toHaveCount(0);
  await expect(page.locator('tr[data-tag="HAL"]')).toHaveCount(0);
  await expect(page.locator('tr[data-tag="FTC"]')).toHaveCount(1);
});

test('the coin page shows each risk with its formula, and the rental cost of an attack', async ({ page }) => {
  await page.goto('/coins/ETH?hr.ethash=60M&w.ethash=120');
  const risks = page.getByTestId('coin-risks');
  for (const title of ['Liquidity', 'Network share', 'Variance', 'Security', 'Tokenomics', 'Data health']) {
    await expect(risks.locator(`[data-risk="${title}"] .formula`)).toContainText('Formula');
  }
  await expect(page.getByTestId('attack-cost')).toContainText(/costs about \$[0-9,]+/);
  await expect(risks.locator('[data-risk="Variance"]')).toContainText('Chance of at least one block');
});

test('the contract check makes a contract that loses by construction obvious', async ({ page }) => {
  await page.goto('/contract');
  await page.getByLabel('Algorithm').selectOption('ethash');
  await page.getByLabel('Contract hashrate').fill('100M');
  await page.getByLabel('Price per day (USD)').fill('500');
  await page.getByLabel('Duration (days)').fill('30');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page).toHaveURL(/c\.hr=100M/);
  await expect(page.getByTestId('contract-verdict')).toContainText('Loses money by construction');
  await expect(page.getByTestId('contract-net')).toContainText('−$');

  await page.getByLabel('Contract hashrate').fill('lots');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByText('"lots" is not a hashrate')).toBeVisible();
});
