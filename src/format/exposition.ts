/**
 * The Prometheus text exposition format (0.0.4, what a Pushgateway takes) and OpenMetrics 1.0 text
 * (a file ending in `# EOF`), written from metric families — with their escaping rules: in a label
 * value `\`, `"` and a line feed are escaped; in HELP `\` and a line feed (OpenMetrics: `"` too).
 * Written here rather than with prom-client: a load run emits one fixed set of gauges once, where a
 * client library's long-lived registry, collectors and default metrics would only add weight.
 */
export type MetricType = 'gauge' | 'counter' | 'summary';

export interface MetricSample {
  labels?: Record<string, string>;
  value: number;
  /** Sample name suffix: counters `_total`, summaries `_sum` / `_count` (quantile samples have none). */
  suffix?: '' | '_total' | '_sum' | '_count';
}

export interface MetricFamily {
  /** Without `_total` for a counter (OpenMetrics names the family without it). */
  name: string;
  help: string;
  type: MetricType;
  /** OpenMetrics unit; the name must end with `_<unit>`. */
  unit?: string;
  samples: MetricSample[];
}

export type ExpositionFormat = 'prometheus' | 'openmetrics';

/** Content types to send or serve each format with. */
export const EXPOSITION_CONTENT_TYPE: Record<ExpositionFormat, string> = {
  prometheus: 'text/plain; version=0.0.4; charset=utf-8',
  openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
};

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const escapeLabelValue = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (v: string, f: ExpositionFormat): string => {
  const s = v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return f === 'openmetrics' ? s.replace(/"/g, '\\"') : s;
};

/** A sample value as both formats spell it (+Inf, -Inf, NaN). */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  for (const [k] of entries) if (!LABEL.test(k) || k.startsWith('__')) throw new Error(`metric label name "${k}" is not valid`);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}` : '';
}

/** The families as text; `common` labels go on every sample (before the sample's own). */
export function exposition(families: MetricFamily[], format: ExpositionFormat, common: Record<string, string> = {}): string {
  const out: string[] = [];
  for (const f of families) {
    if (!NAME.test(f.name)) throw new Error(`metric name "${f.name}" is not valid`);
    if (f.unit && !f.name.endsWith(`_${f.unit}`)) throw new Error(`metric ${f.name}: the name must end with its unit _${f.unit}`);
    // Prometheus 0.0.4 names a counter's family by its sample (…_total); OpenMetrics by the name without it.
    const family = format === 'prometheus' && f.type === 'counter' ? `${f.name}_total` : f.name;
    out.push(`# HELP ${family} ${escapeHelp(f.help, format)}`, `# TYPE ${family} ${f.type}`);
    if (f.unit && format === 'openmetrics') out.push(`# UNIT ${family} ${f.unit}`);
    for (const s of f.samples) out.push(`${f.name}${s.suffix ?? ''}${labelText({ ...common, ...s.labels })} ${formatValue(s.value)}`);
  }
  if (format === 'openmetrics') out.push('# EOF');
  return `${out.join('\n')}\n`;
}
