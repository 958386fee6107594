import { expect, test, type Page, type Request } from '@playwright/test';

// Rig edits re-rank in the browser (components/live-ranking.tsx): the table follows a keystroke
// with no request to the server, the address bar holds the state, and the server's render of any
// URL is the same table cell for cell.

const table = (page: Page) => page.getByTestId('coin-table');
const cells = (page: Page) =>
  table(page)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));

/** A money cell of one coin's row, by its column's header, as a number. */
async function amount(page: Page, tag: string, header: string): Promise<number> {
  const text = await page.evaluate(
    ([t, h]) => {
      const table = document.querySelector('[data-testid="coin-table"]');
      const index = [...(table?.querySelectorAll('thead th') ?? [])].findIndex((th) => th.textContent?.trim().startsWith(h ?? ''));
      return table?.querySelector(`tbody tr[data-tag="${t}"]`)?.querySelectorAll('td')[index]?.textContent ?? '';
    },
    [tag, header],
  );
  return Number(text.replace(/[^0-9.]/g, ''));
}

/**
 * Page loads and RSC fetches: what a server round trip for a view would be. The header's links
 * prefetch their pages in the background; those are not this page's view and are left out.
 */
function countServerRequests(page: Page): { urls: string[] } {
  const urls: string[] = [];
  page.on('request', (request: Request) => {
    const headers = request.headers();
    if (headers['next-router-prefetch'] === '1') return;
    const rsc = headers['rsc'] === '1' || request.url().includes('_rsc=');
    if (request.resourceType() === 'document' || rsc) urls.push(`${request.resourceType()} ${request.url()}`);
  });
  return { urls };
}

async function openLive(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-testid="rig-form"][data-live]')).toHaveCount(1);
}

/** Errors in the console and uncaught ones: a hydration mismatch is reported there. */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

const figureLoads = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/(ranking-snapshot|coins)\b/.test(request.url())) urls.push(request.url());
  });
  return urls;
};

test('a shared link hydrates from the figures in its own page: no request for them, no mismatch', async ({ page }) => {
  const problems = problemsOf(page);
  const loads = figureLoads(page);
  await openLive(page, '/?dev=nvidia-rtx-3070:1&hr.kawpow=30M');
  expect(loads).toEqual([]);
  // The figures sit in the page once, as inert JSON the island read (the embedded snapshot's 97 coins).
  const figures = JSON.parse((await page.locator('script#ranking-snapshot').textContent()) ?? '{}');
  expect(figures.asOf).toBe('2024-03-16T00:00:00.000Z');
  expect(figures.coins).toHaveLength(97);
  expect(problems).toEqual([]);
});

test('the ranking reached by a client navigation loads its figures once, by key', async ({ page }) => {
  const problems = problemsOf(page);
  await page.goto('/coins/RVN');
  await page.waitForLoadState('networkidle');
  const loads = figureLoads(page);
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ranking' }).click();
  await expect(page.locator('[data-testid="rig-form"][data-live]')).toHaveCount(1);
  await expect(table(page).locator('tbody tr').first()).toBeVisible();
  expect(documents).toEqual([]);
  expect(loads).toHaveLength(1);
  expect(loads[0]).toMatch(/\/api\/ranking-snapshot\?v=[\w-]{16}$/);
  expect(problems).toEqual([]);
});

test('typing a hashrate re-ranks the table with no request to the server', async ({ page }) => {
  await openLive(page, '/?dev=nvidia-rtx-3070:1&hr.kawpow=30M');
  const requests = countServerRequests(page);
  const rvnProfit = table(page).locator('tr[data-tag="RVN"]').getByTestId('profit');
  const before = await rvnProfit.innerText();
  const field = page.getByLabel('KawPow hashrate');
  await field.fill('300M');
  await expect(rvnProfit).not.toHaveText(before);
  await expect(page).toHaveURL(/hr\.kawpow=300M/);
  // Ten times the hashrate, ten times the revenue (the cells are rounded to the cent).
  const revenue = () => amount(page, 'RVN', 'Revenue');
  const at300 = await revenue();
  await field.fill('30M');
  await expect(page).toHaveURL(/hr\.kawpow=30M/);
  const ratio = at300 / (await revenue());
  expect(ratio).toBeGreaterThan(9.8);
  expect(ratio).toBeLessThan(10.2);
  expect(requests.urls).toEqual([]);
});

test('the pool-fee and operating-point switches re-rank with no request to the server', async ({ page }) => {
  await openLive(page, '/?dev=nvidia-rtx-3070:1');
  const requests = countServerRequests(page);
  await page.getByTestId('pool-switch').getByRole('link', { name: 'best pool' }).click();
  await expect(page).toHaveURL(/pool=best/);
  await expect(page.getByTestId('pool-switch').getByRole('link', { name: 'best pool' })).toHaveAttribute('aria-current', 'true');
  await page.getByTestId('tune-switch').getByRole('link', { name: 'stock' }).click();
  await expect(page).toHaveURL(/tune=stock/);
  await expect(page.getByTestId('tune-switch').getByRole('link', { name: 'stock' })).toHaveAttribute('aria-current', 'true');
  expect(requests.urls).toEqual([]);
});

test('a bad value shows its message by the field and keeps the last good ranking', async ({ page }) => {
  await openLive(page, '/?dev=nvidia-rtx-3070:1&hr.kawpow=60M');
  const before = await cells(page);
  const field = page.getByLabel('KawPow hashrate');
  await field.fill('60 bananas');
  await expect(page.locator(`#${await field.getAttribute('aria-describedby')}`)).toHaveText(/is not a hashrate/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await cells(page)).toEqual(before);
  await expect(page).toHaveURL(/hr\.kawpow=60M/);
});

// This test failed about 1 run in 3 on a loaded machine while the island wrote the URL through the
// App Router: the router could write an older URL back into the entry after the rig edit's replace.
// The island now owns its URL (components/url-state.tsx); the CPU is slowed here so the old race
// shows (2 of 8 runs failed that way before the change, 0 of 8 after).
test('back and forward restore the previous rig, and the form follows the address bar', async ({ page }) => {
  test.setTimeout(120_000);
  await openLive(page, '/?dev=nvidia-rtx-3070:1');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 3 });
  const requests = countServerRequests(page);
  const count = page.getByLabel(/^Number of .*RTX 3070/);
  const oneCard = await cells(page);
  // A sort is a new history entry; a rig edit replaces the current one.
  await table(page).getByRole('link', { name: 'Coin', exact: true }).click();
  await expect(page).toHaveURL(/sort=name/);
  await count.fill('3');
  await expect(page).toHaveURL(/nvidia-rtx-3070(%3A|:)3/);
  const threeCards = await cells(page);
  expect(threeCards).not.toEqual(oneCard);
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=name/);
  await expect(count).toHaveValue('1');
  await expect.poll(() => cells(page)).toEqual(oneCard);
  await page.goForward();
  await expect(page).toHaveURL(/nvidia-rtx-3070(%3A|:)3/);
  await expect(count).toHaveValue('3');
  await expect.poll(() => cells(page)).toEqual(threeCards);
  expect(requests.urls).toEqual([]);
});

test('a copied URL opened in a new page shows the same table', async ({ page, context }) => {
  await openLive(page, '/');
  await page.getByLabel(/^Number of .*RTX 3070/).fill('4');
  await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'week' }).click();
  await page.getByLabel('Search coins').fill('r');
  await expect(page).toHaveURL(/q=r/);
  const shown = await cells(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).searchParams.get('dev')).toBe('nvidia-rtx-3070:4');
  const other = await context.newPage();
  await openLive(other, copied);
  await expect.poll(() => cells(other)).toEqual(shown);
});

// Views that exercise every input the browser ranks with: devices, hand-typed figures, price, fee,
// tariff, tuning, basis, period, currency, sort, filters and the sellable switch.
const VIEWS = [
  '/?rows=all',
  '/?dev=nvidia-rtx-3070:6,amd-ryzen-9-7950x&kwh=0.21&fee=2&rows=all',
  '/?hr.kawpow=95M&w.kawpow=600&hr.randomx=20k&w.randomx=150&per=week&cur=btc&sort=score&rows=all',
  '/?dev=nvidia-rtx-3070:2&tou=0-7:0.08,7-23:0.24,23-24:0.08&tz=Europe/Berlin&fixed=1.5&overhead=8&heat=0.03&hours=profitable&rows=all',
  '/?dev=amd-radeon-vii:3&tune=stock&pl.amd-radeon-vii=70&sort=cost&dir=asc&rows=all',
  '/?dev=nvidia-rtx-3070:1&device=gpu&sellable=1&q=o&per=month&basis=24h',
  '/?dev=nvidia-rtx-3070:1&hr.kawpow=abc&sort=bogus',
];

test('the server and the browser render every cell of these views alike', async ({ page, browser }) => {
  test.setTimeout(180_000); // seven views of up to 97 rows, each read twice
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const server = await noJs.newPage();
  await openLive(page, '/');
  const requests = countServerRequests(page);
  for (const view of VIEWS) {
    await server.goto(view);
    // Visible, not only in the DOM: without JavaScript a streamed-in (hidden) part would stay hidden.
    await expect(table(server)).toBeVisible();
    await expect(server.getByTestId('rig-form')).toBeVisible();
    const expected = await cells(server);
    expect(expected.length).toBeGreaterThan(0);
    // Without rows=all the server renders the first 10 rows and the browser shows the top 30:
    // those 10 must be the browser's first 10, cell for cell.
    const all = view.includes('rows=all');
    if (!all) expect(expected.length).toBeLessThanOrEqual(10);
    // The browser page moves to the view in place: the island re-ranks with no server render.
    await page.evaluate((url) => window.history.pushState(null, '', url), view);
    await expect.poll(async () => (await cells(page)).slice(0, all ? undefined : expected.length), { message: view }).toEqual(expected);
    await expect(page.getByTestId('param-errors')).toHaveCount(await server.getByTestId('param-errors').count());
  }
  expect(requests.urls).toEqual([]);
  await noJs.close();
});

test('a newer snapshot re-ranks the open page and says as of when', async ({ page }) => {
  await openLive(page, '/?dev=nvidia-rtx-3070:1&hr.kawpow=30M');
  const current = await (await page.request.get('/api/coins')).json();
  const revenue = () => amount(page, 'RVN', 'Revenue');
  const before = await revenue();
  // The next refresh brings figures taken a day later, with RVN's price doubled.
  const newer = {
    ...current,
    asOf: '2024-03-17T00:00:00.000Z',
    coins: current.coins.map((c: { tag: string; priceUsd: number | null }) => (c.tag === 'RVN' ? { ...c, priceUsd: (c.priceUsd ?? 0) * 2 } : c)),
  };
  await page.route('**/api/coins', (route) => route.fulfill({ json: newer }));
  const requests = countServerRequests(page);
  // SWR refreshes on focus, at most every 5 s (its focusThrottleInterval, counted from the page's load).
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.dispatchEvent(new Event('focus')));
        return page.getByTestId('ranking-as-of').innerText();
      },
      { timeout: 20_000, intervals: [1000] },
    )
    .toContain('17 Mar 2024');
  await expect.poll(revenue).toBeCloseTo(before * 2, 1);
  expect(requests.urls).toEqual([]);
});
