/** Tuning: baseline diff, clause impact, rule tests, exclusion proposals, value completion. */
export type * from './types';
export { eventOutcomes, returnedSequences } from './outcomes';
export { diffVerdicts, deltaSummary } from './diff';
export { clauseImpact } from './impact';
export {
  checkExpectations,
  expectCurrentVerdicts,
  expectationsToJson,
  expectedVerdicts,
  isExpectedVerdict,
  parseExpectations,
} from './expectations';
export type { ExpectationProblem } from './expectations';
export { proposeExclusions, generalisations } from './proposals';
export type { ProposeRequest } from './proposals';
export { applyEdit } from './rule-edits';
export { fieldValues } from './values';
export type { FieldValueCount } from './values';
export { describeReason, shortClause } from './text';
