// Answers with issues cross from WebAssembly as their fields in one UTF-16 text, split on
// U+0000 (and suggestions on U+0001); a text that holds either separator takes the JSON
// crossing instead. Both must give the same objects: the parity test covers the usual
// answers byte for byte, this one the separators and the shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { qinqing } from "./qinqing.mjs";

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
