import { test as base, expect, type Page } from '@playwright/test';
import { LOCAL_HOSTS } from './ports.ts';

/**
 * Every end-to-end test runs offline by construction: any request to a host other than the local servers
 * (the app, the mock portal, our proxy) is aborted and fails the test, and so does any console error or
 * uncaught page error — except those a test declares it expects (`test.use({ expectedConsoleErrors })`),
 * such as the browser's own report of a download the portal's CORS policy blocked.
 */
export const test = base.extend<{ offlineGuard: void; expectedConsoleErrors: RegExp | undefined }>({
  // One pattern (alternation for several): an array would read as Playwright's [value, options] form.
  expectedConsoleErrors: [undefined, { option: true }],
  offlineGuard: [
    async ({ page, baseURL, expectedConsoleErrors }, use) => {
      const check = await guardPage({ page, baseURL, expectedConsoleErrors });
      await use();
      check();
    },
    { auto: true },
  ],
});

/**
 * Hold a page to the same rules (a second page a test opens in the context, say): returns the check to
 * run at the end, which fails on any request to a non-local host and any unexpected console error.
 */
export async function guardPage(options: {
  page: Page;
  baseURL: string | undefined;
  expectedConsoleErrors?: RegExp | undefined;
}): Promise<() => void> {
  const { page, expectedConsoleErrors } = options;
  const local = new Set([new URL(options.baseURL ?? 'http://127.0.0.1').host, ...LOCAL_HOSTS]);
  const foreign: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || local.has(url.host)) return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedConsoleErrors?.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return () => {
    expect(foreign, 'requests to non-local hosts').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  };
}

export { expect };
