/* global PRECACHE, VERSION */
// The service worker (built into dist/sw.js by scripts/service-worker-plugin.ts, which puts the build's
// file list in PRECACHE and a hash of it in VERSION above this file's text). It keeps the app shell, the
// DuckDB WebAssembly and the bundled sample, so a second visit works with the network off:
// - on install, every file of the build is cached (the MVP WebAssembly only when a browser asks for it);
// - the page itself is network-first (a new deployment is seen at once), the cache when offline;
// - every other file of this site is cache-first: hashed names never change their content;
// - nothing from another origin is touched: live data goes through the page's own download cache.
const CACHE = `data-stack-in-a-tab-${VERSION}`;
const scope = new URL(self.registration.scope);
const INDEX = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('data-stack-in-a-tab-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(INDEX).then((cached) => cached ?? Response.error())));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok && url.pathname.endsWith('.wasm')) await cache.put(request, response.clone());
      return response;
    }),
  );
});
