/** Roll-up statistics up a hierarchy of party units. */
export { rollup } from './rollup';
export { UNIT_LEVEL_LABELS, UNIT_LEVEL_RANK, UNIT_LEVELS, UNIT_LEVELS_BASIS } from './types';
export type {
  Accounting,
  FeedbackCounts,
  HierarchyInput,
  HierarchyUnit,
  LevelTally,
  PlanShare,
  RemediationCounts,
  RollupInput,
  RollupIssue,
  RollupOptions,
  RollupOutput,
  RollupResult,
  RollupSource,
  UnitCounts,
  UnitLevel,
  UnitRollup,
  UnplacedReason,
  UnplacedRecord,
} from './types';
