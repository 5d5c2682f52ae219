/**
 * A straightforward hand-written JavaScript predicate for the default rule, with the same
 * Elasticsearch semantics (any-value arrays, case-insensitive `:`, exact `in`, missing fields
 * false under `not`). It is the practical speed limit the compiled evaluation is measured against.
 */
// biome-ignore lint/suspicious/noExplicitAny: a hand-written predicate reads untyped JSON, as fast code would
type Obj = Record<string, any>;

const EXECUTABLES = new Set([
  '/bin/dpkg',
  '/usr/bin/dpkg',
  '/bin/dockerd',
  '/usr/bin/dockerd',
  '/usr/sbin/dockerd',
  '/bin/microdnf',
  '/usr/bin/microdnf',
  '/bin/rpm',
  '/usr/bin/rpm',
  '/bin/snapd',
  '/usr/bin/snapd',
  '/bin/yum',
  '/usr/bin/yum',
  '/bin/dnf',
  '/usr/bin/dnf',
  '/bin/podman',
  '/usr/bin/podman',
  '/bin/dnf-automatic',
  '/usr/bin/dnf-automatic',
  '/bin/pacman',
  '/usr/bin/pacman',
  '/usr/bin/dpkg-divert',
  '/bin/dpkg-divert',
  '/sbin/apk',
  '/usr/sbin/apk',
  '/usr/local/sbin/apk',
  '/usr/bin/apt',
  '/usr/sbin/pacman',
  '/usr/bin/puppet',
  '/bin/puppet',
  '/opt/puppetlabs/puppet/bin/puppet',
  '/usr/bin/chef-client',
  '/bin/chef-client',
  '/bin/autossl_check',
  '/usr/bin/autossl_check',
  '/proc/self/exe',
  '/dev/fd/*',
  '/usr/bin/pamac-daemon',
  '/bin/pamac-daemon',
  '/usr/lib/snapd/snapd',
  '/usr/local/bin/dockerd',
  '/usr/libexec/netplan/generate',
  '/usr/local/bin/apt-get',
  '/usr/bin/apt-get',
]);
const EXTENSIONS = new Set(['swp', 'swpx', 'swx', 'dpkg-remove']);
const NAMES = new Set(['pveupdate', 'perl', 'executor', 'crio', 'docker-init', 'dockerd', 'pvedaemon']);
const PREFIXES = ['/nix/store/', '/var/lib/dpkg/', '/snap/', '/dev/fd/', '/usr/lib/', '/usr/libexec/', '/etc/kernel/'];

function has(v: unknown, x: string): boolean {
  return v === x || (Array.isArray(v) && v.includes(x));
}

export function handWritten(e: Obj): boolean {
  if (!has(e.event?.category, 'file')) return false;
  if (e.host?.os?.type !== 'linux') return false;
  const action = e.event?.action;
  if (action !== 'rename' && action !== 'creation') return false;
  const path: unknown = e.file?.path;
  if (typeof path !== 'string') return false;
  const lpath = path.toLowerCase();
  if (!lpath.startsWith('/etc/apt/apt.conf.d/')) return false;
  const exe: unknown = e.process?.executable;
  if (typeof exe === 'string' && EXECUTABLES.has(exe)) return false;
  if (/^\/etc\/apt\/apt\.conf\.d\/.*\.tmp.*$/s.test(lpath)) return false;
  const ext: unknown = e.file?.extension;
  if (typeof ext === 'string' && EXTENSIONS.has(ext)) return false;
  if (e.file?.Ext?.original?.extension === 'dpkg-new') return false;
  if (typeof exe === 'string') {
    const lexe = exe.toLowerCase();
    if (PREFIXES.some((p) => lexe.startsWith(p)) || lexe.startsWith('/tmp/vmis.')) return false;
  }
  if (exe === undefined || exe === null) return false;
  const pname: unknown = e.process?.name;
  if (typeof pname === 'string' && NAMES.has(pname)) return false;
  const fname: unknown = e.file?.name;
  const lfname = typeof fname === 'string' ? fname.toLowerCase() : '';
  if (pname === 'sed' && lfname.startsWith('sed')) return false;
  if (pname === 'perl' && lfname.startsWith('e2scrub_all.tmp')) return false;
  return true;
}
