import { expect, test } from '@playwright/test';

// This server has no ALLOW_PRIVATE_SOURCES: a source on this machine or its network is refused
// before any connection is made, whatever form the address takes.
const cases = [
  { url: 'http://127.0.0.1:4020', says: 'refused: 127.0.0.1 is a loopback address' },
  { url: 'http://169.254.169.254', says: 'refused: 169.254.169.254 is a link-local address' },
  { url: 'http://[::1]:4021', says: 'refused: ::1 is a loopback address' },
  { url: 'http://10.0.0.7:8332', says: 'refused: 10.0.0.7 is a private address' },
];

for (const { url, says } of cases) {
  test(`the add-coin check refuses ${url}`, async ({ page }) => {
    await page.goto('/coins/add');
    await expect(page.getByTestId('chain-off')).toBeVisible();
    await page.getByLabel('Ticker', { exact: true }).fill('INT');
    await page.getByLabel('Name', { exact: true }).fill('Internal');
    await page.getByLabel('Algorithm', { exact: true }).selectOption('sha256d');
    await page.getByLabel('Target block time (s)', { exact: true }).fill('600');
    await page.getByLabel('Source URL', { exact: true }).fill(url);
    await page.getByRole('button', { name: 'Check the source' }).click();
    await expect(page.getByTestId('error-url')).toContainText(says);
    await expect(page.getByTestId('error-url')).toContainText('ALLOW_PRIVATE_SOURCES');
  });
}

// The pool-site check goes through the same guard: the MiningCore stand-in on this machine and the
// cloud metadata address are refused before any request, under the URL field.
for (const { url, says } of [
  { url: 'http://127.0.0.1:4010/mc-c', says: 'refused: 127.0.0.1 is a loopback address' },
  { url: 'http://169.254.169.254', says: 'refused: 169.254.169.254 is a link-local address' },
]) {
  test(`the pool-site check refuses ${url}`, async ({ page, request }) => {
    const asked = async () => ((await (await request.get('http://127.0.0.1:4010/__counts')).json()) as Record<string, number>)['/mc-c/api/pools'];
    const before = await asked();
    expect(typeof before).toBe('number');
    await page.goto('/coins/add');
    await page.getByLabel('Pool software', { exact: true }).selectOption('miningcore');
    await page.getByLabel('Pool site URL', { exact: true }).fill(url);
    await page.getByRole('button', { name: 'Check the site' }).click();
    await expect(page.getByTestId('error-poolUrl')).toContainText(says);
    await expect(page.getByTestId('error-poolUrl')).toContainText('ALLOW_PRIVATE_SOURCES');
    await expect(page.getByTestId('site-check')).toHaveCount(0);
    // Refused before any connection: the stand-in was not asked.
    expect(await asked()).toBe(before);
  });
}
