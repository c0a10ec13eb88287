// Reading the PDFs Chromium prints (page.pdf()): the text of each page, for specs that print.
import zlib from 'node:zlib';

// --- Reading a PDF as Chromium (Skia) writes it -------------------------------------------------
// Nothing in the e2e dependencies parses PDFs, so this reads the little that Skia's output needs:
// objects, Flate streams, the page tree, and text shown with Type0 (Identity-H) fonts mapped to
// Unicode by their ToUnicode CMaps. Anything else it meets makes it fail loudly, not guess.

function pdfObjects(bytes) {
  const text = bytes.toString('latin1');
  const objects = new Map();
  const head = /(\d+) 0 obj\b/g;
  let m;
  while ((m = head.exec(text))) {
    const start = m.index + m[0].length;
    const endobj = text.indexOf('endobj', start);
    const stream = text.indexOf('stream', start);
    if (stream >= 0 && (endobj < 0 || stream < endobj)) {
      const dict = text.slice(start, stream);
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      if (!length) throw new Error(`PDF object ${m[1]}: a stream without a direct /Length`);
      let dataStart = stream + 'stream'.length;
      if (text[dataStart] === '\r') dataStart += 1;
      if (text[dataStart] === '\n') dataStart += 1;
      let data = bytes.subarray(dataStart, dataStart + Number(length[1]));
      if (/\/Filter\s*\/FlateDecode/.test(dict)) data = zlib.inflateSync(data);
      else if (/\/Filter/.test(dict)) throw new Error(`PDF object ${m[1]}: a filter other than Flate`);
      objects.set(Number(m[1]), { dict, data });
      head.lastIndex = dataStart + Number(length[1]);
    } else {
      objects.set(Number(m[1]), { dict: text.slice(start, endobj), data: null });
      head.lastIndex = endobj;
    }
  }
  return objects;
}

// The `/Key << /Name n 0 R ... >>` entries of a dictionary, direct or by reference.
function namedRefs(objects, dict, key) {
  let inner = new RegExp(`/${key}\\s*<<([^<>]*)>>`).exec(dict);
  if (!inner) {
    const ref = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    if (!ref) return {};
    inner = [null, objects.get(Number(ref[1])).dict];
  }
  const out = {};
  for (const [, name, num] of inner[1].matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) 0 R/g)) out[name] = Number(num);
  return out;
}

function resourcesOf(objects, dict) {
  const ref = /\/Resources\s+(\d+) 0 R/.exec(dict);
  return ref ? objects.get(Number(ref[1])).dict : dict;
}

function toUnicodeMap(objects, fontNum) {
  const font = objects.get(fontNum).dict;
  if (!/\/Subtype\s*\/Type0/.test(font) || !/\/Encoding\s*\/Identity-H/.test(font)) throw new Error(`PDF font ${fontNum} is not a Type0 Identity-H font`);
  const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(font);
  if (!ref) throw new Error(`PDF font ${fontNum} has no ToUnicode map`);
  const cmap = objects.get(Number(ref[1])).data.toString('latin1');
  const utf16 = (hex) => String.fromCharCode(...hex.match(/.{4}/g).map((h) => parseInt(h, 16)));
  const map = new Map();
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(src, 16), utf16(dst));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      if (rest.startsWith('[')) {
        [...rest.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach(([, dst], i) => map.set(from + i, utf16(dst)));
      } else {
        const base = utf16(rest.slice(1, -1));
        for (let c = from; c <= to; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + c - from));
      }
    }
  }
  return map;
}

// The text a content stream shows: one line per text object (BT … ET), glyphs mapped to Unicode.
function streamText(objects, data, resources, fonts, seen) {
  const fontRefs = namedRefs(objects, resources, 'Font');
  const xobjects = namedRefs(objects, resources, 'XObject');
  const tokens = data.toString('latin1').match(/<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\)])*\)|\/[^\s/<>[\]()]+|\[|\]|<<|>>|[^\s/<>[\]()]+/g) || [];
  const lines = [];
  let line = '';
  let font = null;
  const operands = [];
  const show = (str) => {
    if (!str.startsWith('<')) throw new Error('PDF text as a literal string: not what Skia writes');
    if (!font) throw new Error('PDF text shown before a font was set');
    const hex = str.slice(1, -1).replace(/\s/g, '');
    for (let i = 0; i < hex.length; i += 4) {
      const code = parseInt(hex.slice(i, i + 4), 16);
      line += font.has(code) ? font.get(code) : '\uFFFD';
    }
  };
  for (const t of tokens) {
    if (t === 'BT') { line = ''; operands.length = 0; continue; }
    if (t === 'ET') { lines.push(line); operands.length = 0; continue; }
    if (t === 'Tf') {
      const num = fontRefs[operands[operands.length - 2].slice(1)];
      if (!fonts.has(num)) fonts.set(num, toUnicodeMap(objects, num));
      font = fonts.get(num);
    } else if (t === 'Tj' || t === "'" || t === '"') {
      show(operands[operands.length - 1]);
    } else if (t === 'TJ') {
      for (const o of operands) if (o.startsWith('<')) show(o);
    } else if (t === 'Do') {
      const num = xobjects[operands[operands.length - 1].slice(1)];
      const x = objects.get(num);
      if (x && /\/Subtype\s*\/Form/.test(x.dict) && !seen.has(num)) {
        seen.add(num);
        lines.push(...streamText(objects, x.data, resourcesOf(objects, x.dict), fonts, seen));
      }
    } else if (/^[A-Za-z'"*]+$/.test(t) && !['true', 'false', 'null'].includes(t)) {
      operands.length = 0;
      continue;
    } else {
      operands.push(t);
      continue;
    }
    operands.length = 0;
  }
  return lines;
}

// { pages, text }: the page count, and each page's text (lines joined by "\n", pages by "\f").
export function readPdf(bytes) {
  const objects = pdfObjects(bytes);
  const pages = [...objects.entries()].filter(([, o]) => /\/Type\s*\/Page(?![a-z])/.test(o.dict));
  const fonts = new Map();
  const texts = pages.map(([, page]) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict);
    if (!contents) return '';
    const nums = [...contents[1].matchAll(/(\d+) 0 R/g)].map(([, n]) => Number(n));
    const resources = resourcesOf(objects, page.dict);
    return nums.flatMap((n) => streamText(objects, objects.get(n).data, resources, fonts, new Set())).join('\n');
  });
  return { pages: pages.length, text: texts.join('\f').normalize('NFC') };
}

// Text compared without its spacing: a PDF places words and lines where it likes.
export function compact(s) {
  return s.normalize('NFC').replace(/\s+/g, '');
}
