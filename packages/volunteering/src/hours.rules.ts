// Pure rules of hours: the CSV an organisation exports for Finnish Excel.

export interface CsvHoursRow {
  date: string;
  volunteer: string;
  email: string | null;
  task: string;
  kind: string;
  hours: number;
}

// Finnish Excel opens a CSV by double-click when it is UTF-8 with a byte-order mark, separated by
// semicolons (the comma is the decimal mark) and with decimal commas in numbers.
export const CSV_BOM = '\uFEFF';

function cell(value: string): string {
  // A cell starting with = + - @ would be run as a formula by spreadsheet programs: a leading ' keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatHoursNumber(hours: number): string {
  return (Math.round(hours * 100) / 100).toString().replace('.', ',');
}

export function hoursCsv(header: readonly string[], rows: readonly CsvHoursRow[]): string {
  const lines = [header.map(cell).join(';')];
  for (const row of rows)
    lines.push([row.date, row.volunteer, row.email ?? '', row.task, row.kind, formatHoursNumber(row.hours)].map(cell).join(';'));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

// Round sums to hundredths (numeric(6,2) values added as floats drift).
export function sumHours(values: readonly number[]): number {
  return Math.round(values.reduce((sum, value) => sum + value, 0) * 100) / 100;
}
