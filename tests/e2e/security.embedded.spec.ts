import { expect, test } from '@playwright/test';
import { revealCharts } from './charts';

// Security headers on every response, and pages that keep working under the CSP.

const PAGES = [
  '/?dev=nvidia-rtx-3070:2,amd-ryzen-9-7950x:1',
  '/coins/RVN?dev=nvidia-rtx-3070:1&hw=400',
  '/compare?coins=RVN,XMR&dev=nvidia-rtx-3070:1',
  '/contract?c.algo=kawpow&c.hr=100M&c.day=5&c.days=30',
];

test('every page works under the Content-Security-Policy: charts drawn, no CSP error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await revealCharts(page);
    await page.waitForLoadState('networkidle');
  }
  await page.goto(PAGES[0]!);
  await revealCharts(page);
  await expect(page.getByTestId('ranking-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
  expect(problems).toEqual([]);
});

test('security headers on pages and the API, and no framework version header', async ({ request }) => {
  for (const path of ['/', '/api/coins', '/coins/NOPE', '/api/estimates?kwh=-1']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
  }
});
