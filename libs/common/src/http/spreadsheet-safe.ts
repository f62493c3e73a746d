/**
 * A CSV cell that starts like a formula (= + - @, a tab or a carriage return) is run by the spreadsheet
 * an organiser opens the export in; an apostrophe before it makes it shown, not run (OWASP "CSV
 * injection"). Exports hold what public forms and other organisations typed.
 */
export function spreadsheetSafe(value: string | null): string | null {
  return value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
