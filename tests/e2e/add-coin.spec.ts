import { expect, test, type Page } from '@playwright/test';

// Live mode with chain sources on: the bitcoind stand-ins (127.0.0.1:4020, RPC auth from the
// server's STANDIN_RPC_AUTH, for the registry file's coins; 127.0.0.1:4023 without, for added ones) and the monerod stand-in (127.0.0.1:4021) serve the documented /
// recorded JSON-RPC answers; this server allows loopback sources (ALLOW_PRIVATE_SOURCES=1).

const row = (page: Page, tag: string) => page.locator(`[data-testid="coin-table"] tbody tr[data-tag="${tag}"]`);

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) {
    const control = page.getByLabel(label, { exact: true });
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

test('a miner adds a coin from their own Bitcoin-family node and it ranks by coins per day, with no market', async ({ page }) => {
  await page.goto('/coins/add');
  await fill(page, {
    Ticker: 'SSC',
    Name: 'Scrypt stand-in',
    Algorithm: 'scrypt',
    'Target block time (s)': '150',
    'Where its network figures come from': 'bitcoin-rpc',
    // A coin added here is asked without credentials: the stand-in that needs none.
    'Source URL': 'http://127.0.0.1:4023',
  });
  await page.getByRole('button', { name: 'Check the source' }).click();
  // getmininginfo: difficulty 12,345.6789 at block 987,654, networkhashps 353,495,247,483.
  await expect(page.getByTestId('check-result')).toHaveText(
    'reached the source: difficulty 12,345.68 at height 987,654, network 353 GH/s, reward 6.25 per block',
  );

  await page.getByRole('button', { name: 'Add the coin' }).click();
  await expect(page).toHaveURL(/\/coins\/add\?added=SSC$/);
  await expect(page.getByTestId('added-banner')).toContainText('Added SSC (Scrypt stand-in)');
  await expect(page.getByTestId('registry-table').locator('tr[data-tag="SSC"]')).toContainText('added here');

  await page.goto('/?algo=scrypt&hr.scrypt=1G&w.scrypt=1000');
  // 1e9 H/s × 86,400 s × 6.25012345 / (12,345.6789 × 2^32) × 0.99 = 10.08 SSC/day.
  await expect(row(page, 'SSC')).toContainText('10.08');
  await expect(row(page, 'SSC')).toContainText('no market');
  // Priced scrypt coins rank first; the unpriced one after them, by coins per day.
  const tags = await page.locator('[data-testid="coin-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')));
  expect(tags.indexOf('SSC')).toBeGreaterThan(tags.indexOf('LTC'));

  await page.goto('/coins/SSC');
  await expect(page.getByTestId('coin-difficulty')).toContainText('12,345.679');
  await expect(page.getByTestId('coin-height')).toContainText('987,654');
});

test('a Monero-family daemon feeds a user-added coin end to end', async ({ page }) => {
  await page.goto('/coins/add');
  await fill(page, {
    Ticker: 'MXS',
    Name: 'Monero stand-in',
    Algorithm: 'randomx',
    'Target block time (s)': '120',
    'Where its network figures come from': 'monero-rpc',
    'Source URL': 'http://127.0.0.1:4021',
  });
  await page.getByRole('button', { name: 'Add the coin' }).click();
  await expect(page).toHaveURL(/added=MXS/);

  await page.goto('/?algo=randomx&hr.randomx=10k&w.randomx=100');
  // get_info: difficulty 258,886,688,222, target 120 s; last block reward 1,181,081,601,887 piconero.
  // 10,000 H/s × 86,400 × 1.181081601887 / 258,886,688,222 × 0.99 = 0.003902 MXS/day.
  await expect(row(page, 'MXS')).toContainText('0.003902');
  await expect(row(page, 'MXS')).toContainText('no market');

  // Removed again: its source is no longer asked and the coin leaves the table.
  await page.goto('/coins/add');
  await page.getByRole('button', { name: 'Remove MXS' }).click();
  await expect(page.getByTestId('removed-banner')).toContainText('Removed MXS');
  await expect(page.getByTestId('registry-table').locator('tr[data-tag="MXS"]')).toHaveCount(0);
  expect((await page.goto('/coins/MXS'))?.status()).toBe(404);
});

test('the add form names each bad field and refuses a coin already in the registry', async ({ page }) => {
  await page.goto('/coins/add');
  await fill(page, {
    Ticker: 'x',
    Name: 'Bad <b>',
    'Target block time (s)': 'soon',
    'Source URL': 'ftp://127.0.0.1:4020',
  });
  await page.getByRole('button', { name: 'Check the source' }).click();
  await expect(page.getByTestId('error-tag')).toContainText('must be a ticker of 2 to 10 letters or digits');
  await expect(page.getByTestId('error-name')).toContainText('plain text');
  await expect(page.getByTestId('error-algorithm')).toContainText('is required: choose the coin’s mining algorithm');
  await expect(page.getByTestId('error-blockTime')).toContainText('must be a number of seconds');
  await expect(page.getByTestId('error-url')).toContainText('http:// or https://');
  // What was typed stays, so it can be corrected.
  await expect(page.getByLabel('Ticker', { exact: true })).toHaveValue('x');

  await fill(page, {
    Ticker: 'DOGE',
    Name: 'Dogecoin again',
    Algorithm: 'scrypt',
    'Target block time (s)': '60',
    'Where its network figures come from': 'bitcoin-rpc',
    'Source URL': 'http://127.0.0.1:4023',
  });
  await page.getByRole('button', { name: 'Add the coin' }).click();
  await expect(page.getByTestId('error-tag')).toContainText('DOGE on scrypt is already in the shipped registry');
});

test("a coin's own chain is the truth for its network figures, and a disagreeing aggregator is flagged", async ({ page }) => {
  // DOGE is in WhatToMine's ASIC list (difficulty 25,799,443) and in this server's registry,
  // fed by the bitcoind stand-in (difficulty 12,345.6789).
  await page.goto('/coins/DOGE');
  await expect(page.getByTestId('coin-difficulty')).toContainText('12,345.679');
  await expect(page.getByTestId('coin-difficulty')).toContainText('from DOGE: Bitcoin-family node');
  await expect(page.getByText('sources differ').first()).toBeVisible();
  await expect(page.locator('body')).toContainText('Difficulty: whattomine-asic reports 25,800,000');
  // The registry entry's facts are shown with their sources.
  await expect(page.getByTestId('registry-entry')).toContainText('Bitcoin-family node (JSON-RPC) at http://127.0.0.1:4020');
  await expect(page.getByTestId('registry-entry')).toContainText('the bitcoind stand-in answers for this coin');
});
