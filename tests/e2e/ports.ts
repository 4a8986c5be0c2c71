// Each port can be moved with an environment variable, so two checkouts can run their e2e suites at once.
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** The app under test (vite preview of the production build). */
export const APP_PORT = port('E2E_APP_PORT', 4173);
/** The mock portal: every catalogued source at its real path, no CORS header. */
export const PORTAL_PORT = port('E2E_PORTAL_PORT', 4180);
/** Our own CORS proxy, allowed to reach only the mock portal. */
export const PROXY_PORT = port('E2E_PROXY_PORT', 4181);
/** The same build as a static host serves it, under a sub-path, with `_headers` applied. */
export const SITE_PORT = port('E2E_SITE_PORT', 4182);
/** Hosts the tests may reach; anything else is the internet and fails the test. */
export const LOCAL_HOSTS = [APP_PORT, PORTAL_PORT, PROXY_PORT, SITE_PORT].map((port) => `127.0.0.1:${port}`);
