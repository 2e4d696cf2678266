/** A small inline-SVG line chart: no scripts, no network, readable without a plotting library. */
import { esc } from './escape.ts';

export interface Series {
  label: string;
  color: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}

export function lineChart(series: Series[], opts: { width?: number; height?: number; yLabel: string; xLabel: string; title: string }): string {
  const W = opts.width ?? 560;
  const H = opts.height ?? 220;
  const m = { l: 48, r: 12, t: 24, b: 34 };
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return `<p class="muted">no data for ${esc(opts.title)}</p>`;
  const maxX = Math.max(1, ...all.map((p) => p.x));
  const maxY = Math.max(1, ...all.map((p) => p.y)) * 1.1;
  const sx = (x: number) => m.l + (x / maxX) * (W - m.l - m.r);
  const sy = (y: number) => H - m.b - (y / maxY) * (H - m.t - m.b);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maxY);
  const grid = ticks
    .map((v) => `<line x1="${m.l}" x2="${W - m.r}" y1="${sy(v)}" y2="${sy(v)}" class="grid"/><text x="${m.l - 6}" y="${sy(v) + 4}" text-anchor="end">${maxY < 10 ? v.toFixed(1) : Math.round(v)}</text>`)
    .join('');
  const lines = series
    .map((s) => {
      const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
      return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 4"' : ''}><title>${esc(s.label)}</title></path>`;
    })
    .join('');
  const legend = series
    .map((s) => `<span class="key"><svg width="14" height="6"><line x1="0" x2="14" y1="3" y2="3" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="4 2"' : ''}/></svg>${esc(s.label)}</span>`)
    .join(' ');
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title)}">${grid}${lines}<text x="${W / 2}" y="${H - 6}" text-anchor="middle">${esc(opts.xLabel)}</text><text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">${esc(opts.yLabel)}</text></svg><figcaption>${esc(opts.title)}<br>${legend}</figcaption></figure>`;
}

/** Horizontal bars, one per label, value 0..1. */
export function shareBars(rows: { label: string; value: number; expected?: number }[], title: string): string {
  const W = 560;
  const row = 22;
  const H = rows.length * row + 20;
  const x0 = 190;
  const bw = W - x0 - 60;
  const bars = rows
    .map((r, i) => {
      const y = 10 + i * row;
      const exp = r.expected === undefined ? '' : `<line x1="${x0 + r.expected * bw}" x2="${x0 + r.expected * bw}" y1="${y - 2}" y2="${y + 16}" class="expected"><title>expected ${(r.expected * 100).toFixed(1)} %</title></line>`;
      return `<text x="${x0 - 6}" y="${y + 12}" text-anchor="end">${esc(r.label)}</text><rect x="${x0}" y="${y}" width="${Math.max(0, r.value) * bw}" height="14" class="bar"/>${exp}<text x="${x0 + Math.max(0, r.value) * bw + 4}" y="${y + 12}">${(r.value * 100).toFixed(1)} %</text>`;
    })
    .join('');
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">${bars}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}
