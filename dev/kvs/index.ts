/**
 * The local KVS emulator: what the local platform and tests import.
 */
export { KvsEmulator, type KvsEntry } from './kvs-emulator';
export { WITHOUT_QUOTAS, type KvsLimits } from './limits';
