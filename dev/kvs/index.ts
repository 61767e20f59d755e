/**
 * The local KVS emulator: what the local platform and tests import.
 */
export { KvsEmulator, type KvsEmulatorOptions, type KvsEntry, type KvsFetchInit } from './kvs-emulator';
export type { KvsFaults } from './fault-injector';
export { FORGE_KVS_LIMITS, WITHOUT_QUOTAS, type KvsLimits } from './limits';
export type { KvsStats } from './usage-stats';
export type { KvsQuotaUsage } from './quota-meter';
