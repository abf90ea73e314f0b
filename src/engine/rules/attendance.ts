// People came to a group nobody was expected in (error: one per row, naming the groups — the row
// is what the district corrects), or more came than were expected (warning, one per group: rates
// above 100% are legal, standard §2). The groups are the standard's data (attendanceGroups).
import type { Text } from '../../standard/types';
import { joinText, makeFinding } from '../findings';
import { placeOfSlot } from './place';
import type { RuleOf } from './types';

export const attendanceRule: RuleOf<'row'> = {
  codes: ['attendance-without-expected', 'attendance-above-expected'],
  scope: 'row',
  compile({ standard, def, slots }) {
    const groups = (def.attendanceGroups ?? []).flatMap((g) => {
      const expected = slots.get(g.expected);
      const attended = slots.get(g.attended);
      if (expected === undefined || attended === undefined) return [];
      return [
        { ...g, expectedSlot: expected, attendedSlot: attended, label: standard.wording.groups[g.group] },
      ];
    });
    if (groups.length === 0) return null;
    const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
    return (row, out) => {
      const values = row.record.values;
      // The common case first, without allocating: every group expected someone and no more came.
      let quiet = true;
      for (let i = 0; i < groups.length && quiet; i++) {
        const expected = values[groups[i].expectedSlot];
        const attended = values[groups[i].attendedSlot];
        if (
          expected === 0 ||
          (typeof expected === 'number' && typeof attended === 'number' && attended > expected)
        )
          quiet = false;
      }
      if (quiet) return;
      const unexpected = groups.filter(
        (g) => values[g.expectedSlot] === 0 && (num(values[g.attendedSlot]) ?? 0) > 0,
      );
      if (unexpected.length) {
        const first = placeOfSlot(row, unexpected[0].attendedSlot, unexpected[0].attended);
        const labels: Text[] = unexpected.map((g) => g.label);
        out.push(
          makeFinding(
            standard,
            'attendance-without-expected',
            { ...first, field: null },
            unexpected.reduce((n, g) => n + (num(values[g.attendedSlot]) ?? 0), 0),
            { group: joinText(labels, standard.wording.groupJoin) },
          ),
        );
      }
      for (const g of groups) {
        const attended = num(values[g.attendedSlot]);
        const expected = num(values[g.expectedSlot]);
        if (attended !== null && expected !== null && expected > 0 && attended > expected) {
          out.push(
            makeFinding(
              standard,
              'attendance-above-expected',
              placeOfSlot(row, g.attendedSlot, g.attended),
              attended,
              {
                group: g.label,
                expected,
              },
            ),
          );
        }
      }
    };
  },
};
