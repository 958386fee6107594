import type { Page } from '@playwright/test';

/** Charts mount when their slot nears the viewport (components/charts/slot.tsx): scroll to each. */
export async function revealCharts(page: Page): Promise<void> {
  for (const slot of await page.locator('[data-chart-slot]').all()) await slot.scrollIntoViewIfNeeded();
}
