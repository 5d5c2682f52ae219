/**
 * The table of diagnostic codes. Codes are stable: tests and users rely on them.
 * docs/diagnostics.md lists them with examples; keep both in step.
 *
 *   EQL1xxx  syntax (parser)           EQL2xxx  analysis (verifier)
 *   EQL3xxx  runtime (evaluation)      EQL4xxx  warnings and notes about the query
 *   EVT5xxx  events input              MAP6xxx  index mapping input
 *   RULE7xxx rule formats              SHR8xxx  share links
 */
export const Codes = {
  // syntax
  SyntaxError: 'EQL1001',
  SingleQuotes: 'EQL1002',
  QuestionQuotes: 'EQL1003',
  BadUnicodeEscape: 'EQL1004',
  BadEscape: 'EQL1005',
  ArrayIndex: 'EQL1006',
  ProcessRelationship: 'EQL1007',
  ByAfterWith: 'EQL1008',
  JoinKeyCount: 'EQL1009',
  UnsupportedJoinKey: 'EQL1010',
  Maxspan: 'EQL1011',
  Runs: 'EQL1012',
  UnsupportedPipe: 'EQL1013',
  UnknownPipe: 'EQL1014',
  PipeArgument: 'EQL1015',
  AssignmentNotEquality: 'EQL1016',
  UppercaseKeyword: 'EQL1017',
  ChainedComparison: 'EQL1018',
  TooDeep: 'EQL1019',
  SampleNotSupported: 'EQL1020',
  // analysis
  Join: 'EQL2001',
  UnknownColumn: 'EQL2002',
  UnknownFunction: 'EQL2003',
  FunctionArity: 'EQL2004',
  ArgumentType: 'EQL2005',
  ColonNonString: 'EQL2006',
  InListType: 'EQL2007',
  NonBooleanCondition: 'EQL2008',
  FieldComparison: 'EQL2009',
  JoinKeyType: 'EQL2010',
  MissingMaxspan: 'EQL2011',
  TextField: 'EQL2012',
  UnsupportedFieldType: 'EQL2013',
  CaseInsensitiveNotSupported: 'EQL2014',
  SequenceShape: 'EQL2016',
  // runtime
  RuntimeError: 'EQL3001',
  ArithmeticOverflow: 'EQL3002',
  DivisionByZero: 'EQL3003',
  NumberConversion: 'EQL3004',
  InvalidCidr: 'EQL3005',
  // warnings
  UnknownFieldWarning: 'EQL4001',
  OptionalUnmapped: 'EQL4003',
  // events
  EventsSyntax: 'EVT5001',
  EventNotObject: 'EVT5002',
  // mapping
  MappingSyntax: 'MAP6001',
  MappingShape: 'MAP6002',
  // rule formats
  RuleFormat: 'RULE7001',
  // share
  ShareDecode: 'SHR8001',
  ShareVersion: 'SHR8002',
} as const;

export type Code = (typeof Codes)[keyof typeof Codes];

/** Codes added after the first table (append-only). */
export const MoreCodes = {
  /** Two loaded events give one field different JSON kinds (warning). */
  EventsTypeConflict: 'EVT5005',
  /** A date field value its mapping format cannot read: Elasticsearch rejects the document (warning). */
  UnreadableDate: 'EVT5006',
  /** Two indices of a multi-index mapping give one field different types (warning). */
  MappingConflict: 'MAP6003',
  /** A mapping entry that is understood only partly or not at all (warning). */
  MappingUnsupported: 'MAP6004',
} as const;

/** Rule-format codes added later (append-only). */
export const RuleCodes = {
  /** The TOML rule file does not parse. */
  RuleTomlSyntax: 'RULE7002',
  /** The rule file parses but holds no EQL query. */
  RuleNoQuery: 'RULE7003',
} as const;
