/**
 * Options a write may carry (`ExtendedSetOptions` in @forge/kvs types):
 *  - `ttl`: expiry relative to the write;
 *  - `keyPolicy`: 'OVERRIDE' (last write wins, the default) or 'FAIL_IF_EXISTS' (refuse when the key holds
 *    a live value; Forge documents the policy but not the error code, see kvs-error.ts);
 *  - `returnValue`: 'PREVIOUS' or 'LATEST', only with OVERRIDE (`OverrideAndReturnSetOptions`), with
 *    `returnMetadataFields` choosing the metadata that comes back.
 * Batch and transaction writes accept only `ttl` (`SetOptions`).
 */
import { kvsError } from './kvs-error';
import { orThrow } from './operation-context';
import { parseMetadataFields, type MetadataField } from './stored-record';
import { expiryFromOptions } from './ttl';

export interface WriteOptions {
  expiresAt: number | undefined;
  failIfExists: boolean;
  returnValue: 'PREVIOUS' | 'LATEST' | undefined;
  returnMetadataFields: MetadataField[];
}

export function parseWriteOptions(raw: unknown, nowMs: number): WriteOptions {
  const expiresAt = orThrow(expiryFromOptions(raw, nowMs));
  if (raw === undefined || raw === null) return { expiresAt, failIfExists: false, returnValue: undefined, returnMetadataFields: [] };
  const { keyPolicy, returnValue, returnMetadataFields } = raw as Record<string, unknown>;
  if (keyPolicy !== undefined && keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') {
    throw kvsError.badRequest('"keyPolicy" must be OVERRIDE or FAIL_IF_EXISTS');
  }
  if (returnValue !== undefined && returnValue !== 'PREVIOUS' && returnValue !== 'LATEST') {
    throw kvsError.badRequest('"returnValue" must be PREVIOUS or LATEST');
  }
  if (returnValue !== undefined && keyPolicy === 'FAIL_IF_EXISTS') {
    throw kvsError.badRequest('"returnValue" is only allowed with keyPolicy OVERRIDE');
  }
  return {
    expiresAt,
    failIfExists: keyPolicy === 'FAIL_IF_EXISTS',
    returnValue,
    returnMetadataFields: orThrow(parseMetadataFields(returnMetadataFields)),
  };
}
