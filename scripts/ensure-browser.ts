// Make sure the end-to-end tests have a Chromium: Playwright's own, else /usr/bin/chromium, else (Debian,
// as root) install the `chromium` package. `npx playwright install` cannot download on machines without
// general internet access, but Debian's package mirror is reachable.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SYSTEM_CHROMIUM, findBrowser } from './find-browser.ts';

const INSTALL = 'apt-get update && apt-get install -y chromium';

if (findBrowser()) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version')) {
  console.log(`No Chromium found: installing Debian's chromium package (${INSTALL})…`);
  const started = Date.now();
  // apt-get's log runs to hundreds of lines: keep it, and show its end only when the install failed.
  let log: string;
  try {
    log = execFileSync('sh', ['-c', `(${INSTALL} -qq) 2>&1`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    log = String((error as { stdout?: unknown }).stdout ?? error);
  }
  if (findBrowser()) {
    console.log(`Installed ${SYSTEM_CHROMIUM} in ${Math.round((Date.now() - started) / 1000)} s.`);
    process.exit(0);
  }
  console.error(`The install did not give a Chromium. The end of its log:\n${log.split('\n').slice(-40).join('\n')}`);
}
console.error(
  `No Chromium found for the end-to-end tests. Install one with:\n  sudo ${INSTALL}\nor: npx playwright install chromium`,
);
process.exit(1);
