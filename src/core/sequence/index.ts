/** Sequences and samples: evaluation and explanations (see evaluate-join.ts). */
export { evaluateJoin, type JoinRequest } from './evaluate-join';
