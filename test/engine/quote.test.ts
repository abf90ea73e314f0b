// A finding quotes at most the first 100 characters of a long value (issue 7: ten cells holding a
// 50 MB text printed 524 MB), in its value and its messages; a surrogate pair is never cut.
import { makeFinding, quoted, QUOTE_LIMIT } from '../../src/engine/findings';
import { newestStandard } from '../../src/standard';

const place = { sheet: '숙의공론장', cell: 'C5', row: 5, field: 'name' };

test('short values are quoted whole, long ones cut to 100 characters and marked', () => {
  expect(quoted('짧은 값')).toBe('짧은 값');
  expect(quoted('x'.repeat(QUOTE_LIMIT))).toBe('x'.repeat(100));
  expect(quoted('x'.repeat(50_000))).toBe(`${'x'.repeat(100)}…`);
  // An emoji across the cut is left out rather than halved.
  expect(quoted(`${'x'.repeat(99)}😀tail`)).toBe(`${'x'.repeat(99)}…`);
});

test('makeFinding clamps the value, the parameters and the sheet name in both messages', () => {
  const long = '공론'.repeat(25_000);
  const f = makeFinding(newestStandard, 'constraint-error', place, long, {
    field: long,
    fieldEn: long,
    detailKo: long,
    detailEn: long,
  });
  expect(f.value).toBe(`${'공론'.repeat(50)}…`);
  expect(f.message.ko.length).toBeLessThan(400);
  expect(f.message.en.length).toBeLessThan(400);
  const sheet = makeFinding(newestStandard, 'missing-sheet', { ...place, sheet: 's'.repeat(10_000) }, null);
  expect(sheet.message.en.length).toBeLessThan(300);
  // Numbers and booleans are not text to cut.
  expect(makeFinding(newestStandard, 'type-error', place, 123456789).value).toBe(123456789);
});
