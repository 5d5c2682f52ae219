export type { SharePayload, DecodeResult } from './codec';
export { encodeShareHash, decodeShareHash, looksLikeShareHash, CURRENT_VERSION, ShareErrorCodes } from './codec';
export { ShareMessages } from './messages';
export { checkSharePayload, type PayloadCheck } from './schema';
