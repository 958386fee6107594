// tune=best|stock and pl.<device id>=<percent>: read, written back, and refused by name.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseDashboardParams, serializeDashboardState } from '@/lib/url/search-params';

const parse = (query: string) => parseDashboardParams(new URLSearchParams(query));

describe('tuning params', () => {
  it('defaults to the best point and no power limits', () => {
    const { state, errors } = parse('');
    expect(errors).toEqual([]);
    expect(state.tune).toBe('best');
    expect(state.powerLimits).toEqual({});
  });

  it('reads tune=stock and power limits per device', () => {
    const { state, errors } = parse('tune=stock&pl.amd-radeon-vii=70&pl.NVIDIA-RTX-3070=120');
    expect(errors).toEqual([]);
    expect(state.tune).toBe('stock');
    expect(state.powerLimits).toEqual({ 'amd-radeon-vii': 70, 'nvidia-rtx-3070': 120 });
  });

  it.each([
    ['tune=max', 'tune', 'Unknown tune "max"'],
    ['pl.amd-radeon-vii=70.5', 'pl.amd-radeon-vii', 'whole percent'],
    ['pl.amd-radeon-vii=5', 'pl.amd-radeon-vii', 'from 10 to 200'],
    ['pl.amd-radeon-vii=201', 'pl.amd-radeon-vii', 'from 10 to 200'],
    ['pl.amd-radeon-vii=', 'pl.amd-radeon-vii', 'whole percent'],
    ['pl.no-such-card=70', 'pl.no-such-card', 'Unknown device "no-such-card"'],
    ['pl.amd-radeon-vii=70&pl.amd-radeon-vii=80', 'pl.amd-radeon-vii', 'given 2 times'],
  ])('refuses %s, naming the param', (query, param, message) => {
    const { state, errors } = parse(query);
    expect(errors).toEqual([{ param, message: expect.stringContaining(message) }]);
    expect(state.powerLimits).toEqual({});
    expect(state.tune).toBe('best');
  });

  it('writes the limits last, by device id, and leaves the default tune out', () => {
    expect(serializeDashboardState({ ...DEFAULT_STATE, tune: 'best' })).toBe('');
    expect(serializeDashboardState({ ...DEFAULT_STATE, tune: 'stock' })).toBe('?tune=stock');
    expect(serializeDashboardState({ ...DEFAULT_STATE, powerLimits: { 'nvidia-rtx-3070': 70, 'amd-radeon-vii': 120 } })).toBe(
      '?pl.amd-radeon-vii=120&pl.nvidia-rtx-3070=70',
    );
    expect(
      serializeDashboardState({ ...DEFAULT_STATE, electricityUsdPerKwh: 0.2, powerLimits: { 'amd-radeon-vii': 70 } }),
    ).toBe('?kwh=0.2&pl.amd-radeon-vii=70');
  });
});
