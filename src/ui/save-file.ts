/** Hand bytes to the browser as a download named `name` (the object URL is released once it has been taken). */
export function saveFile(options: { bytes: Uint8Array; name: string; type: string }): void {
  const url = URL.createObjectURL(new Blob([options.bytes as BlobPart], { type: options.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = options.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
