// The district register (standard §6), host-free: parse it, ask it, write it back.
export type * from './types';
export { parseRegister, isSignInName, isObjectId } from './parse';
export {
  byName,
  districtsInOrder,
  findRegistered,
  isDue,
  dueDistricts,
  isAmong,
  isCityOfficer,
  roleFor,
  districtsOf,
  submitPermission,
  standingOf,
} from './queries';
export type { SubmitterRole, SubmitPermission, Standing } from './queries';
export { registerRows, submittersText, yearsText } from './rows';
