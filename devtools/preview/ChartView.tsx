// A chart of the stand-in drawn as plain SVG bars under the grid, so the preview shows what the
// city desk's native Excel chart plots (its series, categories and title), not a picture of Excel's.
import { tokens } from '@fluentui/react-components';
import type { ChartRecord, OfficeStandIn, StandInSheet } from '../../test/standins/office-js';
import { seriesOf } from '../../test/standins/office-js';

const COLOURS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000'];
const HEIGHT = 160;
const BAR = 6;

export function ChartView({
  standIn,
  sheet,
  chart,
}: {
  standIn: OfficeStandIn;
  sheet: StandInSheet;
  chart: ChartRecord;
}) {
  const value = (r: number, c: number) => standIn.model.cell(sheet, r, c)?.value ?? null;
  const series = seriesOf(chart, value);
  const c = chart.categories;
  const categories = c
    ? Array.from({ length: c.rowCount }, (_, i) => String(value(c.row + i, c.column) ?? ''))
    : (series[0]?.values ?? []).map((_, i) => String(i + 1));
  const numbers = series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  const max = Math.max(1, ...numbers);
  const group = series.length * BAR + 6;
  const width = Math.max(200, categories.length * group + 40);
  return (
    <figure style={{ margin: '8px 0', fontSize: 11 }} aria-label={chart.title || chart.name}>
      <figcaption style={{ fontWeight: 600 }}>{chart.title || chart.name}</figcaption>
      <svg width={width} height={HEIGHT + 60} role="img" aria-label={chart.title || chart.name}>
        {categories.map((name, k) => (
          <g key={k} transform={`translate(${30 + k * group},0)`}>
            {series.map((s, j) => {
              const v = s.values[k];
              const h = typeof v === 'number' ? (v / max) * HEIGHT : 0;
              return (
                <rect
                  key={j}
                  x={j * BAR}
                  y={HEIGHT - h}
                  width={BAR - 1}
                  height={h}
                  fill={COLOURS[j % COLOURS.length]}
                />
              );
            })}
            <text
              x={0}
              y={HEIGHT + 10}
              transform={`rotate(60 0 ${HEIGHT + 10})`}
              fill={tokens.colorNeutralForeground2}
            >
              {name}
            </text>
          </g>
        ))}
      </svg>
      <div style={{ display: 'flex', gap: 12 }}>
        {series.map((s, j) => (
          <span key={s.name}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                background: COLOURS[j % COLOURS.length],
              }}
            />{' '}
            {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}
