// The standard's sheets (standard §1, §5): a required sheet that is absent (missing-sheet), and a
// standard sheet that is hidden or very hidden, or answers to a standard name another sheet also
// answers to (hidden-sheet). Which of two twins is validated is decided in ../sheets.ts: what the
// district sees wins, so a very hidden clean copy cannot stand in for a visible sheet with errors.
import type { Standard, Text } from '../../standard/types';
import { fillText, makeFinding } from '../findings';
import { pickSheet, sheetsMatching } from '../sheets';
import type { RuleOf } from './types';

const requiredSheets = (s: Standard) => [s.sheets.info.name, s.sheets.forums.name, s.sheets.council.name];
const standardSheets = (s: Standard) => [...requiredSheets(s), s.sheets.summary.name];

export const missingSheetRule: RuleOf<'workbook'> = {
  codes: ['missing-sheet'],
  scope: 'workbook',
  check({ snapshot, standard }, out) {
    for (const name of requiredSheets(standard)) {
      if (sheetsMatching(snapshot.sheets, name).length === 0)
        out.push(
          makeFinding(standard, 'missing-sheet', { sheet: name, cell: null, row: null, field: null }, null),
        );
    }
  },
};

export const hiddenSheetRule: RuleOf<'workbook'> = {
  codes: ['hidden-sheet'],
  scope: 'workbook',
  check({ snapshot, standard }, out) {
    const states = standard.wording.sheetStates;
    for (const name of standardSheets(standard)) {
      const candidates = sheetsMatching(snapshot.sheets, name);
      const validated = pickSheet(candidates, name);
      for (const sheet of candidates) {
        const reasons: Text[] = [];
        if (sheet.visibility === 'hidden') reasons.push(states.hidden);
        if (sheet.visibility === 'veryHidden') reasons.push(states.veryHidden);
        if (sheet !== validated) reasons.push(fillText(states.twin, { validated: validated!.name }));
        if (reasons.length === 0) continue;
        const reason = { ko: reasons.map((r) => r.ko).join(' '), en: reasons.map((r) => r.en).join('; ') };
        out.push(
          makeFinding(
            standard,
            'hidden-sheet',
            { sheet: sheet.name, cell: null, row: null, field: null },
            null,
            {
              reason,
            },
          ),
        );
      }
    }
  },
};
