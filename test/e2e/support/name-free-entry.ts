// The name-free copy for a page in Chromium (test/e2e/name-free.e2e.test.ts): the very module the
// pane's submit service runs on the bytes Office hands out, exposed as one function.
import { NameScrubber } from '../../../src/stamp/names';
import { nameFreeCopy } from '../../../src/xlsx/name-free';

export interface CouncilInPage {
  sheet: string | null;
  cells: { address: string; replacement: string }[];
  names: (string | null)[];
  vocabulary: string[];
  namesDigest: string;
  copyNamesDigest: string;
}

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

(window as unknown as { delibNameFree: unknown }).delibNameFree = async (
  base64: string,
  c: CouncilInPage,
) => {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const { names, vocabulary, ...rest } = c;
  try {
    return {
      copy: toBase64(await nameFreeCopy(bytes, { ...rest, scrubber: new NameScrubber(names, vocabulary) })),
    };
  } catch (e) {
    return { error: { ko: (e as { ko?: string }).ko, en: (e as Error).message } };
  }
};
