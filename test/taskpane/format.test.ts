import {
  formatCount,
  formatHours,
  formatRate,
  formatValue,
  UNDEFINED_MARK,
} from '../../src/taskpane/view/format';
import { paneLanguage } from '../../src/taskpane/view/language';

describe('formatRate', () => {
  it('shows a fraction as a percentage to 0.1 point', () => {
    expect(formatRate(0.8174, 'ko')).toBe('81.7%');
    expect(formatRate(0.81749, 'en')).toBe('81.7%');
    expect(formatRate(0.81751, 'en')).toBe('81.8%');
  });
  it('keeps rates above 100% (legal) and shows undefined as a dash, never 0%', () => {
    expect(formatRate(1.25, 'ko')).toBe('125.0%');
    expect(formatRate(null, 'ko')).toBe(UNDEFINED_MARK);
    expect(formatRate(Number.NaN, 'en')).toBe(UNDEFINED_MARK);
    expect(formatRate(0, 'ko')).toBe('0.0%');
  });
  it('never prints a negative zero', () => {
    expect(formatRate(-0.00001, 'ko')).toBe('0.0%');
  });
});

describe('formatHours and formatCount', () => {
  it('rounds hours to 0.1 and groups thousands', () => {
    expect(formatHours(1.25 + 0.01, 'ko')).toBe('1.3');
    expect(formatHours(1204.04, 'en')).toBe('1,204.0');
    expect(formatHours(null, 'en')).toBe(UNDEFINED_MARK);
    expect(formatCount(12040, 'ko')).toBe('12,040');
  });
  it('renders values as plain strings', () => {
    expect(formatValue('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(null)).toBe('');
  });
});

describe('paneLanguage', () => {
  it('is Korean for Korean display languages and when unknown, English otherwise', () => {
    expect(paneLanguage('ko-KR')).toBe('ko');
    expect(paneLanguage('ko')).toBe('ko');
    expect(paneLanguage(undefined)).toBe('ko');
    expect(paneLanguage('en-US')).toBe('en');
    expect(paneLanguage('ja-JP')).toBe('en');
    expect(paneLanguage('kok-IN')).toBe('en');
  });
});
