import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './tests/support/chromium';

// Two production servers: one fed by the local fixture upstreams (live mode), one with no
// sources configured (the embedded snapshot a fresh clone shows). Nothing leaves 127.0.0.1.
const FIXTURE_PORT = 4010;
const BITCOIN_STANDIN_PORT = 4020;
const MONERO_STANDIN_PORT = 4021;
const DASH_STANDIN_PORT = 4022;
const LIVE_PORT = 3100;
const EMBEDDED_PORT = 3101;
const fixtureUrl = `http://127.0.0.1:${FIXTURE_PORT}`;
const run = process.env.MINERANK_E2E_RUN ?? String(process.pid);
process.env.MINERANK_E2E_RUN = run;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
};

const nextStart = (port: number) => `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'live', use: { ...chromium, baseURL: `http://127.0.0.1:${LIVE_PORT}` }, testIgnore: /\.embedded\.spec\.ts$/ },
    {
      name: 'embedded',
      use: {
        ...chromium,
        baseURL: `http://127.0.0.1:${EMBEDDED_PORT}`,
        permissions: ['clipboard-read', 'clipboard-write'],
        acceptDownloads: true,
      },
      testMatch: /\.embedded\.spec\.ts$/,
    },
  ],
  webServer: [
    {
      command: `npx tsx tests/support/fixture-server.ts --port ${FIXTURE_PORT}`,
      url: `${fixtureUrl}/__counts`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // bitcoind and monerod stand-ins: the coins' own nodes, for registry and user-added coins.
      command: 'npx tsx tests/support/chain-standins-cli.ts',
      url: `http://127.0.0.1:${MONERO_STANDIN_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        BITCOIN_STANDIN_PORT: String(BITCOIN_STANDIN_PORT),
        MONERO_STANDIN_PORT: String(MONERO_STANDIN_PORT),
        DASH_STANDIN_PORT: String(DASH_STANDIN_PORT),
        BITCOIN_STANDIN_AUTH: 'minerank:standin',
      },
    },
    {
      command: nextStart(LIVE_PORT),
      url: `http://127.0.0.1:${LIVE_PORT}/api/coins`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        SOURCES: 'whattomine,coingecko,nicehash,chain',
        // The specs read live figures from the first page: wait for the first refresh (the fixtures answer at once).
        FIRST_PAGE_WAIT_MS: '60000',
        // Registry coins on the fixture server and the stand-ins, all on loopback: allowed here only.
        COIN_REGISTRY_FILE: 'tests/fixtures/registry/e2e.coins.config.json',
        USER_COINS_FILE: join(tmpdir(), `minerank-e2e-${run}`, 'coins.user.json'),
        ALLOW_PRIVATE_SOURCES: '1',
        STANDIN_RPC_AUTH: 'minerank:standin',
        WHATTOMINE_URL: fixtureUrl,
        COINGECKO_URL: fixtureUrl,
        NICEHASH_URL: fixtureUrl,
        HISTORY_FILE: join(tmpdir(), `minerank-e2e-${run}`, 'history.sqlite'),
        UPSTREAM_TIMEOUT_MS: '1500',
        REFRESH_SECONDS: '5',
        SNAPSHOT_FILE: join(tmpdir(), `minerank-e2e-${run}`, 'snapshot.json'),
        // The whole suite is one client browsing far faster than a person: no page budget here
        // (tests/scale/exposure.test.ts checks it).
        PAGE_RATE_LIMIT_PER_MINUTE: '0',
      },
    },
    {
      command: nextStart(EMBEDDED_PORT),
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/coins`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { SOURCES: '', USER_COINS_FILE: join(tmpdir(), `minerank-e2e-${run}`, 'embedded-coins.user.json'), PAGE_RATE_LIMIT_PER_MINUTE: '0' },
    },
  ],
});
