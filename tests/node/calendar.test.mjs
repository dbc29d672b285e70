// The calendar calls in the package, including a notice year loaded at run time (this file
// runs in its own process, so the loaded year does not leak into other test files).
import { test } from "node:test";
import assert from "node:assert/strict";
import { qinqing } from "./qinqing.mjs";

test("§八 deadline: 7 working days after receipt, skipping the National Day week", () => {
  const { valid, deadline } = qinqing.replyDeadline("2026-09-30T10:00:00+08:00");
  assert.equal(valid, true);
  assert.equal(deadline.dueDate, "2026-10-15");
  assert.equal(deadline.dueAt, "2026-10-15T23:59:59+08:00");
  assert.ok(deadline.skipped.some((day) => day.date === "2026-10-01" && day.reason === "holiday"));
});

test("working-day arithmetic agrees with itself", () => {
  assert.equal(qinqing.addWorkingDays("2026-09-28", 7).date, "2026-10-13");
  assert.equal(qinqing.workingDaysBetween("2026-09-28", "2026-10-13").days, 7);
  assert.equal(qinqing.workingDaysBetween("2026-10-13", "2026-09-28").days, -7);
  assert.equal(qinqing.isWorkingDay("2026-10-01").working, false);
  assert.equal(qinqing.isWorkingDay("2026-09-20", "national").working, true, "a make-up Sunday");
  assert.equal(qinqing.isWorkingDay("2026-09-27", "national").working, false, "中秋节 on a Sunday");
  assert.equal(qinqing.addWorkingDays("2026-09-28", 0).date, "2026-09-28");
});

test("bad calendar input is an answer naming the problem", () => {
  assert.equal(qinqing.addWorkingDays("2026-02-30", 1).issues[0].code, "calendar.instantMalformed");
  assert.equal(qinqing.addWorkingDays("2026-01-05", -1).issues[0].code, "input.unknownValue");
  assert.equal(qinqing.addWorkingDays("2026-01-05", 1.5).issues[0].code, "input.unknownValue");
  assert.equal(qinqing.addWorkingDays("2100-12-30", 5).issues[0].code, "calendar.resultOutOfRange");
  assert.equal(qinqing.isWorkingDay("2026-01-05", "mars").issues[0].code, "input.unknownValue");
  assert.equal(qinqing.replyDeadline("2026-09-30", []).issues[0].code, "options.invalid");
  assert.equal(qinqing.replyDeadline("yesterday").issues[0].code, "calendar.instantMalformed");
  assert.equal(qinqing.replyDeadline("2027-12-30", { strict: true }).valid, false, "2028 is unpublished");
});

test("loadCalendarYear: later calls use the loaded notice; a rejected year changes nothing", () => {
  assert.equal(qinqing.isWorkingDay("2027-03-03").working, true, "a Wednesday, before loading");
  const loaded = qinqing.loadCalendarYear({
    year: 2027,
    papers: ["https://www.gov.cn/example"],
    off_days: [{ date: "2027-03-03", name: "测试假日" }],
    adjusted_workdays: [{ date: "2027-03-06", name: "测试假日" }],
  });
  assert.deepEqual(loaded, { valid: true, priority: false, issues: [] });
  assert.equal(qinqing.isWorkingDay("2027-03-03").working, false);
  assert.equal(qinqing.isWorkingDay("2027-03-06").working, true, "the make-up Saturday");
  assert.equal(qinqing.dayInfo("2027-03-03").day.name, "测试假日");

  const rejected = qinqing.loadCalendarYear('{"year": 2027, "off_days": [{"date": "2028-01-01"}]}');
  assert.equal(rejected.valid, false);
  assert.equal(rejected.issues[0].path, "/off_days/0/date");
  assert.equal(qinqing.isWorkingDay("2027-03-03").working, false, "the loaded year stays");
});
