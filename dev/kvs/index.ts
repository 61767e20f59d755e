/**
 * The local KVS emulator: what the local platform and tests import.
 */
export { KvsEmulator } from './kvs-emulator';
export { WITHOUT_QUOTAS, type KvsLimits } from './limits';
