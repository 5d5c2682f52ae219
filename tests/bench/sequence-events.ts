/**
 * Deterministic Linux endpoint events for the sequence benchmark: file creations in temporary
 * directories by download tools, executions from shells, file deletions, and unrelated noise,
 * spread over many hosts and users so that many candidate sequences are pending at once.
 */
import { rng } from './events';

const TOOLS = ['curl', 'wget', 'scp', 'rsync', 'python3', 'cp'];
const SHELLS = ['bash', 'sh', 'zsh', 'systemd'];
const DIRS = ['/tmp', '/var/tmp', '/dev/shm', '/home/user', '/opt/app'];
const KILLERS = ['rm', 'shred', 'unlink', 'payload'];

/** `count` events, one every 10 ms on average, over `hosts` hosts. */
export function generateSequenceEvents(count: number, hosts = 50, seed = 11): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const base = Date.UTC(2026, 2, 2, 10, 0, 0);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const host = `h${Math.floor(r() * hosts)}`;
    const user = `u${Math.floor(r() * 5)}`;
    const payload = `p${Math.floor(r() * 20)}`;
    const kind = r();
    const common = { '@timestamp': base + i * 10, host: { id: host, os: { type: 'linux' } }, user: { id: user } };
    if (kind < 0.3) {
      out.push({
        ...common,
        event: { category: ['file'], action: 'creation' },
        file: { name: payload, path: `${pick(DIRS)}/${payload}` },
        process: { name: pick(TOOLS) },
      });
    } else if (kind < 0.6) {
      out.push({
        ...common,
        event: { category: ['process'], type: ['start'], action: 'exec' },
        process: {
          name: payload,
          executable: `${pick(DIRS)}/${payload}`,
          parent: { name: pick(SHELLS), executable: '/usr/bin/bash' },
        },
      });
    } else if (kind < 0.85) {
      out.push({
        ...common,
        event: { category: ['file'], action: 'deletion' },
        file: { name: payload, path: `${pick(DIRS)}/${payload}` },
        process: { name: pick(KILLERS) },
      });
    } else {
      out.push({
        ...common,
        event: { category: ['network'], action: 'connection_attempted' },
        process: { name: pick(TOOLS) },
      });
    }
  }
  return out;
}
