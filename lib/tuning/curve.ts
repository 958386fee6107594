// Power-limit curve: hashrate as a function of power between a device's published operating points.
//
// The model, stated once: the curve is the upper concave hull of the origin (0 W, 0 H/s) and the
// published points, cut at its highest hashrate and flat beyond it. So it is
//   - piecewise linear between hull vertices (every hull vertex is a published point, met exactly),
//   - monotone (never falls as power rises) and concave (each extra watt buys no more than the last),
//   - at or above every published point it does not pass through (those are dominated settings),
//   - linear towards the origin below the lowest point: with one published point, a 70 % power limit
//     gives 70 % of its hashrate, the least that any concave curve through that point allows.
// Above the highest-power point nothing is extrapolated: more power buys no hashrate.
// Pure: numbers in, numbers out.

export type PowerPoint = { watts: number; hashrate: number };

const usable = (p: PowerPoint) => Number.isFinite(p.watts) && Number.isFinite(p.hashrate) && p.watts > 0 && p.hashrate > 0;

/** (b − a) × (c − a): ≥ 0 when b lies on or below the chord from a to c (b may go from the hull). */
function cross(a: PowerPoint, b: PowerPoint, c: PowerPoint): number {
  return (b.watts - a.watts) * (c.hashrate - a.hashrate) - (b.hashrate - a.hashrate) * (c.watts - a.watts);
}

/**
 * The hull's vertices after the origin, by rising power, up to the highest hashrate: the points the
 * curve passes through. Invalid points (non-positive or non-finite) are ignored; none left → [].
 */
export function curveVertices(points: readonly PowerPoint[]): PowerPoint[] {
  const sorted = points
    .filter(usable)
    .map(({ watts, hashrate }) => ({ watts, hashrate }))
    // Same power: keep the higher hashrate only (sort it first, drop the rest below).
    .sort((a, b) => a.watts - b.watts || b.hashrate - a.hashrate)
    .filter((p, i, all) => i === 0 || all[i - 1]!.watts !== p.watts);
  if (sorted.length === 0) return [];
  // Monotone part: up to the first point with the highest hashrate.
  let peak = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.hashrate > sorted[peak]!.hashrate) peak = i;
  const candidates = sorted.slice(0, peak + 1);
  // Upper hull from the origin (Andrew's monotone chain, upper half).
  const hull: PowerPoint[] = [{ watts: 0, hashrate: 0 }];
  for (const p of candidates) {
    while (hull.length >= 2 && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, p) >= 0) hull.pop();
    hull.push(p);
  }
  return hull.slice(1);
}

/** Hashrate at `watts` on the curve through `points` (see the module header); 0 without points. */
export function hashrateAtPower(points: readonly PowerPoint[], watts: number): number {
  return hashrateOnVertices(curveVertices(points), watts);
}

/** The same, for vertices from curveVertices (to evaluate one curve many times). */
export function hashrateOnVertices(vertices: readonly PowerPoint[], watts: number): number {
  if (vertices.length === 0 || !(watts > 0) || !Number.isFinite(watts)) return 0;
  let previous: PowerPoint = { watts: 0, hashrate: 0 };
  for (const vertex of vertices) {
    if (watts <= vertex.watts) {
      const t = (watts - previous.watts) / (vertex.watts - previous.watts);
      return previous.hashrate + t * (vertex.hashrate - previous.hashrate);
    }
    previous = vertex;
  }
  return previous.hashrate;
}

/** Power limits a user may set, in percent of the stock point's power. */
export const MIN_POWER_LIMIT_PERCENT = 10;
export const MAX_POWER_LIMIT_PERCENT = 200;

/**
 * The operating point at a power limit given in percent of the stock point's power: watts =
 * stock watts × percent / 100, capped at the curve's last vertex (the most hashrate published),
 * hashrate from the curve.
 */
export function pointAtPowerLimit(
  points: readonly PowerPoint[],
  stockWatts: number,
  percent: number,
): PowerPoint | null {
  const vertices = curveVertices(points);
  if (vertices.length === 0 || !(stockWatts > 0) || !(percent > 0) || !Number.isFinite(percent)) return null;
  // A limit is a ceiling: above the curve's last vertex more power buys nothing, so none is drawn.
  const watts = Math.min((stockWatts * percent) / 100, vertices[vertices.length - 1]!.watts);
  return { watts, hashrate: hashrateOnVertices(vertices, watts) };
}
