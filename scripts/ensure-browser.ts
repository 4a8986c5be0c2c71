// Make sure the end-to-end tests have a Chromium: Playwright's own, else /usr/bin/chromium, else (Debian,
// as root) install the `chromium` package. `npx playwright install` cannot download on machines without
// general internet access, but Debian's package mirror is reachable.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.ts';

const INSTALL = 'apt-get update && apt-get install -y chromium';

if (findBrowser()) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version')) {
  console.log(`No Chromium found: installing Debian's chromium package (${INSTALL})…`);
  try {
    execFileSync('sh', ['-c', `${INSTALL} -qq`], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // Reported below.
  }
  if (findBrowser()) process.exit(0);
}
console.error(
  `No Chromium found for the end-to-end tests. Install one with:\n  sudo ${INSTALL}\nor: npx playwright install chromium`,
);
process.exit(1);
