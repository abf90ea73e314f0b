// Text layout for the terminal: display widths where Hangul takes two columns, aligned tables.
// Figures are formatted by the one formatter (src/engine/metric-format.ts).
export type { Lang } from '../workbook/consolidated';

/** Pads to a display width where Hangul and other wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

export function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A plain aligned text table; columns before `rightFrom` left-aligned (default: the first), the rest right-aligned. */
export function textTable(header: string[], rows: string[][], rightFrom = 1): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], i >= rightFrom))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
