// The device catalog's schema (lib/hardware/devices.json): checked by the unit tests and when
// the server starts. Kept out of lib/hardware/catalog.ts so the browser bundle does not carry zod.
import { z } from 'zod';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { DEVICE_ID_RE } from './ids';


const deviceRateSchema = z
  .object({
    algorithm: z.string().refine((slug) => getAlgorithm(slug) !== undefined, 'is not a slug in lib/mining/algorithms.ts'),
    /** Base units per second (H/s, Sol/s or G/s, as the algorithm's unit). */
    hashrate: z.number().positive().finite(),
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
  })
  .strict();

export type DeviceRate = z.infer<typeof deviceRateSchema>;
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

