// The local Graph stand-in (development and tests only; never shipped with the add-in).
export { startGraphStandIn } from './server';
export type { GraphStandIn, GraphStandInOptions, GraphStandInStats } from './server';
export type { Faults } from './faults';
export { LIST_VIEW_THRESHOLD } from './items';
export { SIMPLE_UPLOAD_LIMIT } from './drive';
export { DEFAULT_USERS, type StandInUser, type UserTable } from './users';
export {
  DEMO_GROUPS,
  DEMO_TOKENS,
  DEMO_USERS,
  DEMO_YEARS,
  demoRegister,
  demoRegisterWith,
  registerItems,
} from './demo-register';
