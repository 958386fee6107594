import { expect, test, type APIRequestContext } from '@playwright/test';

// The fault matrix: whatever one upstream does, `/`, a coin page and the API still answer 200,
// the last good data stays (marked stale, with the error), and no NaN or Infinity is served.
// The live test server refreshes every 5 s and times upstreams out after 1.5 s
// (playwright.config.ts); the fixture server's switches make WhatToMine misbehave.

const FIXTURE = 'http://127.0.0.1:4010';
const ROUTE = '/coins.json';

test.afterEach(async ({ request }) => {
  await request.post(`${FIXTURE}/__reset`);
});

async function sourceStatus(request: APIRequestContext) {
  const body = await (await request.get('/api/coins')).json();
  return body.sources.find((s: { id: string }) => s.id === 'whattomine-gpu') as { ok: boolean; stale: boolean; error: string | null };
}

const FAULTS = [
  { mode: 'slow', delayMs: 4000, error: /timed out after 1500 ms/ },
  { mode: '500', error: /HTTP 500/ },
  { mode: 'malformed', error: /malformed JSON/ },
  { mode: 'wrong-shape', error: /unexpected response shape/ },
] as const;

for (const fault of FAULTS) {
  test(`WhatToMine ${fault.mode}: pages and API answer, last good data kept and marked stale`, async ({ page, request }) => {
    await expect.poll(async () => (await sourceStatus(request)).ok, { timeout: 20_000 }).toBe(true);
    await request.post(`${FIXTURE}/__control`, { data: { route: ROUTE, mode: fault.mode, ...('delayMs' in fault ? { delayMs: fault.delayMs } : {}) } });
    await expect
      .poll(async () => (await sourceStatus(request)).error ?? '', { timeout: 25_000, intervals: [1000] })
      .toMatch(fault.error);
    expect(await sourceStatus(request)).toMatchObject({ ok: false, stale: true });

    for (const path of ['/', '/coins/XMR?hr.cryptonight=10k', '/api/estimates?hr.cryptonight=10k', '/api/coins']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text(), path).not.toMatch(/\bNaN\b|\bInfinity\b/);
    }
    await page.goto('/?hr.cryptonight=10k');
    await expect(page.getByTestId('data-banner')).toContainText('Stale data.');
    await expect(page.locator('tr[data-tag="XMR"]')).toContainText('0.1974'); // last good figures
    await expect(page.locator('tr[data-tag="XMR"]').getByText('stale')).toBeVisible();
  });
}

test('a 429 with Retry-After is honoured: that source is not asked again before it says', async ({ request }) => {
  await expect.poll(async () => (await sourceStatus(request)).ok, { timeout: 20_000 }).toBe(true);
  await request.post(`${FIXTURE}/__control`, { data: { route: ROUTE, mode: '429', retryAfter: 60 } });
  await expect.poll(async () => (await sourceStatus(request)).error ?? '', { timeout: 25_000, intervals: [1000] }).toMatch(/HTTP 429/);
  const counts = async () => (await (await request.get(`${FIXTURE}/__counts`)).json()) as Record<string, number>;
  const before = await counts();
  // Two more refresh periods (a refresh runs when a request finds the data due): CoinGecko is
  // asked again, WhatToMine's GPU list is not.
  await expect
    .poll(
      async () => {
        await request.get('/api/coins');
        return (await counts())['/api/v3/simple/price']! - before['/api/v3/simple/price']!;
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBeGreaterThanOrEqual(2);
  expect((await counts())[ROUTE]).toBe(before[ROUTE]);
  expect((await request.get('/api/coins')).status()).toBe(200);
});

test('an empty coin list from one source leaves the other sources’ coins in place', async ({ request }) => {
  await request.post(`${FIXTURE}/__control`, { data: { route: '/asic.json', mode: 'empty' } });
  await expect
    .poll(async () => {
      const body = await (await request.get('/api/coins')).json();
      return body.sources.find((s: { id: string }) => s.id === 'whattomine-asic');
    }, { timeout: 25_000, intervals: [1000] })
    .toMatchObject({ ok: false, stale: true });
  const body = await (await request.get('/api/coins')).json();
  expect(body.coins.some((c: { tag: string }) => c.tag === 'XMR')).toBe(true);
  expect(body.coins.some((c: { tag: string }) => c.tag === 'LTC')).toBe(true); // last good ASIC data
});

test('markup in an upstream coin name is shown as text, and absurd values are left out', async ({ page, request }) => {
  await request.post(`${FIXTURE}/__control`, { data: { route: '/asic.json', mode: 'hostile' } });
  await expect
    .poll(async () => {
      const body = await (await request.get('/api/coins')).json();
      return body.coins.map((c: { tag: string }) => c.tag);
    }, { timeout: 25_000, intervals: [1000] })
    .toContain('<b>XSS</b>');
  const body = await (await request.get('/api/coins')).text();
  expect(body).not.toMatch(/\bNaN\b|\bInfinity\b/);
  // "NaN" hashrate: the entry is rejected, never shown with a made-up figure.
  expect(JSON.parse(body).coins.some((c: { tag: string }) => c.tag === 'ABSURD')).toBe(false);

  await page.goto('/?device=asic&algo=scrypt');
  const row = page.locator('tr[data-tag="<b>XSS</b>"]');
  await expect(row).toContainText('<b>XSS</b>');
  await expect(row).toContainText('<img src=x onerror="window.__xss=1">Coin');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
