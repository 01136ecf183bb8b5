/**
 * CSV per RFC 4180 (comma-separated, CRLF line ends, fields with a comma, quote,
 * CR or LF quoted, quotes doubled), UTF-8, for spreadsheets: a text cell that
 * starts with = + - @ tab or CR would be run as a formula (`=HYPERLINK(…)`), so
 * it gets a leading apostrophe and stays text. Plain numbers ("-5.00") are
 * left alone: they cannot be formulas and must stay numbers.
 */
export type Cell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

/** A cell as spreadsheet-safe text (before CSV quoting). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ""
  const text = neutralise(String(value))
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One record, with its CRLF. */
export function csvRow(values: Cell[]): string {
  return values.map(csvCell).join(",") + "\r\n"
}
