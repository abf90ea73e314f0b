// Option values the city's commands share: a bad one is a usage error naming what is allowed.
import { parseQuarterOption, parseYear } from '../../src/cli/options';

it('--year takes a year the standard allows', () => {
  expect(parseYear('2021')).toBe(2021);
  expect(parseYear(' 2018 ')).toBe(2018);
  for (const bad of ['2017', '2101', '21', '2021.5', '', 'year'])
    expect(() => parseYear(bad)).toThrow('--year is a year 2018–2100');
});

it('--quarter takes 1–4 in the forms 기본정보 accepts', () => {
  expect(['1', '2분기', 'Q3', '4/4분기'].map(parseQuarterOption)).toEqual([1, 2, 3, 4]);
  for (const bad of ['0', '5', '1.5', '']) expect(() => parseQuarterOption(bad)).toThrow('--quarter is 1–4');
});
