/**
 * Elastic Defend (Elastic Endpoint) fields. Names, mapping types, array flags and ignore_above
 * of the event data streams (`logs-endpoint.events.*`) are generated at build time from the
 * endpoint-package schemas (scripts/generate-defend.mjs -> generated/defend-fields.json); this
 * file adds what that list does not carry: our own descriptions of the fields people meet
 * most, and the lower-case `.caseless` keyword multi-fields (normalizer `lowercase`) of the
 * Endpoint index templates. Defend maps no `.keyword` or `.text` sub-fields.
 */
import defendData from './generated/defend-fields.json';
import type { FieldInfo } from './types';

type DefendRow = readonly [string, number, 0 | 1, number?];

interface DefendData {
  readonly source: string;
  readonly streams: readonly string[];
  readonly fields: Readonly<Record<string, DefendRow>>;
}

const DATA = defendData as unknown as DefendData;

/** Where the field list comes from (endpoint-package schemas and commit). */
export const DEFEND_SOURCE: string = DATA.source;

/** Own descriptions of common Defend fields that ECS does not define. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'elastic.agent.id':
    'Fleet identifier of the Elastic Agent that runs the sensor (kept in _source only on file events).',
  'host.os.Ext.variant': 'Distribution or edition name as the sensor reports it, e.g. "Ubuntu" or "Windows 11 Pro".',
  'user.Ext.real.id': 'Real (not effective) user ID of the acting process, as a string.',
  'user.Ext.real.name': 'Name of the real user of the acting process.',
  'group.Ext.real.id': 'Real (not effective) group ID of the acting process, as a string.',
  'group.Ext.real.name': 'Name of the real group of the acting process.',
  'file.Ext.entropy': 'Shannon entropy of the file content; high values hint at packed or encrypted data.',
  'file.Ext.header_bytes': 'The first bytes of the file, hex encoded (useful for magic-number checks).',
  'file.Ext.original.path': 'Full path the file had before a rename or move.',
  'file.Ext.original.name': 'File name before a rename or move.',
  'file.Ext.original.extension':
    'Extension (without the dot) of the name before a rename; absent when that name had no dot.',
  'file.Ext.windows.zone_identifier': 'Windows mark-of-the-web zone of the file (3 means it came from the internet).',
  'file.Ext.monotonic_id': 'Counter the sensor uses to order operations on the same file.',
  'file.Ext.device.volume_device_type': 'Kind of volume the file lives on (disk, CD-ROM, network share, ...).',
  'file.Ext.device.bus_type': 'Bus the storage device is attached through, e.g. USB.',
  'file.Ext.device.product_id': 'Product identifier of the storage device holding the file.',
  'file.Ext.device.vendor_id': 'Vendor identifier of the storage device holding the file.',
  'file.Ext.code_signature': 'Signature checks of the file, one entry per signer.',
  'file.Ext.code_signature.subject_name': 'Signer subject of the file signature.',
  'file.Ext.code_signature.trusted': 'Whether the file signature chains to a trusted root.',
  'file.Ext.code_signature.status': 'Outcome of checking the file signature.',
  'file.Ext.malware_signature.all_names': 'Names of every malware signature that matched the file.',
  'file.Ext.malware_signature.identifier': 'Identifier of the malware signature that matched.',
  'dll.Ext.relative_file_creation_time': 'Seconds between the creation of the library file and the load event.',
  'dll.Ext.relative_file_name_modify_time': 'Seconds between the last rename of the library file and the load event.',
  'dll.Ext.device.product_id': 'Product identifier of the device the library was loaded from.',
  'dll.Ext.load_index': 'How many times this library has been loaded into the process.',
  'process.Ext.ancestry': 'Entity IDs of the ancestors of the process, nearest first.',
  'process.Ext.architecture': 'CPU architecture the process runs as (x86, x86_64, arm64, ...).',
  'process.Ext.authentication_id': 'Windows logon session (LUID) the process token belongs to.',
  'process.Ext.created_suspended': 'True when the process was started in a suspended state.',
  'process.Ext.defense_evasions': 'Evasion techniques the sensor noticed on the process.',
  'process.Ext.mitigation_policies': 'Exploit-mitigation policies enabled for the process.',
  'process.Ext.protection': 'Windows protected-process level of the process, if any.',
  'process.Ext.session': 'Name of the Windows session the process runs in.',
  'process.Ext.trusted': 'Whether the sensor considers the process image trusted.',
  'process.Ext.trusted_descendant': 'Whether the process descends from a trusted process.',
  'process.Ext.relative_file_creation_time':
    'Seconds between the creation of the executable file and the start of the process.',
  'process.Ext.relative_file_name_modify_time':
    'Seconds between the last rename of the executable file and the start of the process.',
  'process.Ext.session_info.authentication_package':
    'Authentication package used for the logon session (NTLM, Kerberos, ...).',
  'process.Ext.session_info.client_address': 'Remote address the logon session came from.',
  'process.Ext.session_info.id': 'Identifier of the logon session.',
  'process.Ext.session_info.logon_type': 'How the session logged on (Interactive, Network, RemoteInteractive, ...).',
  'process.Ext.session_info.relative_logon_time': 'Seconds between the logon and the start of the process.',
  'process.Ext.session_info.relative_password_age':
    'Age in seconds of the password used for the logon, at process start.',
  'process.Ext.session_info.user_flags': 'Account flags of the logged-on user.',
  'process.Ext.token.integrity_level_name': 'Integrity level of the process token (low, medium, high, system).',
  'process.Ext.token.elevation': 'Whether the process token is elevated.',
  'process.Ext.token.elevation_type': 'Kind of token elevation (default, full, limited).',
  'process.Ext.token.security_attributes': 'Security attributes carried by the process token.',
  'process.Ext.effective_parent.entity_id':
    'Entity ID of the process that effectively caused this one (e.g. through a broker).',
  'process.Ext.effective_parent.executable': 'Executable path of the effective parent process.',
  'process.Ext.effective_parent.name': 'Name of the effective parent process.',
  'process.Ext.effective_parent.pid': 'PID of the effective parent process.',
  'process.Ext.api.name': 'Name of the Windows API call the event reports.',
  'process.Ext.api.summary': 'Readable summary of the reported API call and its arguments.',
  'process.Ext.api.behaviors': 'Notable traits of the reported API call.',
  'process.Ext.api.parameters.consumer_type': 'Consumer type argument of the reported API call (WMI events).',
  'process.Ext.code_signature': 'Signature checks of the process image, one entry per signer.',
  'process.Ext.code_signature.exists': 'Whether the process image carries a signature.',
  'process.Ext.code_signature.status': 'Outcome of checking the process image signature.',
  'process.Ext.code_signature.subject_name': 'Signer subject of the process image.',
  'process.Ext.code_signature.trusted': 'Whether the process image signature chains to a trusted root.',
  'process.Ext.code_signature.valid': 'Whether the process image signature verified.',
  'process.Ext.device.bus_type': 'Bus of the device the executable was started from, e.g. USB.',
  'process.Ext.device.dos_name': 'DOS drive name of the device the executable was started from.',
  'process.Ext.device.file_system_type': 'File system of the device the executable was started from.',
  'process.Ext.device.nt_name': 'NT device name the executable was started from.',
  'process.Ext.device.product_id': 'Product identifier of the device the executable was started from.',
  'process.Ext.device.serial_number': 'Serial number of the device the executable was started from.',
  'process.Ext.device.vendor_id': 'Vendor identifier of the device the executable was started from.',
  'process.Ext.device.volume_device_type': 'Kind of volume the executable was started from.',
  'process.Ext.load_module.taint_flags': 'Linux kernel taint flags reported when a kernel module loads.',
  'process.Ext.memory_region.region_protection': 'Protection flags of the memory region the event is about.',
  'process.parent.Ext.real.pid':
    'PID of the process that really asked for the parent launch, when it differs from its parent.',
  'process.parent.Ext.architecture': 'CPU architecture the parent process runs as.',
  'process.parent.Ext.protection': 'Windows protected-process level of the parent process.',
  'process.parent.Ext.user': 'User account the parent process runs as.',
  'process.parent.Ext.code_signature': 'Signature checks of the parent process image.',
  'process.parent.Ext.code_signature.subject_name': 'Signer subject of the parent process image.',
  'process.parent.Ext.code_signature.trusted': 'Whether the parent image signature chains to a trusted root.',
  'process.parent.Ext.code_signature.status': 'Outcome of checking the parent image signature.',
  'Effective_process.entity_id': 'Entity ID of the process on whose behalf the acting process worked.',
  'Effective_process.executable': 'Executable path of the process on whose behalf the acting process worked.',
  'Effective_process.name': 'Name of the process on whose behalf the acting process worked.',
  'Effective_process.pid': 'PID of the process on whose behalf the acting process worked.',
};

/** Lower-case keyword multi-fields: exact-match operators are rejected on them, as Elasticsearch does. */
const CASELESS: readonly string[] = [
  'host.os.name',
  'host.os.full',
  'file.path',
  'file.target_path',
  'file.name',
  'process.executable',
  'process.name',
  'process.command_line',
  'process.working_directory',
  'process.parent.executable',
  'process.parent.name',
  'process.parent.command_line',
];

function streamNames(mask: number): string[] {
  return DATA.streams.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Description of a Defend field: ours, else the ECS one, else where Defend maps it. */
function describe(name: string, mask: number, ecsDescription: string | undefined): string {
  const own = DESCRIPTIONS[name];
  if (own) return own;
  if (ecsDescription) return ecsDescription;
  const streams = streamNames(mask);
  return `Elastic Defend field of the ${streams.join(', ')} event${streams.length === 1 ? '' : 's'} data stream${streams.length === 1 ? '' : 's'}.`;
}

/**
 * Every Elastic Defend event field with its Defend mapping, given ECS's descriptions for the
 * fields ECS also defines.
 */
export function defendFields(ecsDescription: (name: string) => string | undefined): FieldInfo[] {
  const out: FieldInfo[] = [];
  for (const name of Object.keys(DATA.fields)) {
    const [type, mask, array, ignoreAbove] = DATA.fields[name]!;
    out.push({
      name,
      type,
      origin: 'endpoint',
      ...(array ? { array: true } : {}),
      ...(ignoreAbove ? { ignoreAbove } : {}),
      description: describe(name, mask, ecsDescription(name)),
    });
  }
  for (const parent of CASELESS) {
    out.push({
      name: `${parent}.caseless`,
      type: 'keyword',
      origin: 'endpoint',
      normalizer: 'lowercase',
      description: `Lower-cased copy of ${parent} for case-insensitive search.`,
    });
  }
  return out;
}

/** Own descriptions, for tests and hover. */
export const DEFEND_DESCRIPTIONS = DESCRIPTIONS;
