// The failed end-to-end tests of the given Playwright logs (list reporter), each with the first
// lines of its error, printed compactly: `make test-e2e` repeats them at the end of its output,
// since a CI run keeps only the end of its log and the alone run's output would hide the
// parallel run's failures. A log that ends without a test summary (the server did not start, a
// spec did not load) is shown by its last lines instead.
import fs from 'node:fs';

const strip = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');
// "  1) [parallel] › specs/x.spec.js:12:1 › title ────…": the reporter pads the title with a rule.
const HEAD = /^\s+\d+\) (\[\w+\] › .*?)\s*─*\s*$/;
const SAID = /^(\w*Error\b|Test timeout|Expected|Received|Locator:)/;

for (const file of process.argv.slice(2)) {
  let lines;
  try {
    lines = fs.readFileSync(file, 'utf8').split('\n').map(strip);
  } catch {
    continue;
  }
  const heads = lines.flatMap((line, i) => (HEAD.test(line) ? [i] : []));
  heads.forEach((at, n) => {
    console.log(`FAILED ${lines[at].match(HEAD)[1]}`);
    // The error follows its header, up to the next failure's.
    const report = lines.slice(at + 1, Math.min(heads[n + 1] ?? lines.length, at + 16)).map((l) => l.trim());
    for (const line of report.filter((l) => SAID.test(l)).slice(0, 4)) console.log(`  ${line.slice(0, 300)}`);
  });
  if (!heads.length && !lines.some((l) => /^\s+\d+ (passed|failed)\b/.test(l))) {
    console.log(`${file} ends without a test summary:`);
    for (const line of lines.filter((l) => l.trim()).slice(-8)) console.log(`  ${line.slice(0, 300)}`);
  }
}
