// Any JavaScript value in, an answer out: no function of the package throws, and the
// instance keeps working afterwards (a Rust panic would abort it for good).
import { test } from "node:test";
import assert from "node:assert/strict";
import { qinqing } from "./qinqing.mjs";

const cyclic = { complainant: { name: "甲公司" } };
cyclic.complainant.self = cyclic;

function nested(depth, make) {
  let value = "leaf";
  for (let i = 0; i < depth; i += 1) value = make(value);
  return value;
}

const bigString = "亲".repeat(5 * 1024 * 1024 / 3) + "a";
const throwingGetter = Object.defineProperty({}, "complainant", {
  enumerable: true,
  get() {
    throw new Error("getter says no");
  },
});

const badValues = {
  undefined: undefined,
  null: null,
  "42": 42,
  NaN: NaN,
  true: true,
  "[]": [],
  "{}": {},
  bigint: 10n,
  symbol: Symbol("s"),
  function: () => 1,
  cyclic,
  "5 MB string": bigString,
  "10,000-deep array": nested(10_000, (v) => [v]),
  "10,000-deep object": nested(10_000, (v) => ({ complainant: v })),
  "lone surrogate": "\uD800",
  "lone low surrogate in text": "abc\uDC00def",
  NUL: "\u0000",
  emoji: "😀👨‍👩‍👧",
  "RTL marks": "\u202Eabc\u200F",
  "HTML/script": "<script>alert(1)</script><img src=x onerror=alert(2)>",
  "throwing getter": throwingGetter,
  "doc with lone surrogate": { complainant: { name: "\uD800" }, conduct: { description: "\uDFFF".repeat(30) } },
  "doc with numbers for strings": { complainant: { name: 42, uscc: 9.5 }, attachments: "none" },
  "doc with a huge description": { conduct: { description: bigString } },
  "invalid JSON text": '{"complainant":',
  "Date": new Date(0),
};

const calendarNames = [
  "replyDeadline",
  "isWorkingDay",
  "dayInfo",
  "addWorkingDays",
  "workingDaysBetween",
  "loadCalendarYear",
];
const answerFunctions = [
  "validateComplaint",
  "validateContract",
  "validateComplaintJson",
  "validateContractJson",
  "checkUscc",
  "checkRic",
  "checkPhone",
  "checkDivision",
  "catalogue",
  "detectConduct",
  ...calendarNames,
];

test("every function of the package is exported", () => {
  for (const name of [...answerFunctions, "version"]) {
    assert.equal(typeof qinqing[name], "function", name);
  }
});

function assertAnswer(result, what) {
  assert.equal(typeof result, "object", what);
  assert.notEqual(result, null, what);
  assert.equal(typeof result.valid, "boolean", what);
  assert.ok(Array.isArray(result.issues), what);
  for (const issue of result.issues) {
    assert.equal(typeof issue.code, "string", what);
    assert.equal(typeof issue.message, "string", what);
    assert.equal(typeof issue.path, "string", what);
  }
}

for (const name of answerFunctions) {
  test(`${name}: every bad value gives an answer, never an exception`, { timeout: 60_000 }, () => {
    const fn = qinqing[name];
    for (const [label, value] of Object.entries(badValues)) {
      for (const args of [[value], [value, value], [value, value, value], ["2026-11-27", value, value]]) {
        let result;
        assert.doesNotThrow(() => {
          result = fn(...args);
        }, `${name}(${label})`);
        assertAnswer(result, `${name}(${label}) x${args.length}`);
      }
    }
  });
}

test("rejected inputs carry registered codes and say why", () => {
  const cyclicAnswer = qinqing.validateComplaint(cyclic);
  assert.equal(cyclicAnswer.valid, false);
  assert.equal(cyclicAnswer.issues[0].code, "input.notJson");
  const notText = qinqing.checkUscc(42, { lang: "en" });
  assert.equal(notText.issues[0].code, "input.notText");
  assert.match(notText.issues[0].message, /number/);
  const badOptions = qinqing.validateComplaint({}, { lang: "fr" });
  assert.equal(badOptions.issues[0].code, "options.invalid");
  const bad = qinqing.validateComplaintJson("{not json");
  assert.equal(bad.valid, false);
});

test("the instance still works after every bad call", () => {
  for (const [label, value] of Object.entries(badValues)) {
    qinqing.validateComplaint(value);
    qinqing.detectConduct(value);
    assert.equal(qinqing.catalogue("en").valid, true, `after ${label}`);
  }
  assert.equal(typeof qinqing.version(), "string");
  const again = qinqing.validateComplaintJson("{not json");
  assert.equal(again.valid, false);
  assert.equal(qinqing.checkUscc("91450100MA5KXXXXXX", { lang: "en" }).valid, false);
});
