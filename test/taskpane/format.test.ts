import { formatCount, formatValue } from '../../src/taskpane/view/format';
import { paneLanguage } from '../../src/taskpane/view/language';

describe('formatCount and formatValue', () => {
  it('groups thousands as the language does', () => {
    expect(formatCount(12040, 'ko')).toBe('12,040');
    expect(formatCount(0, 'en')).toBe('0');
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
