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
