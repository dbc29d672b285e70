// Gives the imports and the glue's own exports of the wasm-bindgen output short names, in the
// module and in its JS glue together: `__wbg_document_3b5c3071b43e97ee` becomes `_3b`,
// `wasm_bindgen_ce686deaa9ea72d5___convert__closures_____invoke…` becomes `$1`. wasm-bindgen
// names each import after the JS function plus a hash, and each name is written twice (in the
// module and in the glue, as a key of the imports object or as `wasm.name`), where neither
// wasm-opt nor a JS minifier may touch it. Shorter names save ≈ 4.8 KB gzip of the bundle;
// nothing else changes (same functions, same order). The exports the page's API wraps
// (`mountForm`, `validateJson`, ...) keep their names: only `__…` and `wasm_bindgen_…` ones,
// which only the glue calls, are renamed.
//
//   node web/build/short-names.mjs dir/qinqing_web_bg.wasm dir/qinqing_web.js [types.d.ts ...]
//
// Type files given after the glue (the npm package's `qinqing_wasm.d.ts` and
// `qinqing_wasm_bg.wasm.d.ts`) get the renamed exports' new names too, where they declare them
// (`readonly __wbindgen_malloc:` / `export const __wbindgen_malloc:`).
//
// Fails (and leaves both files alone) if the two do not agree: every renamed import must be
// a key exactly once in the glue; an export is renamed only where the glue reads it as
// `wasm.name` and nowhere else.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath, ...typePaths] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);

/** The end of an import's description (function, table, memory, global or tag) at `at`. */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return readLeb(bytes, at + 1)[1];
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

const renamed = new Map();
const exported = new Map();
const sections = [wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  const end = start + size;
  if (id === 7) {
    sections.push(shortExports(start, end));
    at = end;
    continue;
  }
  if (id !== 2) {
    sections.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  let p = start;
  const [count, first] = readLeb(wasm, p);
  p = first;
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    const [moduleLength, moduleStart] = readLeb(wasm, p);
    const module = wasm.subarray(moduleStart, moduleStart + moduleLength).toString();
    const [fieldLength, fieldStart] = readLeb(wasm, moduleStart + moduleLength);
    const field = wasm.subarray(fieldStart, fieldStart + fieldLength).toString();
    const descriptionStart = fieldStart + fieldLength;
    p = skipDescription(wasm, descriptionStart);
    let short = field;
    if (/^__wb(g|indgen)/.test(field)) {
      short = `_${renamed.size.toString(36)}`;
      renamed.set(field, short);
    }
    entries.push(name(module), name(short), wasm.subarray(descriptionStart, p));
  }
  if (p !== end) throw new Error('import section not read to its end');
  const body = Buffer.concat(entries);
  sections.push(Buffer.from([2]), leb(body.length), body);
  at = end;
}

/** The export section (`start`..`end`) with the glue-internal names shortened. */
function shortExports(start, end) {
  let p = start;
  const [count, first] = readLeb(wasm, p);
  p = first;
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    const [length, nameStart] = readLeb(wasm, p);
    const field = wasm.subarray(nameStart, nameStart + length).toString();
    const kindAt = nameStart + length;
    p = readLeb(wasm, kindAt + 1)[1];
    let short = field;
    // Renamed when the glue reads it only as `wasm.name`: no other property access, no string
    // (a plain identifier of the same name is a JS function, which the minifier renames).
    const count = (pattern) => js.match(new RegExp(pattern, 'g'))?.length ?? 0;
    const calls = count(`\\bwasm\\.${field}\\b`);
    const properties = count(`\\.${field}\\b`);
    const strings = count(`['"\`]${field}['"\`]`);
    if (/^(__|wasm_bindgen_)/.test(field) && calls > 0 && properties === calls && strings === 0) {
      short = `$${exported.size.toString(36)}`;
      exported.set(field, short);
    }
    entries.push(name(short), wasm.subarray(kindAt, p));
  }
  if (p !== end) throw new Error('export section not read to its end');
  const body = Buffer.concat(entries);
  return Buffer.concat([Buffer.from([7]), leb(body.length), body]);
}

for (const [field, short] of exported) {
  js = js.replace(new RegExp(`\\bwasm\\.${field}\\b`, 'g'), `wasm.${short}`);
}
for (const [field, short] of renamed) {
  const key = new RegExp(`(?<=[\\s{,])${field}(?=\\s*:)`, 'g');
  const found = js.match(key)?.length ?? 0;
  if (found !== 1) throw new Error(`${field} is a key ${found} times in ${jsPath}, expected once`);
  js = js.replace(key, short);
}
const types = typePaths.map((path) => {
  let text = readFileSync(path, 'utf8');
  for (const [field, short] of exported) {
    const declared = new RegExp(`(?<=\\b(?:readonly|export const) )${field.replace(/\$/g, '\\$')}(?=:)`, 'g');
    if (!declared.test(text)) throw new Error(`${field} is not declared in ${path}`);
    text = text.replace(declared, short);
  }
  return [path, text];
});
writeFileSync(wasmPath, Buffer.concat(sections));
writeFileSync(jsPath, js);
for (const [path, text] of types) writeFileSync(path, text);
console.log(`short-names: ${renamed.size} imports and ${exported.size} exports renamed`);
