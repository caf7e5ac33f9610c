import { localDate, localTime } from '../domain/calendar.js';
import { formatMoney, moneyText, plainAmount, plainMoney } from './money.js';
import type { Column } from './view.js';

/**
 * Text as it may reach a terminal: control characters (ESC, BEL, a carriage return, C1 codes) written as visible
 * escapes, so a stored value can never colour, retitle or rewrite the screen. Line breaks and tabs stay.
 */
export function inert(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A cell as a person reads it in a table: money with symbol and grouping, lists comma-joined, times local. */
export function displayCell(col: Column, row: unknown, locale: string): string {
  return inert(displayValue(col, row, locale));
}

function displayValue(col: Column, row: unknown, locale: string): string {
  const v = col.value(row, moneyText(locale));
  if (v === null || v === undefined || v === '') return '';
  switch (col.type) {
    case 'money': {
      const currency = col.currency?.(row);
      if (!currency || typeof v !== 'number') return String(v);
      return formatMoney(v, currency, locale);
    }
    case 'count':
      return new Intl.NumberFormat(locale).format(Number(v));
    case 'datetime':
      return localMinute(new Date(String(v)));
    case 'bool':
      return v ? 'yes' : 'no';
    case 'times':
      return `${Number(v).toFixed(2)}x`;
    case 'percent':
      return `${(Number(v) * 100).toFixed(1)}%`;
    case 'bar':
      return `${bar(Number(v), col.scale ?? 1, 16)} ${(Number(v) * 100).toFixed(0)}%`;
    case 'list':
      return Array.isArray(v) ? v.join(', ') : String(v);
    case 'id':
      return `#${v}`;
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** A cell for a machine: plain numbers (major units, fixed decimals), lists joined with "; ". */
export function plainCell(col: Column, row: unknown): string {
  const v = col.value(row, plainMoney);
  if (v === null || v === undefined) return '';
  if (col.type === 'money' && typeof v === 'number') {
    const currency = col.currency?.(row);
    return currency ? plainAmount(v, currency) : String(v);
  }
  // A ratio a view computes for a bar (a share of the pipeline) is as exact as the JSON's ratios, no more.
  if ((col.type === 'bar' || col.type === 'percent') && typeof v === 'number') return String(Math.round(v * 10_000) / 10_000);
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * Columns as machine formats (piped TSV, CSV, key-value lines) write them. A money cell there is a bare number, so
 * the currency gets a column of its own, `currency`, after the last money column: the row's currency, empty when
 * the row has no amount. Views that already carry a `currency` column are left as they are.
 */
export function machineColumns(columns: Column[]): Column[] {
  const money = columns.filter((c) => c.type === 'money' && c.currency);
  if (!money.length || columns.some((c) => c.key === 'currency')) return columns;
  const currency: Column = {
    header: 'Currency', key: 'currency',
    value: (row) => {
      const priced = money.find((c) => typeof c.value(row, plainMoney) === 'number');
      return priced ? priced.currency!(row) : null;
    },
  };
  const after = columns.indexOf(money.at(-1)!) + 1;
  return [...columns.slice(0, after), currency, ...columns.slice(after)];
}

/** "2026-03-15 09:30" in local time: what a person scanning a table needs of a timestamp. */
function localMinute(d: Date): string {
  return `${localDate(d)} ${localTime(d)}`;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar in eighths of a character: `value` out of `scale` over `width` characters, capped at full. */
export function bar(value: number, scale: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(value / (scale || 1), 1)) * width * 8);
  return ('█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]).padEnd(width, ' ');
}

/**
 * A cell of a CSV or TSV file, which people open in spreadsheets. A text cell that a spreadsheet would run as a
 * formula (it starts with = + - @, a tab or a carriage return) gets a leading ', as OWASP recommends against
 * CSV injection. Numbers stay as they are: a refund of -120.00 must remain a number a spreadsheet can add, and
 * a number cannot carry a formula.
 */
export function spreadsheetCell(col: Column, row: unknown): string {
  const text = plainCell(col, row);
  return typeof col.value(row, plainMoney) !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A CSV cell, quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvQuote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A TSV cell: tabs and line breaks become a space (TSV has no quoting). */
export function tsvClean(s: string): string {
  return inert(s.replace(/[\t\r\n]+/g, ' '));
}
