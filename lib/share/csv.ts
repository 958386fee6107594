// The ranking table as CSV (the export route): the same rows, columns and units as on screen,
// numbers unformatted, RFC 4180 quoting.
import { getAlgorithm } from '@/lib/mining/algorithms';
import { TABLE_COLUMNS, type TableView } from '@/lib/ranking/columns';
import type { Rates } from '@/lib/ranking/currency';
import type { ViewRow } from '@/lib/ranking/view';

/** RFC 4180: quote a field with a comma, quote or line break; double inner quotes. */
export function csvField(value: number | string | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV: the same rows, columns and units as on screen, numbers unformatted. */
export function tableToCsv(rows: readonly ViewRow[], view: TableView, rates: Rates): string {
  const header = TABLE_COLUMNS.flatMap((c) => {
    const unit = c.unit(view);
    const label = unit ? `${c.label} (${unit})` : c.label;
    // The hashrate's unit differs per algorithm: give it its own column.
    return c.kind === 'hashrate' ? [label.replace(' (H/s, Sol/s or G/s)', ''), 'Hashrate unit'] : [label];
  });
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const fields = TABLE_COLUMNS.flatMap((c) => {
      const value = c.value(row, view, rates);
      return c.kind === 'hashrate' ? [value, getAlgorithm(row.coin.algorithm)?.unit ?? 'H/s'] : [value];
    });
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
