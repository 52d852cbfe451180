import { defineConfig, devices } from '@playwright/test';

import { chromiumLaunchOptions } from './tests/e2e/chromium-launch';

// End-to-end tests drive Debian's Chromium (Playwright cannot download its
// own browsers here) against a production build of the portal, started by
// tests/e2e/global-setup.ts on a fresh database with the Twilio emulator.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'] } }],
});
