import type { FieldInfo } from './types';

/**
 * Elastic Defend (Elastic Endpoint) fields that ECS does not define: the `*.Ext.*` extensions,
 * `Effective_process.*`, `elastic.agent.id` and the lower-case `.caseless` keyword sub-fields
 * of the Endpoint index templates. Names and types are facts about the data the sensor writes;
 * the descriptions are our own.
 *
 * Row: [name, type, array?, description, normalizer?]
 */
type Row = readonly [string, string, 0 | 1, string, string?];

const ROWS: readonly Row[] = [
  [
    'elastic.agent.id',
    'keyword',
    0,
    'Fleet identifier of the Elastic Agent that runs the sensor (kept in _source only on file events).',
  ],

  // host
  [
    'host.os.Ext.variant',
    'keyword',
    0,
    'Distribution or edition name as the sensor reports it, e.g. "Ubuntu" or "Windows 11 Pro".',
  ],
  ['host.os.name.caseless', 'keyword', 0, 'Lower-cased copy of host.os.name for case-insensitive search.', 'lowercase'],
  ['host.os.full.caseless', 'keyword', 0, 'Lower-cased copy of host.os.full for case-insensitive search.', 'lowercase'],

  // users and groups
  ['user.Ext.real.id', 'keyword', 0, 'Real (not effective) user ID of the acting process, as a string.'],
  ['user.Ext.real.name', 'keyword', 0, 'Name of the real user of the acting process.'],
  ['group.Ext.real.id', 'keyword', 0, 'Real (not effective) group ID of the acting process, as a string.'],
  ['group.Ext.real.name', 'keyword', 0, 'Name of the real group of the acting process.'],

  // files
  [
    'file.Ext.entropy',
    'double',
    0,
    'Shannon entropy of the file content; high values hint at packed or encrypted data.',
  ],
  ['file.Ext.header_bytes', 'keyword', 0, 'The first bytes of the file, hex encoded (useful for magic-number checks).'],
  ['file.Ext.original.path', 'keyword', 0, 'Full path the file had before a rename or move.'],
  ['file.Ext.original.name', 'keyword', 0, 'File name before a rename or move.'],
  [
    'file.Ext.original.extension',
    'keyword',
    0,
    'Extension (without the dot) of the name before a rename; absent when that name had no dot.',
  ],
  [
    'file.Ext.windows.zone_identifier',
    'long',
    0,
    'Windows mark-of-the-web zone of the file (3 means it came from the internet).',
  ],
  ['file.Ext.monotonic_id', 'unsigned_long', 0, 'Counter the sensor uses to order operations on the same file.'],
  [
    'file.Ext.device.volume_device_type',
    'keyword',
    0,
    'Kind of volume the file lives on (disk, CD-ROM, network share, ...).',
  ],
  ['file.Ext.device.bus_type', 'keyword', 0, 'Bus the storage device is attached through, e.g. USB.'],
  ['file.Ext.device.product_id', 'keyword', 0, 'Product identifier of the storage device holding the file.'],
  ['file.Ext.device.vendor_id', 'keyword', 0, 'Vendor identifier of the storage device holding the file.'],
  ['file.Ext.code_signature', 'nested', 1, 'Signature checks of the file, one entry per signer.'],
  ['file.Ext.code_signature.subject_name', 'keyword', 0, 'Signer subject of the file signature.'],
  ['file.Ext.code_signature.trusted', 'boolean', 0, 'Whether the file signature chains to a trusted root.'],
  ['file.Ext.code_signature.status', 'keyword', 0, 'Outcome of checking the file signature.'],
  ['file.Ext.malware_signature.all_names', 'keyword', 1, 'Names of every malware signature that matched the file.'],
  ['file.Ext.malware_signature.identifier', 'keyword', 0, 'Identifier of the malware signature that matched.'],
  ['file.Ext.access.path', 'keyword', 0, 'Path pattern that made the sensor report an open of the file.'],
  ['file.path.caseless', 'keyword', 0, 'Lower-cased copy of file.path for case-insensitive search.', 'lowercase'],
  [
    'file.target_path.caseless',
    'keyword',
    0,
    'Lower-cased copy of file.target_path for case-insensitive search.',
    'lowercase',
  ],
  ['file.name.caseless', 'keyword', 0, 'Lower-cased copy of file.name for case-insensitive search.', 'lowercase'],

  // loaded libraries
  [
    'dll.Ext.relative_file_creation_time',
    'double',
    0,
    'Seconds between the creation of the library file and the load event.',
  ],
  [
    'dll.Ext.relative_file_name_modify_time',
    'double',
    0,
    'Seconds between the last rename of the library file and the load event.',
  ],
  ['dll.Ext.device.product_id', 'keyword', 0, 'Product identifier of the device the library was loaded from.'],
  ['dll.Ext.load_index', 'long', 0, 'How many times this library has been loaded into the process.'],

  // the acting process
  ['process.Ext.ancestry', 'keyword', 1, 'Entity IDs of the ancestors of the process, nearest first.'],
  ['process.Ext.architecture', 'keyword', 0, 'CPU architecture the process runs as (x86, x86_64, arm64, ...).'],
  ['process.Ext.authentication_id', 'keyword', 0, 'Windows logon session (LUID) the process token belongs to.'],
  ['process.Ext.created_suspended', 'boolean', 0, 'True when the process was started in a suspended state.'],
  ['process.Ext.defense_evasions', 'keyword', 1, 'Evasion techniques the sensor noticed on the process.'],
  ['process.Ext.mitigation_policies', 'keyword', 1, 'Exploit-mitigation policies enabled for the process.'],
  ['process.Ext.protection', 'keyword', 0, 'Windows protected-process level of the process, if any.'],
  ['process.Ext.services', 'keyword', 0, 'Windows services hosted by the process.'],
  ['process.Ext.session', 'keyword', 0, 'Name of the Windows session the process runs in.'],
  ['process.Ext.trusted', 'boolean', 0, 'Whether the sensor considers the process image trusted.'],
  ['process.Ext.trusted_descendant', 'boolean', 0, 'Whether the process descends from a trusted process.'],
  ['process.Ext.user', 'keyword', 0, 'User account the process runs as, domain included.'],
  [
    'process.Ext.relative_file_creation_time',
    'double',
    0,
    'Seconds between the creation of the executable file and the start of the process.',
  ],
  [
    'process.Ext.relative_file_name_modify_time',
    'double',
    0,
    'Seconds between the last rename of the executable file and the start of the process.',
  ],
  [
    'process.Ext.real.pid',
    'long',
    0,
    'PID of the process that really asked for the launch, when it differs from the parent.',
  ],
  [
    'process.Ext.session_info.authentication_package',
    'keyword',
    0,
    'Authentication package used for the logon session (NTLM, Kerberos, ...).',
  ],
  ['process.Ext.session_info.client_address', 'keyword', 0, 'Remote address the logon session came from.'],
  ['process.Ext.session_info.id', 'unsigned_long', 0, 'Identifier of the logon session.'],
  [
    'process.Ext.session_info.logon_type',
    'keyword',
    0,
    'How the session logged on (Interactive, Network, RemoteInteractive, ...).',
  ],
  [
    'process.Ext.session_info.relative_logon_time',
    'double',
    0,
    'Seconds between the logon and the start of the process.',
  ],
  [
    'process.Ext.session_info.relative_password_age',
    'double',
    0,
    'Age in seconds of the password used for the logon, at process start.',
  ],
  ['process.Ext.session_info.user_flags', 'keyword', 1, 'Account flags of the logged-on user.'],
  [
    'process.Ext.token.integrity_level_name',
    'keyword',
    0,
    'Integrity level of the process token (low, medium, high, system).',
  ],
  ['process.Ext.token.elevation', 'boolean', 0, 'Whether the process token is elevated.'],
  ['process.Ext.token.elevation_type', 'keyword', 0, 'Kind of token elevation (default, full, limited).'],
  ['process.Ext.token.security_attributes', 'keyword', 1, 'Security attributes carried by the process token.'],
  [
    'process.Ext.effective_parent.entity_id',
    'keyword',
    0,
    'Entity ID of the process that effectively caused this one (e.g. through a broker).',
  ],
  ['process.Ext.effective_parent.executable', 'keyword', 0, 'Executable path of the effective parent process.'],
  ['process.Ext.effective_parent.name', 'keyword', 0, 'Name of the effective parent process.'],
  ['process.Ext.effective_parent.pid', 'long', 0, 'PID of the effective parent process.'],
  ['process.Ext.api.name', 'keyword', 0, 'Name of the Windows API call the event reports.'],
  ['process.Ext.api.summary', 'keyword', 0, 'Readable summary of the reported API call and its arguments.'],
  ['process.Ext.api.behaviors', 'keyword', 1, 'Notable traits of the reported API call.'],
  [
    'process.Ext.api.parameters.consumer_type',
    'keyword',
    0,
    'Consumer type argument of the reported API call (WMI events).',
  ],
  ['process.Ext.code_signature', 'nested', 1, 'Signature checks of the process image, one entry per signer.'],
  ['process.Ext.code_signature.exists', 'boolean', 0, 'Whether the process image carries a signature.'],
  ['process.Ext.code_signature.status', 'keyword', 0, 'Outcome of checking the process image signature.'],
  ['process.Ext.code_signature.subject_name', 'keyword', 0, 'Signer subject of the process image.'],
  ['process.Ext.code_signature.trusted', 'boolean', 0, 'Whether the process image signature chains to a trusted root.'],
  ['process.Ext.code_signature.valid', 'boolean', 0, 'Whether the process image signature verified.'],
  ['process.Ext.device.bus_type', 'keyword', 0, 'Bus of the device the executable was started from, e.g. USB.'],
  ['process.Ext.device.dos_name', 'keyword', 0, 'DOS drive name of the device the executable was started from.'],
  ['process.Ext.device.file_system_type', 'keyword', 0, 'File system of the device the executable was started from.'],
  ['process.Ext.device.nt_name', 'keyword', 0, 'NT device name the executable was started from.'],
  ['process.Ext.device.product_id', 'keyword', 0, 'Product identifier of the device the executable was started from.'],
  ['process.Ext.device.serial_number', 'keyword', 0, 'Serial number of the device the executable was started from.'],
  ['process.Ext.device.vendor_id', 'keyword', 0, 'Vendor identifier of the device the executable was started from.'],
  ['process.Ext.device.volume_device_type', 'keyword', 0, 'Kind of volume the executable was started from.'],
  [
    'process.Ext.load_module.taint_flags',
    'keyword',
    1,
    'Linux kernel taint flags reported when a kernel module loads.',
  ],
  [
    'process.Ext.memory_region.region_protection',
    'keyword',
    0,
    'Protection flags of the memory region the event is about.',
  ],
  [
    'process.executable.caseless',
    'keyword',
    0,
    'Lower-cased copy of process.executable for case-insensitive search.',
    'lowercase',
  ],
  ['process.name.caseless', 'keyword', 0, 'Lower-cased copy of process.name for case-insensitive search.', 'lowercase'],
  [
    'process.command_line.caseless',
    'keyword',
    0,
    'Lower-cased copy of process.command_line for case-insensitive search.',
    'lowercase',
  ],
  [
    'process.working_directory.caseless',
    'keyword',
    0,
    'Lower-cased copy of process.working_directory for case-insensitive search.',
    'lowercase',
  ],

  // the parent process
  [
    'process.parent.Ext.real.pid',
    'long',
    0,
    'PID of the process that really asked for the parent launch, when it differs from its parent.',
  ],
  ['process.parent.Ext.architecture', 'keyword', 0, 'CPU architecture the parent process runs as.'],
  ['process.parent.Ext.protection', 'keyword', 0, 'Windows protected-process level of the parent process.'],
  ['process.parent.Ext.user', 'keyword', 0, 'User account the parent process runs as.'],
  ['process.parent.Ext.code_signature', 'nested', 1, 'Signature checks of the parent process image.'],
  ['process.parent.Ext.code_signature.subject_name', 'keyword', 0, 'Signer subject of the parent process image.'],
  [
    'process.parent.Ext.code_signature.trusted',
    'boolean',
    0,
    'Whether the parent image signature chains to a trusted root.',
  ],
  ['process.parent.Ext.code_signature.status', 'keyword', 0, 'Outcome of checking the parent image signature.'],
  ['process.parent.Ext.token.integrity_level_name', 'keyword', 0, 'Integrity level of the parent process token.'],
  [
    'process.parent.Ext.session_info.logon_type',
    'keyword',
    0,
    'How the logon session of the parent process logged on.',
  ],
  [
    'process.parent.executable.caseless',
    'keyword',
    0,
    'Lower-cased copy of process.parent.executable for case-insensitive search.',
    'lowercase',
  ],
  [
    'process.parent.name.caseless',
    'keyword',
    0,
    'Lower-cased copy of process.parent.name for case-insensitive search.',
    'lowercase',
  ],
  [
    'process.parent.command_line.caseless',
    'keyword',
    0,
    'Lower-cased copy of process.parent.command_line for case-insensitive search.',
    'lowercase',
  ],

  // the process a privileged helper acted for
  ['Effective_process.entity_id', 'keyword', 0, 'Entity ID of the process on whose behalf the acting process worked.'],
  [
    'Effective_process.executable',
    'keyword',
    0,
    'Executable path of the process on whose behalf the acting process worked.',
  ],
  ['Effective_process.name', 'keyword', 0, 'Name of the process on whose behalf the acting process worked.'],
  ['Effective_process.pid', 'long', 0, 'PID of the process on whose behalf the acting process worked.'],
];

/** Elastic Defend fields missing from ECS, with their ES types. */
export const ENDPOINT_FIELDS: readonly FieldInfo[] = ROWS.map(([name, type, array, description, normalizer]) => ({
  name,
  type,
  origin: 'endpoint' as const,
  ...(array ? { array: true } : {}),
  description,
  ...(normalizer ? { normalizer } : {}),
}));
