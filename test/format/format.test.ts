/** The report-format layer (src/format): escaping, the JUnit writer, the inline-SVG charts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeXml, junitXml, lineChart, shareBars, type JUnitReport } from '../../src/format/index.ts';

/**
 * XML well-formedness without a parser dependency: balanced tags, attribute values in double quotes
 * with no raw `<`, `&` only as one of XML's five entities, in text and in attributes alike.
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  assert.notEqual(body, xml, 'XML declaration first');
  const entity = /&(?!(amp|lt|gt|quot|apos);)/;
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(re)) {
    if (m[6]) assert.fail(`stray "<" at ${m.index}`);
    if (m[5] !== undefined) {
      assert.ok(!entity.test(m[5]), `unescaped & in text ${m[5].slice(0, 40)}`);
      continue;
    }
    assert.ok(!entity.test(m[3] ?? ''), `unescaped & in attributes of <${m[2]}>`);
    if (m[1]) assert.equal(stack.pop(), m[2], `closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2] as string);
  }
  assert.deepEqual(stack, [], 'every element closed');
}

const NASTY = `a < b & "c" 'd' > e`;

test('escapeXml: all five markup characters, in text and attributes, and no XML-forbidden control character', () => {
  assert.equal(escapeXml(`&<>"'`), '&amp;&lt;&gt;&quot;&apos;');
  assert.equal(escapeXml(NASTY), 'a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e');
  assert.equal(escapeXml('&amp;'), '&amp;amp;', 'escapes once, the caller never pre-escapes');
  assert.equal(escapeXml('bell\u0007 tab\t nl\n cr\r'), 'bell tab\t nl\n cr\r', 'C0 controls other than tab, newline, return are dropped');
  assert.equal(escapeXml(undefined), '');
  assert.equal(escapeXml(null), '');
  assert.equal(escapeXml(42), '42');
});

test('junitXml: well-formed, counts from the cases, failures and errors carry special characters safely', () => {
  const report: JUnitReport = {
    name: `suite ${NASTY}`,
    timeMs: 1500,
    suites: [
      {
        name: 'first',
        timestamp: '2026-01-01T00:00:00.000Z',
        cases: [
          { classname: 'x.y', name: 'passes', timeMs: 12 },
          { classname: 'x.y', name: 'observed', systemOut: `observed: ${NASTY}` },
          { classname: 'x.y', name: `fails ${NASTY}`, timeMs: 3, failure: { message: `expected ${NASTY}\u0001`, type: 'threshold', body: `line 1 ${NASTY}\nline 2` } },
        ],
      },
      { name: 'second', cases: [{ classname: 'x.z', name: 'unjudged', error: { message: 'target unreachable', type: 'inconclusive' } }] },
    ],
  };
  const xml = junitXml(report);
  assertWellFormed(xml);
  assert.ok(xml.endsWith('</testsuites>\n'));
  assert.match(xml, /<testsuites name="suite a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e" tests="4" failures="1" errors="1" time="1\.500">/);
  assert.match(xml, /<testsuite name="first" tests="3" failures="1" errors="0" skipped="0" timestamp="2026-01-01T00:00:00\.000Z">/);
  assert.match(xml, /<testsuite name="second" tests="1" failures="0" errors="1" skipped="0">/);
  assert.match(xml, /<testcase classname="x\.y" name="passes" time="0\.012"\/>/, 'a case without content is self-closing');
  assert.match(xml, /<testcase classname="x\.y" name="fails a &lt; b[^"]*" time="0\.003">\s*<failure message="expected a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e" type="threshold">line 1 a &lt; b/);
  assert.doesNotMatch(xml, /\u0001/);
  assert.match(xml, /<error message="target unreachable" type="inconclusive"\/>/, 'a problem without body is self-closing');
  assert.match(xml, /<system-out>observed: a &lt; b &amp;/);
  assert.equal((xml.match(/<testcase /g) ?? []).length, 4);
});

test('lineChart: a captioned inline SVG with one polyline per series, dashes, escaped names and no URL', () => {
  const svg = lineChart({
    title: 'rate <vs> target',
    xLabel: 'seconds',
    yLabel: 'calls/s',
    lines: [
      { name: 'get & co', color: '#1f77b4', points: [[0, 190], [1, 200], [2, 205]] },
      { name: 'target', color: '#000', dashed: true, points: [[0, 200], [2, 200]] },
      { name: 'empty', color: '#f00', points: [] },
    ],
  });
  assert.match(svg, /^<figure class="chart"><svg viewBox="0 0 560 220" width="560" height="220" role="img" aria-label="rate &lt;vs&gt; target">/);
  assert.equal((svg.match(/<polyline /g) ?? []).length, 2, 'series without points draw nothing');
  assert.equal((svg.match(/<polyline [^>]*stroke-dasharray/g) ?? []).length, 1);
  assert.match(svg, /<title>get &amp; co<\/title>/);
  assert.match(svg, /<figcaption>rate &lt;vs&gt; target<br><span class="key">/);
  assert.equal((svg.match(/class="key"/g) ?? []).length, 3, 'every series in the legend');
  assert.equal((svg.match(/class="gridline"/g) ?? []).length, 5);
  assert.match(svg, />seconds \(0–2\)</);
  assert.doesNotMatch(svg, /xmlns|https?:|<script/);
  assert.match(lineChart({ title: 'nothing', xLabel: 'x', yLabel: 'y', lines: [] }), /<figcaption>nothing — no data<\/figcaption>/);
  assert.match(lineChart({ title: 't', xLabel: 'rate', yLabel: 'share', fitX: true, lines: [{ name: 'a', color: '#000', points: [[150, 0], [210, 0.3]] }] }), />rate \(150–210\)</, 'fitX starts the axis at the data');
});

test('shareBars: one bar per name with its value, expected band and mark', () => {
  const svg = shareBars({ title: 'throttled share', bars: [{ name: 'get', value: 0.317, band: [0.297, 0.353], expected: 0.333 }, { name: 'mark <x>', value: 0 }] });
  assert.match(svg, /^<figure class="chart"><svg [^>]*aria-label="throttled share">/);
  assert.equal((svg.match(/class="bar"/g) ?? []).length, 2);
  assert.equal((svg.match(/class="band"/g) ?? []).length, 1);
  assert.equal((svg.match(/class="expected"/g) ?? []).length, 1);
  assert.match(svg, />31\.7 %</);
  assert.match(svg, />0\.0 %</);
  assert.match(svg, /<title>expected band 29\.7–35\.3 %<\/title>/);
  assert.match(svg, />mark &lt;x&gt;</);
  assert.match(svg, /<figcaption>throttled share<\/figcaption><\/figure>$/);
});
