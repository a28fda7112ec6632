// Statistics and plain-text tables for bench/run.mjs.

const sorted = xs => [...xs].sort((a, b) => a - b);

export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile: with 20 samples, p95 is the 19th smallest. */
export function percentile(xs, p) {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const fmt = {
  ms: v => (v === undefined ? '–' : v.toFixed(1)),
  x: v => (v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`),
  bytes: v => (v === undefined ? '–' : v.toLocaleString('en-US')),
  kB: v => `${(v / 1000).toFixed(1)} kB`,
  MB: v => `${(v / 1e6).toFixed(1)} MB`,
};

/** Prints a title and an aligned table; cells are strings, the first column is left-aligned. */
export function table(title, head, rows, notes = []) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i] ?? '').length)));
  const line = cells => cells.map((c, i) => (i ? String(c ?? '').padStart(widths[i]) : String(c ?? '').padEnd(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  rows.forEach(r => console.log(line(r)));
  notes.forEach(n => console.log(`  ${n}`));
}
