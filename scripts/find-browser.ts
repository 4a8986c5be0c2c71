// Where the end-to-end tests find Chromium: Playwright's own build if installed, else the system one.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Debian's package puts Chromium here. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to launch: `{ executablePath: undefined }` means Playwright's own download is present;
 * `undefined` means no browser was found.
 */
export function findBrowser(): { executablePath: string | undefined } | undefined {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return { executablePath: process.env.CHROMIUM_PATH };
  try {
    if (existsSync(chromium.executablePath())) return { executablePath: undefined };
  } catch {
    // Playwright throws when its browser registry has no entry for this platform: fall through.
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM };
  return undefined;
}

/** Flags that let Chromium start quietly on a machine with no general internet access. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
