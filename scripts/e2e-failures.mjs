// The failed end-to-end tests of the given Playwright logs (list reporter), each with the first
// lines of its error, printed compactly: `make test-e2e` repeats them at the end of its output,
// since a CI run keeps only the end of its log and the alone run's output would hide the
// parallel run's failures.
import fs from 'node:fs';

const strip = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');
for (const file of process.argv.slice(2)) {
  let lines;
  try {
    lines = fs.readFileSync(file, 'utf8').split('\n').map(strip);
  } catch {
    continue;
  }
  // A failure's report starts with "  1) [project] › specs/x.spec.js:12:1 › title" and its
  // error follows within a few lines.
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i].match(/^\s+\d+\) (\[\w+\] › .*)$/);
    if (!head) continue;
    const said = lines.slice(i + 1, i + 16).map((l) => l.trim()).filter((l) => /^(\w*Error\b|Expected|Received|Locator:)/.test(l));
    console.log(`FAILED ${head[1].trim()}`);
    for (const line of said.slice(0, 4)) console.log(`  ${line.slice(0, 300)}`);
  }
}
