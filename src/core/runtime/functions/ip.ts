/**
 * cidrMatch(ip, block...): true when the address lies in any of the CIDR blocks (IPv4 or
 * IPv6; a bare address is a /32 or /128). An invalid block is a runtime error.
 */

import { compileCidrsOrThrow } from '../cidr';
import type { Scalar } from '../values';
import type { EqlFunction } from './types';
import { argsChecker, requireString } from './common';

type Test = (ip: string) => boolean;

export const cidrMatch: EqlFunction = {
  name: 'cidrMatch',
  params: [
    { name: 'ip', kind: 'ip' },
    { name: 'block', kind: 'string', variadic: true },
  ],
  caseAware: false,
  returnType: () => 'boolean',
  // The blocks must be constants, checked before their type (as Elasticsearch's CIDRMatch does).
  check: argsChecker([{ expect: 'ip' }, { expect: 'string', constant: true, constantFirst: true }]),
  make(ctx) {
    const blockArgs = ctx.constArgs.slice(1);
    const allConst = blockArgs.every((c) => typeof c === 'string');
    const anyConstNull = blockArgs.some((c) => c === null);
    // Compiled lazily so that a bad block fails when evaluated, as in Elasticsearch.
    let constTest: Test | undefined;
    let lastKey: string | undefined;
    let lastTest: Test | undefined;
    return (args: readonly Scalar[]) => {
      const ip = args[0] ?? null;
      if (ip === null || anyConstNull) return null;
      let test: Test;
      if (allConst) {
        test = constTest ??= compileCidrsOrThrow(blockArgs as string[]);
      } else {
        const blocks: string[] = [];
        for (let i = 1; i < args.length; i++) {
          const b = args[i] ?? null;
          if (b === null) return null;
          blocks.push(requireString(b));
        }
        const key = blocks.join('\u0000');
        if (key !== lastKey || !lastTest) {
          lastTest = compileCidrsOrThrow(blocks);
          lastKey = key;
        }
        test = lastTest;
      }
      return test(requireString(ip));
    };
  },
  signature: 'cidrMatch(ip, block[, block...]) → boolean',
  doc:
    'True when the IP address lies in one of the CIDR blocks. IPv4 and IPv6; a block without `/n` matches one address.\n\n' +
    '`cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")`',
  nulls: 'Null if the address or any block is null. A value that is not an IP address matches nothing.',
};
