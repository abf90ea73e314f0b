// The pane speaks Korean first: English only when Office says the user's display language is
// something other than Korean.
import type { Text } from '../../standard/types';

export type Lang = 'ko' | 'en';

export function paneLanguage(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return 'ko';
  return /^ko(\b|[-_])/i.test(displayLanguage.trim()) ? 'ko' : 'en';
}

export function say(text: Text, lang: Lang): string {
  return text[lang];
}
