// The generated .d.ts files type-check a consumer that uses every function, in strict mode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { root } from "./qinqing.mjs";

test("tsc --strict --noEmit accepts consumer.ts against the generated types", { timeout: 120_000 }, () => {
  const tsc = `${root}tools/node_modules/.bin/tsc`;
  const result = spawnSync(tsc, [
    "--strict", "--noEmit", "--target", "es2022", "--module", "nodenext",
    "--moduleResolution", "nodenext", "--lib", "es2022,dom", "--skipLibCheck", "false",
    `${root}tests/node/consumer.ts`,
  ], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test("tsc rejects a misuse (the types are not just `any`)", { timeout: 120_000 }, async () => {
  const { writeFileSync, mkdtempSync, rmSync } = await import("node:fs");
  const dir = mkdtempSync(`${root}tests/node/.tsc-`);
  try {
    writeFileSync(`${dir}/bad.ts`,
      `import { validateComplaint } from "../../../crates/qinqing-wasm/pkg/node.js";\n` +
      `validateComplaint({ complainant: { kind: "martian" } });\n`);
    const result = spawnSync(`${root}tools/node_modules/.bin/tsc`, [
      "--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext",
      "--lib", "es2022,dom", `${dir}/bad.ts`,
    ], { encoding: "utf8" });
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /martian/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
