// The device catalog's schema (lib/hardware/devices.json): checked by the unit tests and when
// the server starts. Kept out of lib/hardware/catalog.ts so the browser bundle does not carry zod.
import { z } from 'zod';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { DEVICE_ID_RE, STOCK_LABEL } from './ids';


/**
 * The row's own figure is its "stock" point; `points` may add others (lib/tuning chooses among them).
 * A further operating point of a device on one algorithm: a code for a label (`efficient`, `max`,
 * `qm-lite`…; components word it), its hashrate and power, and where the figures were published.
 */
const operatingPointSchema = z
  .object({
    label: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a kebab-case code')
      .refine((label) => label !== STOCK_LABEL, 'is the row\'s own point; name further points otherwise'),
    hashrate: z.number().positive().finite(),
    watts: z.number().positive().finite(),
    /** Percent of the stock power, where the source gives the point as a power limit. */
    powerLimitPercent: z.number().positive().max(200).optional(),
    source: z.string().trim().min(1),
  })
  .strict();

const deviceRateSchema = z
  .object({
    algorithm: z.string().refine((slug) => getAlgorithm(slug) !== undefined, 'is not a slug in lib/mining/algorithms.ts'),
    /**
     * The label of the row's own figure where the source publishes no stock setting, only tuned ones
     * (e.g. "efficient" with a "max" point); absent, the row's figure is the "stock" point. Power limits
     * (pl.<device>=) are a percent of this figure's power.
     */
    label: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a kebab-case code')
      .refine((label) => label !== STOCK_LABEL, 'is the default; leave it out')
      .optional(),
    /** Base units per second (H/s, Sol/s or G/s, as the algorithm's unit). */
    hashrate: z.number().positive().finite(),
    watts: z.number().positive().finite(),
    source: z.string().trim().min(1),
    points: z
      .array(operatingPointSchema)
      .min(1)
      .refine((points) => new Set(points.map((p) => p.label)).size === points.length, 'lists a label twice')
      .optional(),
  })
  .strict()
  .refine((rate) => !rate.label || !(rate.points ?? []).some((p) => p.label === rate.label), {
    message: 'names the row\'s own label again',
    path: ['points'],
  });

const algorithmSlug = z.string().refine((slug) => getAlgorithm(slug) !== undefined, 'is not a slug in lib/mining/algorithms.ts');

/**
 * A dual-mining point: two algorithms at once, each at its own hashrate, for one power figure
 * (lib/tuning ranks the pair's combined revenue as a row of its own).
 */
const dualPointSchema = z
  .object({
    label: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a kebab-case code'),
    parts: z
      .array(z.object({ algorithm: algorithmSlug, hashrate: z.number().positive().finite() }).strict())
      .length(2)
      .refine((parts) => parts[0]?.algorithm !== parts[1]?.algorithm, 'names one algorithm twice'),
    watts: z.number().positive().finite(),
    source: z.string().trim().min(1),
  })
  .strict();

const deviceSchema = z
  .object({
    id: z.string().regex(DEVICE_ID_RE),
    name: z.string().trim().min(1),
    vendor: z.string().trim().min(1),
    kind: z.enum(['GPU', 'CPU', 'ASIC']),
    released: z.number().int().min(1990).max(2100).optional(),
    rates: z
      .array(deviceRateSchema)
      .min(1)
      // One row per algorithm, or sumRig would count a device twice.
      .refine((rates) => new Set(rates.map((r) => r.algorithm)).size === rates.length, 'lists an algorithm twice'),
    duals: z
      .array(dualPointSchema)
      .min(1)
      .refine((duals) => new Set(duals.map((d) => d.label)).size === duals.length, 'lists a label twice')
      .optional(),
  })
  .strict();

export type DeviceRate = z.infer<typeof deviceRateSchema>;
export type CatalogOperatingPoint = z.infer<typeof operatingPointSchema>;
export type DualPoint = z.infer<typeof dualPointSchema>;
export type Device = z.infer<typeof deviceSchema>;

/** Validates the catalog; a bad row throws naming the device id and the field. */
export function validateCatalog(raw: { devices: readonly unknown[] }): readonly Device[] {
  const seen = new Set<string>();
  return Object.freeze(
    raw.devices.map((row, index) => {
      const result = deviceSchema.safeParse(row);
      const id = typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : `#${index}`;
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(`lib/hardware/devices.json: device "${id}", field ${issue?.path.join('.') || '(row)'}: ${issue?.message}`);
      }
      if (seen.has(result.data.id)) throw new Error(`lib/hardware/devices.json: device "${id}" appears twice`);
      seen.add(result.data.id);
      return Object.freeze(result.data);
    }),
  );
}

