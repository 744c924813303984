/**
 * Formats doubles the way Redis 7.0 prints them in replies: printf("%.17g"),
 * with "inf"/"-inf" for infinities and "nan" for NaN.
 */

/** C's "%.17g" for a JS number. */
export function formatDouble(d: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (Number.isNaN(d)) return 'nan';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  return formatG(d, 17);
}

/** C's "%.<precision>g". */
export function formatG(d: number, precision: number): string {
  // toExponential gives the exact exponent after rounding to `precision` digits.
  const e = d.toExponential(precision - 1);
  const eIdx = e.indexOf('e');
  const x = Number(e.slice(eIdx + 1));
  if (x < -4 || x >= precision) {
    let mant = e.slice(0, eIdx);
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    const sign = x < 0 ? '-' : '+';
    const abs = Math.abs(x);
    return `${mant}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  let fixed = d.toFixed(Math.max(0, precision - 1 - x));
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
}
