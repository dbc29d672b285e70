// Answers with issues cross from WebAssembly as their fields in one UTF-16 text plus their
// lengths (crates/qinqing-wasm/src/crossing.rs), with no separator between them. Both
// crossings of a document (object and text) must give the same objects: the parity test
// covers the usual answers byte for byte, this one the characters a separator would have
// been, and the shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { root, qinqing } from "./qinqing.mjs";

const options = { lang: "zh", today: "2026-11-27" };

test("separator characters in keys and values come back intact", () => {
  for (const odd of ["a\u0000b", "a\u0001b", "\u0000", "\u0001\u0001", "x\u0000\u0001y"]) {
    const answer = qinqing.validateComplaintJson(
      JSON.stringify({ [odd]: 1, complainant: { kind: odd } }),
      options,
    );
    assert.equal(answer.valid, false);
    const unknown = answer.issues.find((issue) => issue.code === "field.unknown");
    assert.equal(unknown.path, `/${odd}`);
    assert.ok(unknown.message.includes(odd), JSON.stringify(unknown.message));
    const kind = answer.issues.find((issue) => issue.path === "/complainant/kind");
    assert.equal(kind.code, "enum.unknown");
    assert.ok(kind.message.includes(odd), JSON.stringify(kind.message));
    assert.deepEqual(qinqing.validateComplaint(JSON.parse(JSON.stringify({ [odd]: 1, complainant: { kind: odd } })), options), answer);
  }
});

test("issues have the serde shape: five fields, suggestions last and only when there are some", () => {
  const answer = qinqing.validateComplaintJson(
    JSON.stringify({ complainant: { kind: "company" }, conduct: { category: "nope" } }),
    options,
  );
  assert.deepEqual(Object.keys(answer), ["valid", "priority", "issues"]);
  assert.ok(answer.issues.length > 2);
  for (const issue of answer.issues) {
    assert.deepEqual(Object.keys(issue), ["code", "severity", "path", "message", "basis"]);
    for (const value of Object.values(issue)) assert.equal(typeof value, "string");
  }
  // Fresh objects every call: callers may mutate them.
  const again = qinqing.validateComplaintJson(
    JSON.stringify({ complainant: { kind: "company" }, conduct: { category: "nope" } }),
    options,
  );
  assert.notEqual(again.issues, answer.issues);
  assert.deepEqual(again, answer);
});

// JSON text in and the object walked onto the tape (whose buffer has room for 16,384 UTF-16
// units; larger documents go through JSON.stringify) must give the same answers, also for
// a text given while a document is being walked.
test("text and object in agree around the tape's size, with lone surrogates and from a getter", () => {
  const base = JSON.parse(readFileSync(`${root}tests/fixtures/complaints/valid-enterprise.json`, "utf8"));
  const room = 16384;
  const skeleton = JSON.stringify({ ...base, conduct: { ...base.conduct, description: "" } }).length;
  for (const [label, fill] of [["ASCII", "a"], ["Chinese", "摊"], ["lone surrogate", "\uD800"]]) {
    for (const length of [room - 1, room, room + 1]) {
      const doc = { ...base, conduct: { ...base.conduct, description: "~".repeat(length - skeleton) } };
      // Written into the text as it is (JSON.stringify would escape a lone surrogate).
      const text = JSON.stringify(doc).replace(/~+/, (run) => fill.repeat(run.length));
      const answer = qinqing.validateComplaintJson(text, options);
      // A lone surrogate reads as U+FFFD (the engine's UTF-8 encoder writes that).
      const same = JSON.parse(text.replaceAll("\uD800", "\uFFFD"));
      assert.deepEqual(answer, qinqing.validateComplaint(same, options), `${label} ${text.length}`);
      assert.equal(text.length, length);
      assert.ok(answer.issues.some((issue) => issue.code === "conduct.descriptionTooLong"), `${label} ${length}`);
    }
  }
  const doc = structuredClone(base);
  const inner = { ...base, conduct: { ...base.conduct, occurredOn: "2026/11/02" } };
  let seen;
  Object.defineProperty(doc, "remedy", {
    get() {
      seen = qinqing.validateComplaintJson(JSON.stringify(inner), options);
      return "退还";
    },
    enumerable: true,
  });
  const outer = qinqing.validateComplaint(doc, options);
  assert.equal(outer.valid, true);
  assert.deepEqual(seen, qinqing.validateComplaintJson(JSON.stringify(inner), options));
  assert.equal(seen.issues[0].code, "date.invalid");
});
