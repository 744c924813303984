/**
 * The ASCII graph of LATENCY GRAPH, drawn as Redis 7.0's sparkline.c does
 * with SPARKLINE_FILL: each sample is a column of `rows` character rows,
 * its height a step of rows x 3 between the sequence's min and max, drawn
 * with "_o#" at the top of the column and '|' below; then one blank row and
 * each sample's label written downwards, one character per row. Sequences
 * longer than `columns` are drawn in blocks separated by a newline.
 */

const FILL = '_o#';
const LABEL_MARGIN_TOP = 1;

export interface SparkSample {
  value: number;
  /** "" for none. */
  label: string;
}

export function renderSparkline(samples: readonly SparkSample[], columns: number, rows: number): string {
  let min = 0;
  let max = 0;
  let labels = 0;
  samples.forEach((s, i) => {
    if (i === 0) min = max = s.value;
    else if (s.value < min) min = s.value;
    else if (s.value > max) max = s.value;
    if (s.label !== '') labels++;
  });
  let out = '';
  for (let j = 0; j < samples.length; j += columns) {
    if (j !== 0) out += '\n';
    out += renderRange(samples.slice(j, j + columns), min, max, labels > 0, rows);
  }
  return out;
}

function renderRange(samples: readonly SparkSample[], min: number, max: number, hasLabels: boolean, rows: number): string {
  const relmax = max - min === 0 ? 1 : max - min;
  const steps = FILL.length * rows;
  let out = '';
  for (let row = 0; ; row++) {
    let more = false;
    const chars = new Array<string>(samples.length).fill(' ');
    for (let j = 0; j < samples.length; j++) {
      const s = samples[j]!;
      // C: (int)(relval * steps) / relmax, truncated again into an int.
      let step = Math.trunc(Math.trunc((s.value - min) * steps) / relmax);
      if (step < 0) step = 0;
      if (step >= steps) step = steps - 1;
      if (row < rows) {
        more = true;
        const idx = step - (rows - row - 1) * FILL.length;
        if (idx >= 0 && idx < FILL.length) chars[j] = FILL[idx]!;
        else if (idx >= FILL.length) chars[j] = '|';
      } else {
        // One empty row between the graph and the labels.
        if (hasLabels && row - rows < LABEL_MARGIN_TOP) {
          more = true;
          break;
        }
        const k = row - rows - LABEL_MARGIN_TOP;
        if (s.label !== '' && s.label.length > k) {
          more = true;
          chars[j] = s.label[k]!;
        }
      }
    }
    if (!more) return out;
    out += chars.join('') + '\n';
  }
}
