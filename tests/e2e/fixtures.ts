import { test as base, expect } from '@playwright/test';

/**
 * Every end-to-end test runs offline by construction: any request to a host other than the local server
 * is aborted and fails the test, and so does any console error or uncaught page error.
 */
export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ page, baseURL }, use) => {
      const local = new URL(baseURL ?? 'http://127.0.0.1');
      const foreign: string[] = [];
      const errors: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === local.host) return route.continue();
        foreign.push(url.href);
        return route.abort('blockedbyclient');
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
      await use();
      expect(foreign, 'requests to non-local hosts').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
