// A chart figure (src/ui/charts/figure.rs): the chart, its numbers for screen readers, and its
// two downloads. `testid` is the chart's own test id; the buttons are `<testid>-svg` / `-png`.
import fs from 'node:fs';
import { expect } from '@playwright/test';

export class ChartFigure {
  constructor(page, testid) {
    this.page = page;
    this.chart = page.getByTestId(testid);
    this.svg = this.chart.locator('svg');
    this.table = page.getByTestId(`${testid}-table`);
    // The box that hides the table from sight, not from screen readers.
    this.numbersBox = page.getByTestId(`${testid}-numbers`);
    this.svgButton = page.getByTestId(`${testid}-svg`);
    this.pngButton = page.getByTestId(`${testid}-png`);
  }

  // The table's caption, header and rows as text, as a screen reader reads them.
  async numbers() {
    await expect(this.table).toHaveCount(1);
    return this.table.evaluate((t) => ({
      caption: t.caption?.textContent ?? '',
      header: [...t.tHead.rows[0].cells].map((c) => c.textContent),
      rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
    }));
  }

  async #download(button) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
  }

  downloadSvg() {
    return this.#download(this.svgButton);
  }

  downloadPng() {
    return this.#download(this.pngButton);
  }
}

// Parses SVG text with the browser's own XML parser: whether it is well formed, its root, its
// <title>, every <text>, and whether any element other than SVG's own came through (a script).
export function parseSvg(page, text) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    const root = doc.documentElement;
    return {
      error: error ? error.textContent : null,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: root.querySelector('title')?.textContent ?? null,
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent.trim()),
      scripts: root.querySelectorAll('script, foreignObject').length,
    };
  }, text);
}

// A PNG's signature and the size its IHDR chunk says (bytes 16–23, big-endian).
export function pngInfo(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return {
    isPng: signature.every((b, i) => bytes[i] === b) && bytes.toString('latin1', 12, 16) === 'IHDR',
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
  };
}
