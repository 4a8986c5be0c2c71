/** An XLSX file that cannot be read: not a workbook at all, a damaged one, or one without the sheet asked for. */
export class XlsxError extends Error {
  override name = 'XlsxError';
}
