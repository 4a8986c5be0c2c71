/**
 * P1's reference page (`npm run bench`): starts the bare-engine worker and marks the document
 * `data-engine-ready` with the time since navigation once `select 42` answered. Not part of the app bundle.
 */
const worker = new Worker(new URL('../../worker/engine-reference.ts', import.meta.url), { type: 'module' });
worker.addEventListener('message', () => {
  document.documentElement.dataset.engineReady = performance.now().toFixed(1);
});
worker.addEventListener('error', (event) => {
  document.documentElement.dataset.engineError = event.message;
});
