// A small reader of the Prometheus text exposition format, strict enough to
// catch what a scraper would refuse: every sample belongs to a family declared
// by a # TYPE line before it, names and label names are valid, values are numbers.
export type ParsedSample = { name: string; labels: Record<string, string>; value: number };
export type ParsedExposition = { types: Map<string, string>; samples: ParsedSample[] };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\\\|\\"|\\n)*)"/y;

export function parsePrometheus(text: string): ParsedExposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const samples: ParsedSample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
      if (!m) throw new Error(`bad comment line: ${line}`);
      if (!NAME.test(m[2]!)) throw new Error(`bad metric name: ${m[2]}`);
      if (m[1] === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(m[3]!))
          throw new Error(`bad type: ${line}`);
        if (types.has(m[2]!)) throw new Error(`type declared twice: ${m[2]}`);
        types.set(m[2]!, m[3]!);
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`bad sample line: ${line}`);
    const [, name, labelText, valueText] = m;
    if (!types.has(name!)) throw new Error(`sample before its # TYPE: ${name}`);
    const labels: Record<string, string> = {};
    if (labelText) {
      const inner = labelText.slice(1, -1);
      let at = 0;
      while (at < inner.length) {
        LABEL.lastIndex = at;
        const lm = LABEL.exec(inner);
        if (!lm) throw new Error(`bad labels: ${labelText}`);
        labels[lm[1]!] = lm[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
        at = LABEL.lastIndex;
        if (inner[at] === ',') at++;
        else if (at !== inner.length) throw new Error(`bad labels: ${labelText}`);
      }
    }
    const value = Number(valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : valueText);
    if (valueText !== 'NaN' && Number.isNaN(value)) throw new Error(`bad value: ${line}`);
    samples.push({ name: name!, labels, value });
  }
  return { types, samples };
}
