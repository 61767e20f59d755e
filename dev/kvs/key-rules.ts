/**
 * Forge's rules for keys and custom entity names.
 *
 * Keys: at most 500 characters, matching `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$` (limits page and both error
 * pages). The documented pattern writes `\s-#` inside the class; in a JavaScript regex without the `u`
 * flag that is a literal hyphen, not a range, so the pattern below spells the hyphen out (`\-`) with the
 * same meaning. `\s` keeps JavaScript's meaning (it includes tabs and newlines), as in the documented
 * pattern.
 *
 * The length is checked in UTF-8 bytes: the secret page says "500 bytes", the others "500 characters",
 * and for the characters the pattern allows the two only differ for exotic Unicode spaces, where bytes
 * is the stricter reading.
 */
import { kvsError, type KvsServiceError } from './kvs-error';
import type { KvsLimits } from './limits';

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/**
 * Entity names (Custom Entity Store error page): lower-case letters, digits, `:`, `-` and `.`; not
 * starting with `.` or `-`, no `..`, not ending with `.`.
 */
const ENTITY_NAME_PATTERN = /^(?![.-])(?!.*\.{2})[a-z0-9:\-.]*(?<![.])$/;

export type KeyFlavour = 'plain' | 'entity';

/**
 * Returns the error the service would answer for this key, or undefined when it is valid. Plain keys
 * (and secrets) report an empty key as `KEY_TOO_SHORT`; entity keys as `EMPTY_KEY`, as documented.
 */
export function checkKey(key: unknown, limits: KvsLimits, flavour: KeyFlavour = 'plain'): KvsServiceError | undefined {
  if (typeof key !== 'string') return kvsError.badRequest('"key" must be a string');
  if (key.length === 0) return flavour === 'entity' ? kvsError.emptyKey() : kvsError.keyTooShort();
  if (Buffer.byteLength(key, 'utf8') > limits.maxKeyLength) return kvsError.keyTooLong(limits.maxKeyLength);
  if (!KEY_PATTERN.test(key)) return kvsError.invalidKey();
  return undefined;
}

export function checkEntityName(name: unknown, limits: KvsLimits): KvsServiceError | undefined {
  if (typeof name !== 'string') return kvsError.badRequest('"entityName" must be a string');
  if (name.length < limits.minEntityNameLength) return kvsError.entityTypeTooShort(limits.minEntityNameLength);
  if (name.length > limits.maxEntityNameLength) return kvsError.entityTypeTooLarge(limits.maxEntityNameLength);
  if (!ENTITY_NAME_PATTERN.test(name)) return kvsError.invalidEntityType();
  return undefined;
}
