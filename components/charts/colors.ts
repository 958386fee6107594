// A colour per mining algorithm for charts: fixed hues for the common ones, spread round the
// colour wheel and light enough for the dark panels; any other slug gets a stable hashed hue.
// Red is left out: the charts keep it (--bad) for losses.

const ALGORITHM_COLORS: Readonly<Record<string, string>> = {
  sha256d: '#fb923c', // orange
  autolykos2: '#f5a524', // amber (--accent)
  equihash: '#fde047', // yellow
  scrypt: '#a3e635', // lime
  etchash: '#2dd4bf', // teal
  kheavyhash: '#67e8f9', // cyan
  kawpow: '#38bdf8', // sky
  blake3: '#818cf8', // indigo
  ethash: '#a78bfa', // violet
  cryptonight: '#e879f9', // magenta
  randomx: '#f472b6', // pink
  // Further algorithms common in our data: lighter shades of a relative's hue, or free hues.
  ghostrider: '#34d399', // emerald
  x11: '#93c5fd', // light blue
  firopow: '#e2e8f0', // near-white
  'equihash-144-5': '#c084fc', // purple
  'equihash-125-4': '#fef08a', // pale yellow (Equihash family)
  progpowz: '#d9f99d', // pale lime
  nexapow: '#fdba74', // light orange
  octopus: '#f9a8d4', // light pink
  pyrinhash: '#7dd3fc', // light sky
  karlsenhash: '#a5f3fc', // pale cyan (kHeavyHash family)
  evrprogpow: '#86efac', // light green
  'cryptonight-gpu': '#f5d0fe', // pale magenta (CryptoNight family)
};

/** FNV-1a: a small, stable string hash (the same slug always gets the same colour). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A CSS colour for the algorithm, readable on --bg and --panel. */
export function algorithmColor(slug: string): string {
  const known = ALGORITHM_COLORS[slug];
  if (known) return known;
  let hue = hash(slug) % 360;
  // Keep clear of the reds that mean "loss".
  if (hue < 20 || hue > 340) hue = (hue + 40) % 360;
  return `hsl(${hue} 70% 66%)`;
}
