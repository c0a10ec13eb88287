// The sync file format (docs/sync-format.md), checked from the tests' side:
// validateSyncFile(object) against docs/sync-format.schema.json, and checksumOk(text) by the
// checksum rule, so specs can look at what the app writes without trusting the app's own checks.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const SCHEMA_URL = new URL('../../../docs/sync-format.schema.json', import.meta.url);
export const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

/**
 * Whether a parsed version-2 sync file matches the schema.
 * @returns {{valid: boolean, errors: string[]}} errors as "/json/pointer message" lines.
 */
export function validateSyncFile(file) {
  const valid = validate(file);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValue !== undefined ? ` (${JSON.stringify(e.params.allowedValue)})` : ''}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
  return { valid, errors };
}

const MARKER = Buffer.from(',"checksum":');
const TAIL = /^,"checksum":"([0-9a-f]{64})"\}[ \t\r\n]*$/;

/**
 * Whether a file's checksum member matches its bytes: SHA-256 (lowercase hex) of the UTF-8
 * bytes from the start up to, not including, the last `,"checksum":`, which must be the last
 * member. `text` is a string (encoded as UTF-8) or the file's bytes (Buffer, Uint8Array, ArrayBuffer):
 * pass the bytes to check a file that may not be valid UTF-8.
 */
export function checksumOk(text) {
  const bytes =
    typeof text === 'string' ? Buffer.from(text, 'utf8')
    : ArrayBuffer.isView(text) ? Buffer.from(text.buffer, text.byteOffset, text.byteLength)
    : Buffer.from(text); // an ArrayBuffer
  const at = bytes.lastIndexOf(MARKER);
  if (at < 0) return false;
  const tail = TAIL.exec(bytes.subarray(at).toString('latin1'));
  if (!tail) return false;
  return createHash('sha256').update(bytes.subarray(0, at)).digest('hex') === tail[1];
}
