/** Report formats shared by every report writer: escaping, JUnit XML, inline SVG charts, metrics text. */
export { escapeXml } from './escape.ts';
export { junitXml, type JUnitCase, type JUnitProblem, type JUnitReport, type JUnitSuite } from './junit.ts';
export { CHART_CSS, histogram, lineChart, PALETTE, shareBars, ticks, type Band, type Bar, type HistogramBin, type HistogramSpec, type Line, type LineChartSpec } from './svg.ts';
export { escapeLabelValue, exposition, EXPOSITION_CONTENT_TYPE, formatValue, type ExpositionFormat, type MetricFamily, type MetricSample, type MetricType } from './exposition.ts';
