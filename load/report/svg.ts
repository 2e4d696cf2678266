/** Tiny inline-SVG charts for the self-contained load report (no scripts, no network). */
import { xmlEscape as esc } from './junit.ts';

export interface Line {
  name: string;
  color: string;
  points: [number, number][];
  dashed?: boolean;
}

export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

const nice = (max: number): number => {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= max) ?? max);
};

export function lineChart(o: { title: string; lines: Line[]; xLabel: string; yLabel: string; width?: number; height?: number; yMax?: number; fitX?: boolean }): string {
  const W = o.width ?? 560;
  const H = o.height ?? 220;
  const m = { l: 52, r: 12, t: 24, b: 34 };
  const all = o.lines.flatMap((l) => l.points);
  const xMin = o.fitX && all.length ? Math.min(...all.map((p) => p[0])) : 0;
  const xMax = Math.max(xMin + 1, ...all.map((p) => p[0]));
  const yMax = nice(o.yMax ?? Math.max(0, ...all.map((p) => p[1])) * 1.05);
  const X = (x: number): number => m.l + ((x - xMin) / (xMax - xMin)) * (W - m.l - m.r);
  const Y = (y: number): number => H - m.b - (y / yMax) * (H - m.t - m.b);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const grid = ticks
    .map((v) => `<line x1="${m.l}" x2="${W - m.r}" y1="${Y(v).toFixed(1)}" y2="${Y(v).toFixed(1)}" stroke="#eee"/><text x="${m.l - 4}" y="${(Y(v) + 4).toFixed(1)}" text-anchor="end" font-size="10">${+v.toPrecision(3)}</text>`)
    .join('');
  const paths = o.lines
    .filter((l) => l.points.length > 0)
    .map((l) => `<polyline fill="none" stroke="${l.color}" stroke-width="1.6"${l.dashed ? ' stroke-dasharray="5 3"' : ''} points="${l.points.map(([x, y]) => `${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ')}"><title>${esc(l.name)}</title></polyline>`)
    .join('');
  const legend = o.lines.map((l, i) => `<tspan x="${m.l + 4}" dy="${i === 0 ? 0 : 11}" fill="${l.color}">${l.dashed ? '- - ' : '— '}${esc(l.name)}</tspan>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H + o.lines.length * 11}" viewBox="0 0 ${W} ${H + o.lines.length * 11}" role="img" aria-label="${esc(o.title)}">
<text x="${m.l}" y="14" font-size="12" font-weight="bold">${esc(o.title)}</text>${grid}
<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="#999"/><line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#999"/>
<text x="${W - m.r}" y="${H - m.b + 14}" text-anchor="end" font-size="10">${esc(o.xLabel)} (${+xMin.toPrecision(3)}–${+xMax.toPrecision(3)})</text>
<text x="12" y="${m.t + 8}" font-size="10" transform="rotate(-90 12 ${m.t + 8})" text-anchor="end">${esc(o.yLabel)}</text>
${paths}<text y="${H + 6}" font-size="10">${legend}</text></svg>`;
}

/** Horizontal bars (value 0..1) with an optional expected band per bar. */
export function shareBars(o: { title: string; bars: { name: string; value: number; band?: [number, number] }[]; width?: number }): string {
  const W = o.width ?? 560;
  const row = 22;
  const l = 70;
  const H = 30 + o.bars.length * row;
  const X = (v: number): number => l + v * (W - l - 60);
  const rows = o.bars
    .map((b, i) => {
      const y = 24 + i * row;
      const band = b.band ? `<rect x="${X(b.band[0]).toFixed(1)}" y="${y - 2}" width="${Math.max(1, X(b.band[1]) - X(b.band[0])).toFixed(1)}" height="${row - 4}" fill="#2ca02c" opacity="0.25"><title>expected band</title></rect>` : '';
      return `${band}<rect x="${l}" y="${y + 2}" width="${Math.max(0, X(b.value) - l).toFixed(1)}" height="${row - 12}" fill="#d62728"/><text x="${l - 4}" y="${y + 11}" text-anchor="end" font-size="11">${esc(b.name)}</text><text x="${(X(b.value) + 4).toFixed(1)}" y="${y + 11}" font-size="11">${(b.value * 100).toFixed(1)} %</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(o.title)}"><text x="0" y="14" font-size="12" font-weight="bold">${esc(o.title)}</text>${rows}</svg>`;
}
