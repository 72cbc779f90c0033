/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first): prefixed
 * with ' so Excel and WPS show it as text. Numbers stay numbers: -5 is a value, not a formula.
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. A BOM lets Excel read UTF-8. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const field = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : neutralise(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header.map(neutralise), ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
