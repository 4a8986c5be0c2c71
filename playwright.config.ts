import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.ts';
import { APP_PORT, PORTAL_PORT, PROXY_PORT, SITE_PORT } from './tests/e2e/ports.ts';

const PORT = APP_PORT;
const browser = findBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 180_000,
  expect: { timeout: 60_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    timezoneId: 'Australia/Sydney',
    locale: 'en-AU',
    trace: 'retain-on-failure',
    // The built site registers a service worker; Playwright's request routing (the offline guard) does not
    // see what one fetches, so it is blocked except where a test turns it on (tests/e2e/hosting.spec.ts).
    serviceWorkers: 'block',
    launchOptions: { executablePath: browser?.executablePath, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      // The production build, as users get it (npm run test:e2e builds it first).
      command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // A stand-in for Data.NSW and ACARA: every catalogued source at its real path, no CORS header.
      command: `npx tsx tests/support/serve-mock-portal.ts`,
      url: `http://127.0.0.1:${PORTAL_PORT}/__control/hits`,
      env: { PORT: String(PORTAL_PORT) },
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // The same build under a sub-path, as GitHub Pages serves a project site, with public/_headers applied.
      command: `npx tsx tests/support/serve-site.ts`,
      url: `http://127.0.0.1:${SITE_PORT}/data-stack-in-a-tab/`,
      env: { PORT: String(SITE_PORT) },
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // Our own CORS proxy, allowed to reach only the mock portal.
      command: `npx tsx scripts/proxy.ts`,
      port: PROXY_PORT,
      env: {
        PORT: String(PROXY_PORT),
        HOST: '127.0.0.1',
        PROXY_ALLOW_HOSTS: `127.0.0.1:${PORTAL_PORT}`,
        PROXY_ALLOW_PRIVATE: '1',
      },
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
