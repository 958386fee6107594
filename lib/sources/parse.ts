// Zod helpers shared by the source adapters for upstream numbers, which arrive as JSON numbers
// or as strings ("248528526.637…" with 30 decimals, "1,314.4536", "$293,869.92", "5.7E-5").
import { z } from 'zod';

import { SchemaError } from './http';

// Optional sign, optional "$", digits (with thousands commas only in groups of three), fraction,
// exponent. Anything else ("NaN", "Infinity", "1,2", "") is rejected, never read as 0.
const NUMERIC_RE = /^([+-]?)\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a numeric string as an upstream writes it; undefined when it is not one. */
export function parseNumericString(text: string): number | undefined {
  const match = NUMERIC_RE.exec(text.trim());
  if (!match) return undefined;
  const [, sign = '', digits = '', exponent = ''] = match;
  const value = Number(`${sign}${digits.replace(/,/g, '')}${exponent}`);
  return Number.isFinite(value) ? value : undefined;
}

const numberOrString = z.union([z.number(), z.string()]);

// A blank string is an upstream's "no value" (hashrate.no's 7d/30d changes for new coins): null.
function toFiniteOrNull(value: number | string, ctx: z.RefinementCtx<number | string>): number | null {
  if (typeof value === 'string' && value.trim() === '') return null;
  const parsed = typeof value === 'number' ? value : parseNumericString(value);
  if (parsed === undefined || !Number.isFinite(parsed)) {
    ctx.addIssue({ code: 'custom', message: `not a finite number: ${JSON.stringify(value).slice(0, 40)}` });
    return z.NEVER;
  }
  return parsed;
}

/** Number or numeric string, read as a finite number or null (blank); for signed figures such as %-changes. */
export const signedNumber = numberOrString.transform(toFiniteOrNull);

/** Number or numeric string where -1 is the upstreams' "unknown" sentinel: -1 → null, blank → null. */
export const upstreamNumber = numberOrString.transform((value, ctx): number | null => {
  const parsed = toFiniteOrNull(value, ctx);
  return parsed === -1 ? null : parsed;
});

/** Positive finite value, or null: a zero or negative difficulty, hashrate or price means unknown. */
export function positiveOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** Unix seconds → ISO string, or null when the stamp is missing or not a plausible time. */
export function isoFromUnixSeconds(seconds: number | null | undefined): string | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "coins.Monero.difficulty" for the first issue, "(root)" when the whole value is wrong. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue?.message ?? 'invalid'}`;
}

/** Parses with `schema` or throws SchemaError naming the source and the first bad path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown, source: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new SchemaError(`${source}: unexpected response shape at ${firstIssue(result.error)}`);
  return result.data;
}

/**
 * Parses each entry of an already-checked collection on its own, so one bad coin is skipped
 * with its reason instead of failing the whole source. Throws SchemaError when entries exist
 * but none parse: that is a changed format, not a bad coin.
 */
export function parseEntries<S extends z.ZodType>(
  schema: S,
  entries: ReadonlyArray<readonly [name: string, raw: unknown]>,
  source: string,
): { parsed: Array<{ name: string; entry: z.output<S> }>; skipped: Array<{ name: string; reason: string }> } {
  const parsed: Array<{ name: string; entry: z.output<S> }> = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  let firstError: string | null = null;
  for (const [name, raw] of entries) {
    const result = schema.safeParse(raw);
    if (result.success) {
      parsed.push({ name, entry: result.data });
    } else {
      const where = firstIssue(result.error);
      firstError ??= `${name}.${where}`;
      skipped.push({ name, reason: `invalid entry at ${where}` });
    }
  }
  if (entries.length > 0 && parsed.length === 0) {
    throw new SchemaError(`${source}: unexpected response shape at ${firstError ?? '(root)'}`);
  }
  return { parsed, skipped };
}
