/**
 * The one inline-SVG chart module of every HTML report (the load dashboard and the combined report):
 * line charts over time (x ticks in data units — seconds on time axes; optional step lines and shaded
 * horizontal bands), horizontal share bars, and histograms (optionally on a log x axis). Self-contained on purpose — no script, no network,
 * no plotting library — so a report opens offline and from a CI artifact. A chart is a <figure> whose
 * caption carries the title and the legend as HTML text (readable, searchable, selectable); the SVG
 * carries no xmlns attribute, which inline SVG in HTML does not need and which would be a URL on a page
 * that must name none. Styling comes from CHART_CSS, which every page embedding charts includes.
 */
import { escapeXml as esc } from './escape.ts';

/** Distinct colours for series, in order (the d3 category palette: readable on white, colour-blind aware). */
export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

/** The chart rules for a page's <style>, scoped to `.chart` so they touch nothing else. */
export const CHART_CSS = `figure.chart{display:inline-block;margin:6px 12px 6px 0;vertical-align:top}figure.chart figcaption{font-size:12px;color:#57606a}
.chart svg text{font-size:10px;fill:#57606a}.chart .gridline{stroke:#eaeef2}.chart .axis{stroke:#999}.chart .bar{fill:#0969da}
.chart .band{fill:#2ca02c;opacity:.25}.chart .tick{stroke:#999}.chart .expected{stroke:#cf222e;stroke-width:2}.chart .key{margin-right:10px;white-space:nowrap}.chart .key svg{margin-right:4px}`;

export interface Line {
  name: string;
  color: string;
  /** [x, y] pairs in data units. */
  points: [number, number][];
  dashed?: boolean;
  /** Draw as steps: each value holds until the next point's x (the last one until the end of the axis). */
  step?: boolean;
  /** A dot at each point, titled with its value (runs of a trend are discrete; a single run is visible at all). */
  markers?: boolean;
}

/** A shaded horizontal band (e.g. an expected range), in y data units. */
export interface Band {
  name: string;
  from: number;
  to: number;
}

export interface LineChartSpec {
  title: string;
  lines: Line[];
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** Top of the y axis; default: the largest value, rounded up to a readable number. */
  yMax?: number;
  /** Start the x axis at the smallest x instead of 0 (rates of ceiling steps start far from 0). */
  fitX?: boolean;
  /** Right end of the x axis at least this (a fixed number of slots, e.g. the last 10 runs of a trend). */
  xMax?: number;
  /** Shaded horizontal bands drawn under the lines, named in the legend. */
  bands?: Band[];
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface HistogramSpec {
  title: string;
  bins: HistogramBin[];
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** Logarithmic x axis (latencies spread over decades); bins must then start above 0. */
  logX?: boolean;
  color?: string;
}

export interface Bar {
  name: string;
  /** Share, 0..1. */
  value: number;
  /** The accepted range, drawn as a shaded band. */
  band?: [number, number];
  /** The expected value, drawn as a mark. */
  expected?: number;
}

/** 1, 2, 2.5 or 5 × a power of ten, at least `max`: tick labels a reader takes in at a glance. */
const nice = (max: number): number => {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= max) ?? max;
};
/** 1, 2, 2.5 or 5 × a power of ten, about `span / count`: the spacing of axis ticks. */
const tickStep = (span: number, count = 6): number => {
  const raw = span / count;
  if (raw <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= raw) ?? raw;
};
/** Tick positions from `min` to `max`, multiples of a readable step. */
export const ticks = (min: number, max: number, count = 6): number[] => {
  const step = tickStep(max - min, count);
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9 && out.length < 50; v += step) out.push(+v.toPrecision(12));
  return out;
};
const n = (v: number): string => v.toFixed(1);
const label = (v: number): string => String(+v.toPrecision(3));
const dash = (l: { dashed?: boolean }, pattern: string): string => (l.dashed ? ` stroke-dasharray="${pattern}"` : '');

function figure(title: string, svg: string, legend = ''): string {
  return `<figure class="chart">${svg}<figcaption>${esc(title)}${legend ? `<br>${legend}` : ''}</figcaption></figure>`;
}

export function lineChart(o: LineChartSpec): string {
  const W = o.width ?? 560;
  const H = o.height ?? 220;
  const m = { l: 52, r: 12, t: 12, b: 34 };
  const all = o.lines.flatMap((l) => l.points);
  if (all.length === 0) return figure(`${o.title} — no data`, '');
  const xMin = o.fitX ? Math.min(...all.map((p) => p[0])) : 0;
  const xMax = Math.max(xMin + 1, o.xMax ?? xMin, ...all.map((p) => p[0]));
  const yMax = nice(o.yMax ?? Math.max(0, ...all.map((p) => p[1]), ...(o.bands ?? []).map((b) => b.to)) * 1.05);
  const X = (x: number): number => m.l + ((x - xMin) / (xMax - xMin)) * (W - m.l - m.r);
  const Y = (y: number): number => H - m.b - (y / yMax) * (H - m.t - m.b);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => f * yMax)
    .map((v) => `<line x1="${m.l}" x2="${W - m.r}" y1="${n(Y(v))}" y2="${n(Y(v))}" class="gridline"/><text x="${m.l - 4}" y="${n(Y(v) + 4)}" text-anchor="end">${label(v)}</text>`)
    .join('');
  const axes = `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" class="axis"/><line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/>`;
  const xTicks = ticks(xMin, xMax)
    .map((v) => `<line x1="${n(X(v))}" x2="${n(X(v))}" y1="${H - m.b}" y2="${H - m.b + 4}" class="tick"/><text x="${n(X(v))}" y="${H - m.b + 13}" text-anchor="middle">${label(v)}</text>`)
    .join('');
  const bands = (o.bands ?? [])
    .map((b) => `<rect x="${m.l}" y="${n(Y(Math.min(b.to, yMax)))}" width="${W - m.l - m.r}" height="${n(Math.max(1, Y(Math.max(0, b.from)) - Y(Math.min(b.to, yMax))))}" class="band"><title>${esc(b.name)}: ${label(b.from)}–${label(b.to)}</title></rect>`)
    .join('');
  const labels = `${xTicks}<text x="${W - m.r}" y="${H - m.b + 26}" text-anchor="end">${esc(o.xLabel)} (${label(xMin)}–${label(xMax)})</text><text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">${esc(o.yLabel)}</text>`;
  const lines = o.lines
    .filter((l) => l.points.length > 0)
    .map((l) => `<polyline fill="none" stroke="${esc(l.color)}" stroke-width="1.6"${dash(l, '5 3')} points="${(l.step ? steps(l.points, xMax) : l.points).map(([x, y]) => `${n(X(x))},${n(Y(y))}`).join(' ')}"><title>${esc(l.name)}</title></polyline>${l.markers ? dots(l, X, Y) : ''}`)
    .join('');
  const legend = [
    ...o.lines.map((l) => `<span class="key"><svg width="14" height="6"><line x1="0" x2="14" y1="3" y2="3" stroke="${esc(l.color)}" stroke-width="3"${dash(l, '4 2')}/></svg>${esc(l.name)}</span>`),
    ...(o.bands ?? []).map((b) => `<span class="key"><svg width="14" height="8"><rect width="14" height="8" class="band"/></svg>${esc(b.name)}</span>`),
  ].join(' ');
  const svg = `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(o.title)}">${grid}${bands}${axes}${labels}${lines}</svg>`;
  return figure(o.title, svg, legend);
}

/** The points of a line as dots, each titled "name: y". */
function dots(l: Line, X: (x: number) => number, Y: (y: number) => number): string {
  return l.points.map(([x, y]) => `<circle cx="${n(X(x))}" cy="${n(Y(y))}" r="2.5" fill="${esc(l.color)}" class="marker"><title>${esc(l.name)}: ${label(y)}</title></circle>`).join('');
}

/** A step line's vertices: each value held until the next x, the last until `end`. */
function steps(points: [number, number][], end: number): [number, number][] {
  const out: [number, number][] = [];
  points.forEach(([x, y], i) => {
    const next = points[i + 1]?.[0] ?? Math.max(end, x);
    out.push([x, y], [next, y]);
  });
  return out;
}

/** Vertical bars, one per bin (e.g. a latency histogram), x linear or logarithmic, with ticks. */
export function histogram(o: HistogramSpec): string {
  const W = o.width ?? 420;
  const H = o.height ?? 180;
  const m = { l: 52, r: 12, t: 12, b: 34 };
  const bins = o.bins.filter((b) => b.to > b.from && (!o.logX || b.from > 0));
  if (bins.length === 0 || bins.every((b) => b.count === 0)) return figure(`${o.title} — no data`, '');
  const f = (v: number): number => (o.logX ? Math.log10(v) : v);
  const lo = f(Math.min(...bins.map((b) => b.from)));
  const hi = Math.max(lo + 1e-9, f(Math.max(...bins.map((b) => b.to))));
  const yMax = nice(Math.max(...bins.map((b) => b.count)) * 1.05);
  const X = (v: number): number => m.l + ((f(v) - lo) / (hi - lo)) * (W - m.l - m.r);
  const Y = (y: number): number => H - m.b - (y / yMax) * (H - m.t - m.b);
  const grid = [0, 0.5, 1]
    .map((k) => k * yMax)
    .map((v) => `<line x1="${m.l}" x2="${W - m.r}" y1="${n(Y(v))}" y2="${n(Y(v))}" class="gridline"/><text x="${m.l - 4}" y="${n(Y(v) + 4)}" text-anchor="end">${label(v)}</text>`)
    .join('');
  const tickValues = o.logX ? logTicks(10 ** lo, 10 ** hi) : ticks(lo, hi);
  const xTicks = tickValues
    .map((v) => `<line x1="${n(X(v))}" x2="${n(X(v))}" y1="${H - m.b}" y2="${H - m.b + 4}" class="tick"/><text x="${n(X(v))}" y="${H - m.b + 13}" text-anchor="middle">${label(v)}</text>`)
    .join('');
  const color = esc(o.color ?? (PALETTE[0] as string));
  const bars = bins
    .map((b) => `<rect x="${n(X(b.from))}" y="${n(Y(b.count))}" width="${n(Math.max(1, X(b.to) - X(b.from) - 0.5))}" height="${n(H - m.b - Y(b.count))}" class="bar" style="fill:${color}"><title>${label(b.from)}–${label(b.to)} ${esc(o.xLabel)}: ${b.count}</title></rect>`)
    .join('');
  const axes = `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" class="axis"/><line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/>`;
  const labels = `<text x="${W - m.r}" y="${H - m.b + 26}" text-anchor="end">${esc(o.xLabel)}${o.logX ? ' (log scale)' : ''}</text><text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">${esc(o.yLabel)}</text>`;
  return figure(o.title, `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(o.title)}">${grid}${bars}${axes}${xTicks}${labels}</svg>`);
}

/** 1, 2, 5 × powers of ten between lo and hi (a log axis's ticks). */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)) && out.length < 30; e++) for (const k of [1, 2, 5]) {
    const v = +(k * 10 ** e).toPrecision(6);
    if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
  }
  return out;
}

/** Horizontal bars, one per name, value 0..1, each with its optional expected band and mark. */
export function shareBars(o: { title: string; bars: Bar[]; width?: number }): string {
  const W = o.width ?? 560;
  const row = 22;
  const l = 110;
  const H = 12 + o.bars.length * row;
  // The track runs from the names to a fixed value column on the right, so a value never overlaps its band.
  const X = (v: number): number => l + Math.min(1, Math.max(0, v)) * (W - l - 60);
  const rows = o.bars
    .map((b, i) => {
      const y = 6 + i * row;
      const band = b.band
        ? `<rect x="${n(X(b.band[0]))}" y="${y - 2}" width="${n(Math.max(1, X(b.band[1]) - X(b.band[0])))}" height="${row - 4}" class="band"><title>expected band ${(b.band[0] * 100).toFixed(1)}–${(b.band[1] * 100).toFixed(1)} %</title></rect>`
        : '';
      const mark = b.expected === undefined ? '' : `<line x1="${n(X(b.expected))}" x2="${n(X(b.expected))}" y1="${y - 2}" y2="${y + row - 6}" class="expected"><title>expected ${(b.expected * 100).toFixed(1)} %</title></line>`;
      return `${band}<rect x="${l}" y="${y + 2}" width="${n(X(b.value) - l)}" height="${row - 12}" class="bar"/>${mark}<text x="${l - 6}" y="${y + 11}" text-anchor="end">${esc(b.name)}</text><text x="${W - 52}" y="${y + 11}">${(b.value * 100).toFixed(1)} %</text>`;
    })
    .join('');
  return figure(o.title, `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(o.title)}">${rows}</svg>`);
}
