/** The chart module's axis ticks, bands, step lines and histograms (src/format/svg.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogram, lineChart, ticks } from '../../src/format/index.ts';

test('ticks: readable multiples (1, 2, 2.5, 5 × 10^k) spanning the axis', () => {
  assert.deepEqual(ticks(0, 30), [0, 5, 10, 15, 20, 25, 30]);
  assert.deepEqual(ticks(150, 300), [150, 175, 200, 225, 250, 275, 300]);
  assert.deepEqual(ticks(0, 4), [0, 1, 2, 3, 4]);
  assert.ok(ticks(0, 1e9).length <= 50);
});

test('lineChart: x ticks in data units, a shaded band in the legend, step lines hold each value to the next x', () => {
  const svg = lineChart({
    title: 'share',
    xLabel: 'seconds',
    yLabel: 'share',
    bands: [{ name: 'expected <band>', from: 0.3, to: 0.35 }],
    lines: [{ name: 'offered', color: '#000', step: true, points: [[0, 1], [10, 2], [20, 2]] }],
  });
  assert.equal((svg.match(/class="tick"/g) ?? []).length, 5, 'ticks at 0, 5, 10, 15, 20 s');
  assert.match(svg, /class="tick"\/><text [^>]*>15<\/text>/);
  assert.match(svg, /<rect [^>]*class="band"><title>expected &lt;band&gt;: 0\.3–0\.35<\/title>/);
  assert.match(svg, /<span class="key"><svg width="14" height="8"><rect width="14" height="8" class="band"\/><\/svg>expected &lt;band&gt;<\/span>/);
  const points = /points="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
  assert.equal(points.length, 6, 'each point becomes a horizontal run');
  assert.equal(points[1]?.split(',')[1], points[0]?.split(',')[1], 'level until the next x');
  assert.equal(points[2]?.split(',')[0], points[1]?.split(',')[0], 'then a vertical step');
});

test('histogram: one bar per non-empty-range bin on a log axis with 1-2-5 ticks; no data says so', () => {
  const svg = histogram({ title: 'latency', xLabel: 'ms', yLabel: 'calls', logX: true, bins: [{ from: 0.5, to: 1, count: 10 }, { from: 1, to: 2, count: 30 }, { from: 2, to: 50, count: 1 }] });
  assert.equal((svg.match(/class="bar"/g) ?? []).length, 3);
  assert.match(svg, /<title>1–2 ms: 30<\/title>/);
  assert.match(svg, />ms \(log scale\)</);
  for (const t of ['1', '2', '5', '10', '20', '50']) assert.match(svg, new RegExp(`class="tick"/><text [^>]*>${t}</text>`));
  assert.doesNotMatch(svg, /xmlns|https?:|<script/);
  assert.match(histogram({ title: 'none', xLabel: 'ms', yLabel: 'calls', bins: [] }), /<figcaption>none — no data<\/figcaption>/);
});
