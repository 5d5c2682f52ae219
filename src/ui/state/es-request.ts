/** The `_eql/search` request for the current rule and settings (built by the core). */
export { eqlSearchRequest } from '../../core';
