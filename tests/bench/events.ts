/**
 * Deterministic generator of Elastic Defend-shaped Linux file events for benchmarks: a mix that
 * exercises every branch of the default rule (allowlisted executables, wildcard paths, missing
 * executables, editors' swap files, other directories, other categories).
 */

/** A small deterministic pseudo-random generator (same sequence for the same seed). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXECUTABLES = [
  '/usr/bin/dpkg',
  '/usr/bin/apt-get',
  '/usr/bin/bash',
  '/usr/bin/python3.11',
  '/nix/store/abc-apt/bin/apt',
  '/usr/lib/apt/methods/http',
  '/usr/bin/vim.basic',
  '/usr/bin/sed',
  '/usr/bin/perl',
  '/usr/bin/curl',
  '/dev/fd/3',
  undefined,
];
const NAMES = ['dpkg', 'apt-get', 'bash', 'python3.11', 'apt', 'http', 'vim', 'sed', 'perl', 'curl', '3', 'kworker'];
const DIRS = [
  '/etc/apt/apt.conf.d',
  '/etc/apt/apt.conf.d',
  '/etc/apt/apt.conf.d',
  '/etc/apt/sources.list.d',
  '/var/log/apt',
  '/tmp',
];
const FILES = [
  '50unattended-upgrades',
  '99custom',
  '.99custom.swp',
  '20auto-upgrades.tmp.1',
  'sedX1y2Z3',
  'e2scrub_all.tmp.9',
  '01proxy',
  'mirror.list',
];
const ACTIONS = ['creation', 'creation', 'rename', 'deletion', 'modification'];

export function generateEvents(count: number, seed = 42): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Record<string, unknown>[] = [];
  const base = Date.UTC(2026, 2, 2, 10, 0, 0);
  for (let i = 0; i < count; i++) {
    const k = Math.floor(r() * EXECUTABLES.length);
    const executable = EXECUTABLES[k];
    const name = pick(FILES);
    const dir = pick(DIRS);
    const dot = name.lastIndexOf('.');
    const action = pick(ACTIONS);
    const file: Record<string, unknown> = { path: `${dir}/${name}`, name, size: Math.floor(r() * 4096) };
    if (dot > 0) file.extension = name.slice(dot + 1);
    if (action === 'rename')
      file.Ext = {
        original: {
          path: `${dir}/${name}.dpkg-new`,
          name: `${name}.dpkg-new`,
          extension: r() < 0.5 ? 'dpkg-new' : 'tmp',
        },
      };
    out.push({
      '@timestamp': new Date(base + i * 37).toISOString(),
      event: {
        id: `ev-${i}`,
        kind: 'event',
        module: 'endpoint',
        dataset: 'endpoint.events.file',
        category: r() < 0.9 ? ['file'] : ['process'],
        type: [action === 'rename' ? 'change' : action],
        action,
        outcome: 'success',
      },
      file,
      host: {
        name: `host-${i % 50}`,
        os: { type: r() < 0.95 ? 'linux' : 'windows', family: 'debian', name: 'Linux' },
        ip: ['10.0.0.1', '::1'],
      },
      process: {
        pid: 1000 + (i % 30000),
        entity_id: `ent-${i % 5000}`,
        ...(executable !== undefined ? { executable } : {}),
        name: NAMES[k],
        parent: { entity_id: `ent-${(i + 7) % 5000}` },
      },
      user: { id: '0', name: 'root' },
    });
  }
  return out;
}
