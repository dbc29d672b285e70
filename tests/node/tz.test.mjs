// The host time zone must never change an answer: the calendar works in China time
// (UTC+8, fixed). Each zone runs in its own Node process, since TZ is read at start-up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const child = fileURLToPath(new URL("./tz-child.mjs", import.meta.url));
const zones = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"];

test("calendar answers are identical in every host time zone", { timeout: 120_000 }, () => {
  const runs = zones.map((zone) => {
    const text = execFileSync(process.execPath, [child], { env: { ...process.env, TZ: zone } });
    return JSON.parse(text.toString("utf8"));
  });
  runs.forEach((run, i) => assert.equal(run.tz, zones[i], "the child really ran in the zone"));
  for (const run of runs.slice(1)) assert.deepEqual(run.answers, runs[0].answers);
  const [late, lateUtc] = runs[0].answers;
  assert.equal(late.valid, true);
  assert.deepEqual(late.deadline, lateUtc.deadline, "the same instant gives the same deadline");
});
