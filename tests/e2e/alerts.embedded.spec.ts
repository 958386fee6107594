import { expect, test } from '@playwright/test';

// Saving an alert needs no account: the answer is a secret link, and that link's page pauses and
// deletes it. (Delivery is covered by tests/integration/alerts.test.ts and the scale-out test.)
test('a miner saves an alert for their rig, gets its secret link, and pauses it there', async ({ page }) => {
  await page.goto('/alerts?view=hr.kawpow%3D30M%26w.kawpow%3D200');
  await page.getByLabel('Coin (ticker)').fill('R');
  await page.getByLabel('Address (URL, chat or e-mail)').fill('https://93.184.215.14/hook');
  await page.getByRole('button', { name: 'Save the alert' }).click();
  await expect(page.getByTestId('error-coin')).toContainText('a ticker of 2–10 letters or digits');

  await page.getByLabel('Coin (ticker)').fill('RVN');
  await page.getByRole('button', { name: 'Save the alert' }).click();
  await expect(page.getByTestId('alert-saved')).toContainText('Keep this link');
  await page.getByRole('link', { name: 'Manage this alert' }).click();
  await expect(page.getByTestId('alert-state')).toHaveText('watching');
  await expect(page.getByText('"coin":"RVN"')).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused.' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('alert-state')).toHaveText('paused');
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted: this alert will not fire again.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
