/** Report formats shared by every report writer: escaping, JUnit XML, inline SVG charts. */
export { escapeXml } from './escape.ts';
export { junitXml, type JUnitCase, type JUnitProblem, type JUnitReport, type JUnitSuite } from './junit.ts';
export { CHART_CSS, lineChart, PALETTE, shareBars, type Bar, type Line, type LineChartSpec } from './svg.ts';
