import { expect, test } from '@playwright/test';

// A broken upstream never takes the page down: the last good data stays, marked stale.
// The live test server refreshes every 5 s (REFRESH_SECONDS in playwright.config.ts).

const FIXTURE = 'http://127.0.0.1:4010';

test.afterEach(async ({ request }) => {
  await request.post(`${FIXTURE}/__reset`);
});

test('when WhatToMine answers 500 the page keeps its last good data and says it is stale', async ({ page, request }) => {
  await page.goto('/?hr.cryptonight=10k');
  await expect(page.getByTestId('data-banner')).toContainText('Live data');
  await request.post(`${FIXTURE}/__control`, { data: { route: '/coins.json', mode: '500' } });

  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('data-banner').innerText();
      },
      { timeout: 20_000, intervals: [1000] },
    )
    .toContain('WhatToMine GPU coins failed');
  await expect(page.getByTestId('data-banner')).toContainText('Stale data.');
  // Monero is still there with its last good figures, flagged as from a failed source.
  await expect(page.locator('tr[data-tag="XMR"]')).toContainText('0.1974');
  await expect(page.locator('tr[data-tag="XMR"]').getByText('stale')).toBeVisible();

  const api = await (await request.get('/api/coins')).json();
  expect(api.stale).toBe(true);
  expect(api.sources.find((s: { id: string }) => s.id === 'whattomine-gpu')).toMatchObject({ ok: false, stale: true });
});
