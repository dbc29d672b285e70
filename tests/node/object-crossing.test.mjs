// The object entry points read a document without `JSON.stringify` when they can (a
// JavaScript walker writes it onto a tape in WebAssembly memory) and fall back to
// `JSON.stringify` wherever the two readings could differ. Differential test: for every
// fixture, every bad-input case and a few thousand seeded random mutations of them (odd
// numbers, `undefined`, Dates, `toJSON`, class instances, null prototypes, getters,
// non-enumerable and inherited properties, Proxies, holes, lone surrogates, control
// characters, emoji, huge strings, deep nesting, cycles), `validateComplaint(obj)` must
// deep-equal `validateComplaintJson(JSON.stringify(obj))`, and be the `input.notJson`
// answer where `JSON.stringify` throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { root, pkgDir, qinqing } from "./qinqing.mjs";
import { loadCorpus } from "./bad-input-cases.mjs";

const fixtures = `${root}tests/fixtures/`;
const kinds = {
  complaint: { object: qinqing.validateComplaint, text: qinqing.validateComplaintJson },
  contract: { object: qinqing.validateContract, text: qinqing.validateContractJson },
};
const optionSets = [
  { lang: "zh", today: "2026-11-27" },
  { lang: "en", today: "2026-11-27" },
  undefined,
];

/** What the object entry must answer: the text entry's answer for the JSON text. */
function expected(kind, doc, options) {
  let text;
  try {
    text = JSON.stringify(doc);
  } catch {
    text = undefined;
  }
  if (text === undefined) return "input.notJson";
  return kind.text(text, options);
}

function agree(kind, doc, options, label) {
  const want = expected(kind, doc, options);
  const got = kind.object(doc, options);
  if (want === "input.notJson") {
    assert.equal(got.valid, false, label);
    assert.equal(got.issues[0].code, "input.notJson", label);
  } else {
    assert.deepEqual(got, want, label);
  }
}

function documents(dir) {
  const path = `${fixtures}${dir}/`;
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      try {
        return [{ name: `${dir}/${name}`, doc: JSON.parse(readFileSync(`${path}${name}`, "utf8")) }];
      } catch {
        return []; // malformed on purpose: only the text entry point can receive it
      }
    });
}

const complaints = documents("complaints");
const contracts = documents("contracts");

test("every fixture: object in = JSON.stringify + text in", () => {
  assert.ok(complaints.length > 50);
  for (const [kind, docs] of [[kinds.complaint, complaints], [kinds.contract, contracts]]) {
    for (const { name, doc } of docs) {
      for (const options of optionSets) {
        try {
          agree(kind, doc, options, name);
        } catch (error) {
          if (error instanceof RangeError) continue; // too deep for the engine's stringify
          throw error;
        }
      }
    }
  }
});

test("every bad-input case: object in = JSON.stringify + text in", () => {
  const { cases } = loadCorpus();
  let read = 0;
  for (const c of cases) {
    let doc;
    try {
      doc = JSON.parse(c.text);
    } catch {
      continue;
    }
    const kind = c.kind === "contract" ? kinds.contract : kinds.complaint;
    try {
      agree(kind, doc, optionSets[0], c.name);
      read += 1;
    } catch (error) {
      if (error instanceof RangeError) continue;
      throw error;
    }
  }
  assert.ok(read > 0);
});

// ---- seeded mutations ------------------------------------------------------------------
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Instance {
  constructor() {
    this.name = "x";
  }
}

function deep(levels) {
  let value = "leaf";
  for (let i = 0; i < levels; i += 1) value = i % 2 ? { name: value } : [value];
  return value;
}

/** Values a mutation may put anywhere, each made fresh (some are objects). */
const values = [
  () => NaN, () => Infinity, () => -Infinity, () => -0, () => 0, () => 1, () => -12, () => 1.5,
  () => 1e21, () => 2 ** 53, () => 2 ** 53 + 2, () => Number.MAX_SAFE_INTEGER, () => 204800,
  () => undefined, () => null, () => true, () => false,
  () => "", () => "x", () => "\ud800", () => "a\udc00b", () => "😀🇨🇳", () => "a\u0000b\u001f",
  () => "tab\there\nnew", () => 'quote " back \\ slash /', () => "\u2028\u2029", () => "\ufeffbom",
  () => "中".repeat(6000), () => "x".repeat(17000), () => "😀".repeat(9000),
  () => "enterprise", () => "person", () => "county", () => "city", () => "apportionment",
  () => "collusion", () => "2026-11-02", () => "450181", () => "91450100MA5K3R2B7K",
  () => "image/png", () => "13877112345",
  () => new Date(0), () => ({ toJSON: () => "2026-11-02" }), () => new Instance(),
  () => Object.assign(Object.create(null), { name: "李明", phone: "13877112345" }),
  () => [], () => [1], () => [{}], () => [null], () => [undefined], () => [, {}], // eslint-disable-line no-sparse-arrays
  () => ({}), () => ({ name: "x" }), () => ({ extra: 1 }), () => () => 1, () => Symbol("s"),
  () => 10n, () => new String("boxed"), () => new Number(5), () => new Boolean(true),
  () => new Proxy({ name: "代理", phone: "13877112345" }, {}),
  () => new Proxy([{ name: "a.pdf" }], {}),
  () => new Proxy({ name: "x" }, { get: (target, key) => (key === "name" ? "trap" : target[key]) }),
  () => deep(3), () => deep(70), () => new Map(), () => new Uint8Array(2),
  () => Object.assign([1, 2], { extra: 3 }),
];
const keyNames = [
  "complainant", "respondent", "conduct", "attachments", "remedy", "receivedAt", "kind", "name",
  "uscc", "contact", "realName", "idNumber", "phone", "email", "agency", "divisionCode", "level",
  "category", "occurredOn", "description", "amountFen", "commitmentRef", "mediaType", "sizeBytes",
  "sha256", "project", "investor", "extra", "0", "toJSON", "__proto__",
];

/** Every place in `doc` that holds a value: [container, key]. */
function places(doc) {
  const out = [];
  const seen = new Set();
  const visit = (value) => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      visit(value[key]);
    }
  };
  visit(doc);
  return out;
}

function mutate(doc, next, root) {
  const spots = places(doc);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const [container, key] = spots.length ? pick(spots) : [doc, "remedy"];
  switch (Math.floor(next() * 10)) {
    case 0:
      delete container[key];
      break;
    case 1: {
      const value = container[key];
      delete container[key];
      container[pick(keyNames)] = value;
      break;
    }
    case 2: // a getter, read once by either path
      Object.defineProperty(container, key, { get: ((v) => () => v)(values[Math.floor(next() * values.length)]()), enumerable: true, configurable: true });
      break;
    case 3: // not enumerable: JSON.stringify skips it
      Object.defineProperty(container, pick(keyNames), { value: "hidden", enumerable: false, configurable: true, writable: true });
      break;
    case 4: // inherited fields do not count
      if (!Array.isArray(container)) Object.setPrototypeOf(container, next() < 0.5 ? { remedy: "inherited" } : null);
      break;
    case 5: // a cycle
      container[key] = next() < 0.5 ? root : container;
      break;
    case 6: // a Proxy around the place
      if (container[key] !== null && typeof container[key] === "object") container[key] = new Proxy(container[key], {});
      else container[key] = pick(values)();
      break;
    default:
      container[key] = pick(values)();
  }
}

test("seeded mutations: object in = JSON.stringify + text in", () => {
  const next = random(20261127);
  const stringifies = ({ doc }) => {
    try {
      return JSON.stringify(doc).length < 100000;
    } catch {
      return false; // too deep for the engine (and for structuredClone)
    }
  };
  const bases = [...complaints, ...contracts.map((c) => ({ ...c, contract: true }))].filter(stringifies);
  const rounds = 4000;
  for (let round = 0; round < rounds; round += 1) {
    const base = bases[Math.floor(next() * bases.length)];
    const kind = base.contract ? kinds.contract : kinds.complaint;
    const doc = structuredClone(base.doc);
    const changes = 1 + Math.floor(next() * 3);
    if (doc !== null && typeof doc === "object") {
      for (let i = 0; i < changes; i += 1) {
        try {
          mutate(doc, next, doc);
        } catch {
          // a mutation the document refuses (setting a getter-only field): keep it as is
        }
      }
    }
    const options = optionSets[round % optionSets.length];
    try {
      agree(kind, doc, options, `round ${round} on ${base.name}`);
    } catch (error) {
      if (error instanceof RangeError) continue; // stack overflow in stringify itself
      throw error;
    }
  }
});

test("a getter that validates another document meanwhile changes nothing", () => {
  const valid = complaints.find((c) => c.name.endsWith("valid-enterprise.json")).doc;
  const doc = structuredClone(valid);
  let inner;
  Object.defineProperty(doc, "remedy", {
    get() {
      inner = qinqing.validateComplaint(structuredClone(valid), optionSets[0]);
      return "退还";
    },
    enumerable: true,
  });
  agree(kinds.complaint, doc, optionSets[0], "re-entered");
  assert.equal(inner.valid, true);
  assert.deepEqual(qinqing.validateComplaint(valid, optionSets[0]), qinqing.validateComplaintJson(JSON.stringify(valid), optionSets[0]));
});

test("enumerable fields on Object.prototype and an inherited toJSON are honoured", () => {
  const valid = complaints.find((c) => c.name.endsWith("valid-enterprise.json")).doc;
  Object.prototype.remedy = "polluted"; // eslint-disable-line no-extend-native
  try {
    agree(kinds.complaint, structuredClone(valid), optionSets[0], "enumerable on Object.prototype");
  } finally {
    delete Object.prototype.remedy;
  }
  Object.defineProperty(Object.prototype, "toJSON", { value() { return { remedy: 5 }; }, configurable: true, writable: true });
  let answer;
  try {
    answer = qinqing.validateComplaint(structuredClone(valid), optionSets[0]);
    agree(kinds.complaint, structuredClone(valid), optionSets[0], "toJSON on Object.prototype");
  } finally {
    delete Object.prototype.toJSON;
  }
  assert.ok(answer.issues.some((issue) => issue.path === "/remedy"));
});

test("huge and emoji-laden valid documents read the same either way", () => {
  const valid = complaints.find((c) => c.name.endsWith("valid-enterprise.json")).doc;
  for (const description of ["😀".repeat(30) + "摊派费用五千元", "摊".repeat(4999), "摊".repeat(5001), "a".repeat(16000), "a".repeat(17000)]) {
    const doc = structuredClone(valid);
    doc.conduct.description = description;
    doc.remedy = "𠀀 emoji 😀 \u00e9";
    agree(kinds.complaint, doc, optionSets[0], `description of ${description.length}`);
  }
});

test("the walker is in use (not only its fallback)", async () => {
  // The bindings' inline snippet, the same module instance the package uses.
  const [snippet] = readdirSync(`${pkgDir}snippets`);
  const walker = await import(`${pkgDir}snippets/${snippet}/inline0.js`);
  const valid = complaints.find((c) => c.name.endsWith("valid-enterprise.json")).doc;
  qinqing.validateComplaint(valid); // binds the buffers
  assert.ok(walker.walkDocument(valid) > 20);
  assert.equal(walker.walkDocument(new Date()), -1);
  assert.equal(walker.walkDocument({ when: new Date() }), -1);
  assert.equal(walker.walkDocument({ n: 0.5 }), -1);
  assert.equal(walker.walkDocument({ toJSON: () => ({}) }), -1);
});

test("options read in JavaScript answer as options read through JSON", () => {
  // An unknown key sends the options through JSON.stringify (which ignores it).
  const text = JSON.stringify(complaints.find((c) => c.name.endsWith("valid-enterprise.json")).doc);
  const todays = ["2026-11-27", "2026-02-29", "2028-02-29", "2026-13-01", "2026-00-10", "2026-11-00",
    "2026-11-32", "202a-11-27", "2026-1-127", "+2026-1-01", " 2026-11-27", "2026-11-27 ", "２０２６-11-27",
    "0000-01-01", "9999-12-31", "", null, undefined, 20261127];
  for (const lang of ["zh", "en", "fr", undefined]) {
    for (const today of todays) {
      const quick = qinqing.validateComplaintJson(text, { lang, today });
      const slow = qinqing.validateComplaintJson(text, { lang, today, other: 1 });
      assert.deepEqual(quick, slow, `${lang} ${today}`);
    }
  }
});
