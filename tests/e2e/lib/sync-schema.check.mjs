// A quick check of lib/sync-schema.js against tests/fixtures/sync/, and of the schema against
// records the app itself wrote (target/synth/province-300, from `make synth`, when present):
//   cd tests/e2e && node lib/sync-schema.check.mjs
// Prints one line per check and exits non-zero if any result is not the expected one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { checksumOk, validateSyncFile } from './sync-schema.js';

const dir = new URL('../../fixtures/sync/', import.meta.url);
const bytesOf = (name) => readFileSync(new URL(name, dir));
let failures = 0;

function expectThat(label, actual, expected, detail = '') {
  const ok = actual === expected;
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${actual}${ok ? '' : ` (expected ${expected})`}${detail ? `  ${detail}` : ''}`);
}

// The checksum rule, on every fixture's bytes (gzip ones after gunzip, when they gunzip).
const CHECKSUM = {
  'valid.json': true,
  'valid.json.gz': true,
  'html-names.json': true,
  'wrong-format.json': true,
  'future-version.json': true,
  'duplicate-ids.json': true,
  'wrong-shape.json': true,
  'bad-id.json': true,
  'impossible-time.json': true,
  'unknown-kind.json': true,
  'not-utf8.json': true, // computed over the bytes as they are: the encoding is its only fault
  'invalid-json.json': true, // likewise: the bytes check out, parsing fails
  'checksum-mismatch.json': false,
  'truncated.json': false,
  'truncated.json.gz': false,
  'v1-backup.json': false, // version 1 has no checksum
};
const names = readdirSync(dir).filter((n) => /\.json(\.gz)?$/.test(n)).sort();
for (const name of names) {
  let bytes = bytesOf(name);
  let note = '';
  if (name.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      note = `(gunzip: ${e.code ?? e.message})`;
      bytes = Buffer.alloc(0);
    }
  }
  expectThat(`checksumOk ${name}`, checksumOk(bytes), CHECKSUM[name] ?? 'unlisted', note);
}
expectThat('checksumOk on a string', checksumOk(bytesOf('valid.json').toString('utf8')), true);

// The schema, on the fixtures that parse. Duplicate ids pass: the schema cannot say "unique by id".
const SCHEMA = {
  'valid.json': true,
  'html-names.json': true,
  'duplicate-ids.json': true,
  'checksum-mismatch.json': true,
  'wrong-format.json': false,
  'future-version.json': false,
  'wrong-shape.json': false,
  'bad-id.json': false,
  'impossible-time.json': false,
  'unknown-kind.json': false,
  'v1-backup.json': false,
};
for (const [name, expected] of Object.entries(SCHEMA)) {
  const { valid, errors } = validateSyncFile(JSON.parse(bytesOf(name).toString('utf8')));
  expectThat(`validateSyncFile ${name}`, valid, expected, errors.slice(0, 3).join('; '));
}
{
  const { valid, errors } = validateSyncFile(JSON.parse(gunzipSync(bytesOf('valid.json.gz')).toString('utf8')));
  expectThat('validateSyncFile valid.json.gz (gunzipped)', valid, true, errors.join('; '));
}
for (const name of ['truncated.json', 'invalid-json.json']) {
  let parsed = true;
  try {
    JSON.parse(bytesOf(name).toString('utf8'));
  } catch {
    parsed = false;
  }
  expectThat(`JSON.parse ${name}`, parsed, false);
}
expectThat('not-utf8.json is not UTF-8', (() => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytesOf('not-utf8.json'));
    return true;
  } catch {
    return false;
  }
})(), false);

// Records the app wrote (serde), wrapped in a version-2 file: the app's own records must validate.
const synth = new URL('../../../target/synth/province-300/', import.meta.url);
if (existsSync(new URL('enterprise.json', synth))) {
  const records = {};
  for (const kind of ['enterprise', 'survey', 'assessment', 'activity']) {
    const rows = JSON.parse(readFileSync(new URL(`${kind}.json`, synth), 'utf8'));
    records[kind] = rows.map((row) => JSON.parse(row.json));
  }
  const valid = JSON.parse(bytesOf('valid.json').toString('utf8'));
  const file = { ...valid, records, conflicts: { enterprise: records.enterprise.slice(0, 2) }, aliases: { x: records.enterprise[0].id }, checksum: valid.checksum };
  const counts = Object.entries(records).map(([k, v]) => `${v.length} ${k}`).join(', ');
  const { valid: ok, errors } = validateSyncFile(file);
  expectThat(`validateSyncFile app-written records (${counts})`, ok, true, errors.slice(0, 5).join('; '));
} else {
  console.log('skip app-written records: target/synth/province-300 is absent (make synth)');
}

console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
