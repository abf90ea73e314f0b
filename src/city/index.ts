// The city's desk, host-free (standard §2, §2.1, §6): from Submissions records, the register and the
// calendar → the status board, the data book, the composition table and the year comparison.
export type * from './types';
export {
  deadlineFor,
  dueDate,
  withCityDates,
  calendarProblems,
  parseInstant,
  koreaIso,
  koreaDateTime,
} from './calendar';
export type { Deadline } from './calendar';
export { judge, currentOf, trustedCurrentOf } from './trust';
export type { Judged } from './trust';
export { statusBoard } from './board';
export type { BoardInput, BoardRow, BoardSubmission, NotDueRow, StatusBoard } from './board';
export { dataBook } from './databook';
export type { DataBookInput } from './databook';
export { compositionTable, compositionTableOf } from './composition';
export type { CompositionRow, CompositionTable } from './composition';
export { compareYears, unitOf } from './compare';
export type { ChangeUnit, Changes, DistrictChange, MetricChange, YearComparison } from './compare';
