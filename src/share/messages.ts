/**
 * The share link's diagnostics (SHR8xxx): code, severity, when, and the message factories,
 * in the same shape as the core's tables (src/core/diagnostics/table.ts). This layer imports
 * nothing from the core, so the shape is restated here; docs/diagnostics.md is generated from
 * both, and a unit test checks they agree.
 */

interface ShareEntry {
  readonly code: string;
  readonly severity: 'error';
  readonly when: string;
  readonly messages: Readonly<Record<string, (...args: never[]) => string>>;
  readonly examples: Readonly<Record<string, readonly unknown[]>>;
}

const decode = {
  code: 'SHR8001',
  severity: 'error',
  when: 'the link’s state cannot be decoded (truncated, damaged)',
  messages: {
    notAState: () => 'This link does not contain a playground state (expected "#v1.…").',
    notBase64: () => 'This link is damaged: its data is not valid base64url (was it cut off or edited?).',
    notDeflate: () => 'This link is damaged: its data does not decompress (was it cut off when copied?).',
    notJson: () => 'This link is damaged: its content is not valid JSON.',
    /** `detail` says which part of the state is wrong, e.g. `the rule is missing`. */
    badState: (detail: string) => `This link is damaged: ${detail}.`,
    /** A version number no playground ever wrote (`v0`). */
    noSuchVersion: (linkVersion: string) =>
      `This link is damaged: it names link format v${linkVersion}, which no version of the playground writes (formats start at v1).`,
  },
  examples: { notDeflate: [] },
} as const satisfies ShareEntry;

const version = {
  code: 'SHR8002',
  severity: 'error',
  when: 'the link was made by a newer version of the playground',
  messages: {
    newer: (linkVersion: number, current: number) =>
      `This link was made by a newer version of the playground (link format v${linkVersion}; this one reads up to v${current}).`,
  },
  examples: { newer: [3, 2] },
} as const satisfies ShareEntry;

const tooLarge = {
  code: 'SHR8003',
  severity: 'error',
  when: 'the link’s state would decompress past the size limit (a decompression bomb, or a state too large for a link)',
  messages: {
    inflated: (limitMb: number) =>
      `This link is too large to open: its state decompresses to more than ${limitMb} MB, the most a link may carry. Nothing was changed; share a workspace file for states this large.`,
  },
  examples: { inflated: [64] },
} as const satisfies ShareEntry;

/** The table: `ShareMessages.ShareDecode.messages.notJson()`. */
export const ShareMessages = { ShareDecode: decode, ShareVersion: version, ShareTooLarge: tooLarge } as const;

/** Stable error codes, by name. */
export const ShareErrorCodes = { decode: decode.code, version: version.code, tooLarge: tooLarge.code } as const;
