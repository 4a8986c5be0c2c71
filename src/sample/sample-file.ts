/** A generated file of the offline sample, named as the portal names it. */
export interface SampleFile {
  /** The file name: the last segment of the download URL, or `<resource id>.json` for DataStore resources. */
  fileName: string;
  /** Its contents: text (CSV, JSON) or bytes (XLSX). */
  content: string | Uint8Array;
}
