/**
 * Downloading one file of a catalogue source, whatever its format: CSV and XLSX from their download URL
 * (found again through the portal's catalogue when it has moved), DataStore tables through the API.
 */
import type { SourceFileSpec, SourceSpec } from '../core/sources/catalogue.ts';
import { withMirror, type PortalApi } from './ckan-api.ts';
import { fetchDataStore } from './fetch-datastore.ts';
import { FetchError } from './fetch-error.ts';
import { fetchBytes, type FetchedFile, type FetchSettings } from './fetch-file.ts';
import { describeFile, findCurrentUrl } from './find-resource.ts';

/** How to reach the portals, on top of how to download. */
export interface PortalSettings extends FetchSettings, PortalApi {
  /** CKAN action API root. Default `https://data.nsw.gov.au/data/api/3/action`. */
  apiBase?: string | undefined;
  /** A mirror base standing in for Data.NSW and ACARA (see `applyMirror`); unset means the real portals. */
  mirror?: string | undefined;
  /** Records per `datastore_search` page. Default 1000. */
  pageSize?: number | undefined;
}

/** What to download. */
export interface FetchSourceFileOptions {
  /** The dataset. */
  spec: SourceSpec;
  /** Which of its files. */
  file: SourceFileSpec;
  /** How. */
  settings: PortalSettings;
}

/** Download one source file; throws FetchError. The result's notes cover every request made for it. */
export async function fetchSourceFile({ spec, file, settings }: FetchSourceFileOptions): Promise<FetchedFile> {
  const notes: string[] = [];
  const collecting: PortalSettings = {
    ...settings,
    onNote: (note) => {
      notes.push(note);
      settings.onNote?.(note);
    },
  };
  const fetched =
    spec.format === 'datastore'
      ? await fetchDataStore({ spec, file, settings: collecting })
      : await fetchDownload(spec, file, collecting);
  return { ...fetched, notes };
}

async function fetchDownload(spec: SourceSpec, file: SourceFileSpec, settings: PortalSettings): Promise<FetchedFile> {
  if (!file.url) {
    // Only the resource's name is catalogued: ask the portal where it is now.
    const found = await findCurrentUrl({ spec, file, settings });
    settings.onNote?.(
      `Found the download URL for ${describeFile(spec, file)} through the portal's catalogue: ${found}`,
    );
    return fetchBytes(found, settings);
  }
  const url = withMirror(settings, file.url);
  try {
    return await fetchBytes(url, settings);
  } catch (error) {
    if (!(error instanceof FetchError && error.kind === 'http' && (error.status === 404 || error.status === 410))) {
      throw error;
    }
    const current = await findCurrentUrl({ spec, file, missing: error, settings });
    settings.onNote?.(
      `The download URL for ${describeFile(spec, file)} has moved; found the current one through the portal's catalogue: ${current}`,
    );
    return fetchBytes(current, settings);
  }
}
