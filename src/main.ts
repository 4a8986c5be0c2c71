import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/global.css';

mount(App, { target: document.getElementById('app') as HTMLElement });

// The built site keeps its shell, the WebAssembly and the sample for the next visit, offline included.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => {
    // Without it (a private window, an old browser) the site works as before, online.
  });
}
