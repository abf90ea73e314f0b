import { displayText, editText, parseClipboard } from '../../devtools/preview/cell-text';

describe('preview grid cell text', () => {
  it('shows dates, percentages and errors roughly as Excel does', () => {
    expect(displayText({ value: 44200, numberFormat: 'yyyy-mm-dd' })).toBe('2021-01-04');
    expect(displayText({ value: 0.8174, numberFormat: '0.0%' })).toBe('81.7%');
    expect(displayText({ value: null, error: '#VALUE!' })).toBe('#VALUE!');
    expect(displayText({ value: 1.25 })).toBe('1.25');
    expect(displayText(undefined)).toBe('');
  });
  it('edits the formula where there is one', () => {
    expect(editText({ value: 12, formula: '=I5+J5' })).toBe('=I5+J5');
    expect(editText({ value: '<img src=x onerror=alert(1)>' })).toBe('<img src=x onerror=alert(1)>');
  });
  it('splits tab-separated clipboard text into rows, ignoring the final newline', () => {
    expect(parseClipboard('1\t2021-03-05\t워크숍\r\n2\t2021-03-06\t교육\r\n')).toEqual([
      ['1', '2021-03-05', '워크숍'],
      ['2', '2021-03-06', '교육'],
    ]);
    expect(parseClipboard('a\t\tc')).toEqual([['a', '', 'c']]);
  });
});
