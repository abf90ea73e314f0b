// The desk's printed tables: CSV never hands a spreadsheet a formula, changes carry their sign and
// never print `-0.0`.
import { cellsCsv, changeShown, plainShown } from '../../src/cli/city-output';
import { newestStandard } from '../../src/standard';

test('a text field a spreadsheet would run is written with a leading apostrophe; numbers and dashes are not', () => {
  const table = {
    header: ['자치구', '제출자', '증감'],
    keys: ['district', 'createdBy', 'meetings'],
    rows: [
      ['강남구', '=HYPERLINK("http://evil","x")', -3],
      ['강동구', '@SUM(A1)', '-'],
      ['강북구', '+82-2-120', '–'],
    ],
  };
  expect(cellsCsv(table, plainShown(newestStandard)).split('\r\n')).toEqual([
    '자치구,제출자,증감',
    `강남구,"'=HYPERLINK(""http://evil"",""x"")",-3`,
    "강동구,'@SUM(A1),-",
    "강북구,'+82-2-120,–",
    '',
  ]);
});

test('changes: signed, rounded as the standard prints, no sign on what rounds to nothing', () => {
  const shown = changeShown(newestStandard);
  expect(shown('attendanceRate.total', 14)).toBe('+14.0%p');
  expect(shown('attendanceRate.total', -0.04)).toBe('0.0%p');
  expect(shown('hoursTotal', -0.04)).toBe('0.0');
  expect(shown('meetings', -3)).toBe('-3');
  expect(shown('meetings', 1.25)).toBe('+1.3');
  expect(shown('meetings', null)).toBe('–');
});
