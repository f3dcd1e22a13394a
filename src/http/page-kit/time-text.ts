/** How pages write a moment: its date and time in UTC, in British English ("3 December 2026 at 13:07 UTC"). */

// One formatter for every call: building one per date (Date#toLocaleString with options) costs
// more than the rest of a news feed page.
const FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function timeText(when: Date): string {
  return `${FORMAT.format(when)} UTC`;
}
