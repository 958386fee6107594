// Device catalog (lib/hardware/devices.json; its schema is in lib/hardware/schema.ts): lookup, search, rig sums, and the dev=<id>:<count> URL form.
// Reads devices.browser.json, the same figures without citations, so the browser bundle stays small
// and the citations stay on the server (lib/hardware/unsourced.ts).
import catalog from './devices.browser.json';
import type { Device } from './unsourced';
import type { ParseResult } from '@/lib/format/units';

export type { Device, DeviceRate } from './unsourced';

/** Device ids: kebab-case, permanent URL keys. */
import { DEVICE_ID_RE } from './ids';

export { DEVICE_ID_RE };

// Validated by validateCatalog in the unit tests and at server start (lib/server/services.ts).
export const DEVICES: readonly Device[] = Object.freeze(catalog.devices as unknown as Device[]);
const BY_ID = new Map(DEVICES.map((d) => [d.id, d]));

export function getDevice(id: string): Device | undefined {
  return BY_ID.get(id);
}

const HAYSTACKS = DEVICES.map((d) => {
  const text = `${d.name} ${d.id} ${d.vendor}`.toLowerCase();
  return `${text} ${text.replace(/[\s-]+/g, '')}`; // the compact form lets "rtx3070" match "RTX 3070"
});

/** Devices whose name, id or vendor contains every whitespace-separated token (any order, any case); none for a blank query. */
export function searchDevices(query: string, limit = 20): Device[] {
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || limit <= 0) return [];
  const found: Device[] = [];
  for (const [index, device] of DEVICES.entries()) {
    if (tokens.every((t) => HAYSTACKS[index]?.includes(t))) found.push(device);
    if (found.length >= limit) break;
  }
  return found;
}

export type RigDevice = { id: string; count: number };

/**
 * Per algorithm, the summed hashrate and watts of every device that has a figure for it, × count
 * (a device mines one algorithm at a time, so each algorithm's sum is what the rig would do on it).
 * Ids not in the catalog are reported in `unknown`; a count that is not a positive number adds nothing.
 */
export function sumRig(devices: readonly RigDevice[]): {
  hashrates: Record<string, number>;
  powerWatts: Record<string, number>;
  unknown: string[];
} {
  const hashrates: Record<string, number> = {};
  const powerWatts: Record<string, number> = {};
  const unknown: string[] = [];
  for (const { id, count } of devices) {
    const device = getDevice(id);
    if (!device) {
      if (!unknown.includes(id)) unknown.push(id);
      continue;
    }
    if (!(count > 0) || !Number.isFinite(count)) continue;
    for (const rate of device.rates) {
      hashrates[rate.algorithm] = (hashrates[rate.algorithm] ?? 0) + rate.hashrate * count;
      powerWatts[rate.algorithm] = (powerWatts[rate.algorithm] ?? 0) + rate.watts * count;
    }
  }
  return { hashrates, powerWatts, unknown };
}

export const MAX_DEVICE_COUNT = 10_000;
export const MAX_DEVICE_ENTRIES = 50;
// 50 entries of a long id and a 5-digit count fit well inside this; anything longer is refused unread.
const MAX_LIST_LENGTH = 4096;

const truncate = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Reads `id:count,id:count` (the `dev` URL param). `:count` is optional and means 1; counts are
 * whole numbers 1–10000; ids match case-insensitively; a repeated id adds its counts, keeping the
 * first position. At most 50 entries. Every failure says which entry and why.
 */
export function parseDeviceList(text: string): ParseResult<RigDevice[]> {
  if (text.length > MAX_LIST_LENGTH) return { success: false, error: `The device list is too long (at most ${MAX_DEVICE_ENTRIES} devices).` };
  if (text.trim() === '') return { success: false, error: 'The device list is empty; use dev=<device-id>:<count>, e.g. dev=nvidia-rtx-3070:6.' };
  const entries = text.split(',');
  if (entries.length > MAX_DEVICE_ENTRIES) return { success: false, error: `List at most ${MAX_DEVICE_ENTRIES} devices (got ${entries.length}).` };
  const counts = new Map<string, number>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') return { success: false, error: 'The device list has an empty entry (a doubled or trailing comma?).' };
    const [idPart = '', countPart, extra] = entry.split(':');
    const id = idPart.toLowerCase();
    if (extra !== undefined || !DEVICE_ID_RE.test(id)) {
      return { success: false, error: `"${truncate(entry)}" is not a device entry; use <device-id>:<count>, e.g. nvidia-rtx-3070:6.` };
    }
    if (!getDevice(id)) return { success: false, error: `Unknown device "${truncate(id)}".` };
    let count = 1;
    if (countPart !== undefined) {
      count = /^[0-9]{1,5}$/.test(countPart) ? Number(countPart) : NaN;
      if (!(count >= 1 && count <= MAX_DEVICE_COUNT)) {
        return { success: false, error: `The count for "${id}" must be a whole number from 1 to ${MAX_DEVICE_COUNT} (got "${truncate(countPart)}").` };
      }
    }
    const total = (counts.get(id) ?? 0) + count;
    if (total > MAX_DEVICE_COUNT) return { success: false, error: `The total count for "${id}" is over ${MAX_DEVICE_COUNT}.` };
    counts.set(id, total);
  }
  return { success: true, data: [...counts].map(([id, count]) => ({ id, count })) };
}

/** Writes devices in the given order as `id` (count 1) or `id:count`, comma-separated; parseDeviceList reads it back. */
export function serializeDeviceList(devices: readonly RigDevice[]): string {
  return devices.map(({ id, count }) => (count === 1 ? id : `${id}:${count}`)).join(',');
}
