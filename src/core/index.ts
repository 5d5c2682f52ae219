/**
 * The public API of the EQL core. Nothing here throws on user input: every problem comes back
 * as a Diagnostic. Shells (CLI, worker, UI, tests) use only what this file exports.
 */
export type { Range, StatementNode, Expr, Node } from './ast/nodes';
export type { Diagnostic, Severity, SourceName, Position } from './diagnostics/diagnostic';
export { LineIndex, positionOf, hasErrors } from './diagnostics/diagnostic';
export { Codes } from './diagnostics/codes';
export type { EventDoc } from './runtime/event';
export type { FieldInfo, Schema } from './schema/types';
export type {
  Settings,
  VerdictKind,
  Span,
  Reason,
  Verdict,
  TraceEntry,
  ClauseStat,
  Hit,
  MissingHit,
  SequenceHit,
  Hits,
  Stats,
  EvaluationResult,
  JoinStageInfo,
  StageVerdict,
  CandidateOutcome,
  CandidateNote,
  JoinEventExplanation,
  SequenceMatchExplanation,
  SampleGroupExplanation,
  JoinExplanation,
} from './api-types';
export { defaultSettings } from './api-types';
export { displayValue } from './runtime/values';
export {
  evaluate,
  traceEvent,
  checkQuery,
  formatQuery,
  foldExpression,
  resolveSettings,
  matchMask,
} from './evaluate';
export type { EvaluateRequest, CheckRequest, MatchMask } from './evaluate';
export type {
  ExceptionItem,
  ExceptionEntry,
  EntryType,
  ExceptionOperator,
  NestedChildEntry,
  ExceptionListContainer,
  ExceptionInput,
  ExceptionRef,
  ExceptionStat,
  ExceptionStatus,
  MatchedEntry,
  OsType,
  ValueList,
  ValueListValue,
  ExceptionOrigin,
} from './exceptions/types';
export { exceptionQuery, exceptionRequestFilter, type QueryDsl } from './exceptions/query-dsl';
export {
  matchAddedItem,
  withAddedItem,
  type AddedItemMatch,
  type AddedItemRequest,
} from './exceptions/added-item';
export {
  exceptionWarnings,
  type ExceptionWarning,
  type ExceptionWarningKind,
  type ExceptionWarningsRequest,
} from './exceptions/warnings';
export { eqlSearchRequest, type RequestSettings } from './es-request';
export { compareHits, type Comparison, type ResponseHits, type ResponseEvent } from './compare';
export { explainDifferences, type Difference } from './compare-explain';
export * from './tuning/index';
export { KEYWORDS } from './ast/keywords';
export type { Message, Related } from './diagnostics/table';
export { expandDottedKeys } from './runtime/field-access';
export { findJsonError, type JsonSyntaxError } from './schema/json-syntax';
export { languageInfo, fieldsSeen } from './language';
export type { FieldView, FunctionView, LanguageInfo } from './language';
export type { RuleFormat, RuleMetadata, MitreRef, MitreTechnique, ThreatMapping } from './rule-metadata';
