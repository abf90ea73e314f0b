// An editable HTML grid over the stand-in's sheets: typing and pasting here go through the
// stand-in's user API, which fires onChanged exactly as Excel would, so the pane beside it reacts.
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import type { OfficeStandIn, StandInSheet } from '../../test/standins/office-js';
import { columnLetter } from '../../src/engine/snapshot';
import { isImeComposing } from '../../src/taskpane/view/findings';
import { displayText, editText, parseClipboard } from './cell-text';
import { ChartView } from './ChartView';

/** The preview draws at most this many rows: it is a teaching aid, not a spreadsheet. */
const MAX_DRAWN_ROWS = 300;
const ROW_HEADER_WIDTH = 40;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', minWidth: 0, height: '100%' },
  scroll: { overflow: 'auto', flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: 'collapse', fontSize: '12px', tableLayout: 'fixed' },
  head: { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3, zIndex: 1 },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: 'end',
    paddingInline: '4px',
    color: tokens.colorNeutralForeground2,
  },
  th: { border: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: 'normal', minWidth: '64px' },
  td: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: 0, height: '22px' },
  input: {
    width: '100%',
    boxSizing: 'border-box',
    border: 'none',
    background: 'transparent',
    font: 'inherit',
    padding: '1px 4px',
    ':focus': {
      outline: `2px solid ${tokens.colorBrandStroke1}`,
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
  selected: { outline: `2px solid ${tokens.colorPaletteGreenBorder2}`, outlineOffset: '-2px' },
  note: { fontSize: '12px', color: tokens.colorNeutralForeground2, margin: '4px 0' },
});

/**
 * Column widths from the header row (the row among the first ten with the most filled cells) and
 * the row below it, so Korean headers are readable: about one em per character, within bounds.
 */
function columnWidths(sheet: StandInSheet, columns: number): number[] {
  let header = 0;
  let best = -1;
  for (let r = 0; r < 10; r++) {
    const filled = [...(sheet.rows.get(r)?.values() ?? [])].filter((c) => displayText(c) !== '').length;
    if (filled > best) [header, best] = [r, filled];
  }
  return Array.from({ length: columns }, (_, c) => {
    // The header and the first data row: short headers (일자) over long values (2021-03-05).
    const longest = Math.max(
      ...[header, header + 1].map((r) => displayText(sheet.rows.get(r)?.get(c)).length),
    );
    return Math.min(180, Math.max(64, longest * 13 + 12));
  });
}

function useStandInVersion(standIn: OfficeStandIn): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => standIn.user.observe(bump), [standIn]);
  return version;
}

export function SheetGrid({ standIn }: { standIn: OfficeStandIn }) {
  const styles = useStyles();
  const version = useStandInVersion(standIn);
  const names = standIn.user.sheetNames();
  const [chosen, setChosen] = useState(names[1] ?? names[0] ?? '');
  const [editing, setEditing] = useState<{ address: string; text: string } | null>(null);
  const model = standIn.model;
  const sheetName = names.includes(chosen) ? chosen : (names[0] ?? '');
  const sheet = model.findSheet(sheetName);
  const selection = model.selection;

  const size = useMemo(() => {
    void version;
    const used = sheet ? model.usedBox(sheet, false) : null;
    const rows = Math.min(MAX_DRAWN_ROWS, (used ? used.row + used.rowCount : 0) + 5);
    const columns = Math.max(8, (used ? used.column + used.columnCount : 0) + 1);
    const total = used ? used.row + used.rowCount : 0;
    return { rows, columns, total, widths: sheet ? columnWidths(sheet, columns) : [] };
  }, [model, sheet, version]);

  if (!sheet) return <p>–</p>;

  const commit = (address: string, text: string) => {
    setEditing(null);
    standIn.user.setValues(sheet.name, address, [[text]]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, address: string) => {
    if (event.key === 'Enter' && !isImeComposing(event)) {
      event.preventDefault();
      commit(address, event.currentTarget.value);
    } else if (event.key === 'Escape') {
      setEditing(null);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, address: string) => {
    const text = event.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !text.includes('\n')) return;
    event.preventDefault();
    setEditing(null);
    standIn.user.setValues(sheet.name, address, parseClipboard(text));
  };

  const selectedHere = selection && selection.sheetId === sheet.id ? selection.box : null;
  return (
    <div className={styles.wrap}>
      <TabList
        selectedValue={sheetName}
        onTabSelect={(_, d) => setChosen(String(d.value))}
        size="small"
        aria-label="Sheets / 시트"
      >
        {names.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      <p className={styles.note}>
        셀을 고치고 Enter를 누르거나, 엑셀에서 복사한 여러 행을 붙여 넣어 보세요. / Edit a cell and press
        Enter, or paste rows copied from Excel.
        {size.total > MAX_DRAWN_ROWS && ` (${MAX_DRAWN_ROWS} / ${size.total})`}
      </p>
      <div className={styles.scroll} tabIndex={-1}>
        <table
          className={styles.table}
          aria-label={sheet.name}
          // A fixed layout only honours column widths when the table's own width is set.
          style={{ width: `${size.widths.reduce((a, b) => a + b, ROW_HEADER_WIDTH)}px` }}
        >
          <thead className={styles.head}>
            <tr>
              <th className={styles.th} style={{ width: `${ROW_HEADER_WIDTH}px` }} />
              {Array.from({ length: size.columns }, (_, c) => (
                <th key={c} scope="col" className={styles.th} style={{ width: `${size.widths[c]}px` }}>
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: size.rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className={`${styles.th} ${styles.rowHead}`}>
                  {r + 1}
                </th>
                {Array.from({ length: size.columns }, (_, c) => {
                  const address = `${columnLetter(c)}${r + 1}`;
                  const cell = model.cell(sheet, r, c);
                  const fill = model.shownFill(sheet, r, c);
                  const isSelected =
                    selectedHere !== null &&
                    r >= selectedHere.row &&
                    r < selectedHere.row + selectedHere.rowCount &&
                    c >= selectedHere.column &&
                    c < selectedHere.column + selectedHere.columnCount;
                  const isEditing = editing?.address === address;
                  return (
                    <td
                      key={c}
                      className={`${styles.td} ${isSelected ? styles.selected : ''}`}
                      style={fill ? { backgroundColor: fill } : undefined}
                      data-address={address}
                    >
                      <input
                        className={styles.input}
                        aria-label={`${sheet.name} ${address}`}
                        value={isEditing ? editing.text : displayText(cell)}
                        onFocus={() => setEditing({ address, text: editText(cell) })}
                        onChange={(e) => setEditing({ address, text: e.target.value })}
                        onBlur={(e) => {
                          if (!isEditing) return;
                          if (e.target.value !== editText(cell)) commit(address, e.target.value);
                          else setEditing(null);
                        }}
                        onKeyDown={(e) => onKeyDown(e, address)}
                        onPaste={(e) => onPaste(e, address)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.charts.map((chart) => (
        <ChartView key={chart.id} standIn={standIn} sheet={sheet} chart={chart} />
      ))}
    </div>
  );
}
