// Page object for the annual report (Báo cáo sơ kết, /report): the period, the heading and
// signature fields, the printable document, and its downloads; with the little a spec needs to
// read the files back: an XLSX (a zip of XML: a central-directory reader and node:zlib's
// inflateRaw, since the e2e dependencies hold no xlsx package) and a CSV.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';

export class AnnualReport {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('report-page');
    this.document = page.getByTestId('report-document');
    this.period = page.getByTestId('report-period');
  }

  async open() {
    await this.page.getByTestId('nav-report').click();
    await expect(this.root).toBeVisible();
    await expect(this.document).toBeVisible();
  }

  async choosePeriod(key) {
    await this.period.selectOption(key);
    await expect(this.period).toHaveValue(key);
  }

  // A heading field by its name: parent-agency, agency, number, place, date, title, recipients,
  // signer-position, signer-name.
  field(name) {
    return this.page.getByTestId(`report-${name}`);
  }

  async fill(name, value) {
    await this.field(name).fill(value);
  }

  // What the document shows: doc-title, doc-date, doc-signer-name, doc-signature, doc-recipients...
  shown(testid) {
    return this.document.getByTestId(testid);
  }

  table(key) {
    return this.document.getByTestId(`report-table-${key}`);
  }

  // The row of a table whose text has `text`, as the cells' texts.
  async rowCells(key, text) {
    const row = this.table(key).locator('tbody tr').filter({ hasText: text });
    await expect(row).toHaveCount(1);
    return row.locator('td').allTextContents();
  }

  async downloadXlsx() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('report-xlsx').click()]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
  }

  async downloadCsv(tableKey) {
    await this.page.getByTestId('report-csv-table').selectOption(tableKey);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('report-csv').click()]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
  }
}

// --- Reading an XLSX file ----------------------------------------------------------------------

// { path: Buffer } of every file in a zip, from its central directory.
export function unzip(bytes) {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = {};
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: a damaged central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    if (method === 8) files[name] = zlib.inflateRawSync(data);
    else if (method === 0) files[name] = Buffer.from(data);
    else throw new Error(`zip: ${name} uses compression method ${method}`);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const unescapeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&amp;/g, '&');

const textOf = (xml) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map(([, t]) => unescapeXml(t)).join('');

function columnIndex(letters) {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

// [{ name, rows }]: each sheet in the workbook's order, rows of cells (a string, a number, or
// undefined for an empty cell), row i being the sheet's row i + 1.
export function readXlsx(bytes) {
  const files = unzip(bytes);
  const text = (path) => {
    if (!files[path]) throw new Error(`xlsx: no ${path}`);
    return files[path].toString('utf8');
  };
  const shared = files['xl/sharedStrings.xml'] ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, si]) => textOf(si)) : [];
  const rels = Object.fromEntries([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => [/Id="([^"]+)"/.exec(tag)[1], /Target="([^"]+)"/.exec(tag)[1]]));
  return [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => {
    const name = unescapeXml(/name="([^"]*)"/.exec(tag)[1]);
    const target = rels[/r:id="([^"]+)"/.exec(tag)[1]].replace(/^\/?(xl\/)?/, 'xl/');
    const rows = [];
    for (const [, cellTag, inner] of text(target).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, letters, digits] = /r="([A-Z]+)(\d+)"/.exec(cellTag);
      const type = /t="([^"]+)"/.exec(cellTag)?.[1];
      const v = inner && /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value;
      if (type === 's') value = shared[Number(v)];
      else if (type === 'inlineStr') value = textOf(inner);
      else if (type === 'str') value = unescapeXml(v ?? '');
      else if (type === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      const r = Number(digits) - 1;
      (rows[r] ??= [])[columnIndex(letters)] = value;
    }
    return { name, rows };
  });
}

// A CSV as rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks).
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
