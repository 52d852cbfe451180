// Prometheus text exposition format (version 0.0.4): each family's # HELP and
// # TYPE lines, then `name{label="value"} number` samples. Pure, for tests.

export type Sample = { labels?: Record<string, string>; value: number };
export type MetricFamily = { name: string; help: string; type: 'counter' | 'gauge'; samples: Sample[] };

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export function renderPrometheus(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels ?? {});
      const labelText = labels.length
        ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`
        : '';
      lines.push(`${family.name}${labelText} ${formatValue(sample.value)}`);
    }
  }
  return lines.join('\n') + '\n';
}
