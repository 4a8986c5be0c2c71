/** Where the data comes from: the bundled sample (offline) or the portals. */
export type DataMode = 'sample' | 'live';

/** Colour scheme. */
export type Theme = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'data-stack-in-a-tab:settings';

interface Stored {
  mode: DataMode;
  proxy: string;
  mirror: string;
  theme: Theme;
}

/**
 * The user's settings, kept in localStorage. A deployment may set a default CORS proxy at build time
 * (VITE_DEFAULT_PROXY, e.g. its own proxy function). URL parameters override for this page: `?data=live`,
 * `?proxy=<template>`, `?mirror=<base URL>`. No proxy is used unless one of these sets it.
 */
class Settings {
  /** Sample or live data. */
  mode = $state<DataMode>('sample');
  /** CORS proxy URL template with {url} or {encodedUrl}; empty for none. */
  proxy = $state('');
  /** A mirror of the portals (scheme and host replacing Data.NSW's and ACARA's); empty for the real portals. */
  mirror = $state('');
  /** Colour scheme. */
  theme = $state<Theme>('system');

  constructor() {
    const stored = readStored();
    this.mode = stored.mode ?? 'sample';
    this.proxy = stored.proxy ?? (import.meta.env.VITE_DEFAULT_PROXY as string | undefined) ?? '';
    this.theme = stored.theme ?? 'system';
    this.mirror = stored.mirror ?? '';
    const parameters = new URLSearchParams(location.search);
    this.proxy = parameters.get('proxy') ?? this.proxy;
    this.mirror = parameters.get('mirror') ?? this.mirror;
    const mode = parameters.get('data');
    if (mode === 'live' || mode === 'sample') this.mode = mode;
  }

  /** Persist the current settings. */
  save(): void {
    const value: Stored = { mode: this.mode, proxy: this.proxy, mirror: this.mirror, theme: this.theme };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Storage can be full or disabled (private mode): the settings still apply to this page.
    }
  }
}

function readStored(): Partial<Stored> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Stored>;
  } catch {
    return {};
  }
}

/** The page's settings. */
export const settings = new Settings();

/** Check a proxy template the user typed; returns the problem in plain words, or undefined. */
export function checkProxyTemplate(template: string): string | undefined {
  if (template.trim() === '') return undefined;
  if (!/^https?:\/\//.test(template))
    return 'A proxy address starts with https:// (or http:// for one on this computer).';
  if (/\/\/[^/]*@/.test(template))
    return 'Leave user names and passwords out of the proxy address: a proxy sees everything it relays.';
  return undefined;
}
