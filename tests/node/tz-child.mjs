// Prints calendar and validation answers as JSON; tz.test.mjs runs it under several TZs.
import { qinqing } from "./qinqing.mjs";

const out = {
  tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  answers: [
    qinqing.replyDeadline("2026-09-30T23:30:00+08:00"),
    qinqing.replyDeadline("2026-09-30T15:30:00Z"),
    qinqing.replyDeadline("2026-09-30T16:30:00Z"),
    qinqing.replyDeadline("2026-09-30T15:59:59Z", { days: 7, region: "national", lang: "en" }),
    qinqing.replyDeadline("2027-12-30", { strict: false }),
    qinqing.replyDeadline("2027-12-30", { strict: true }),
    qinqing.isWorkingDay("2026-10-01"),
    qinqing.isWorkingDay("2026-09-20", "national"),
    qinqing.dayInfo("2026-04-20", "guangxi"),
    qinqing.dayInfo("2026-04-20", "national", { lang: "en" }),
    qinqing.addWorkingDays("2026-09-28", 7),
    qinqing.addWorkingDays("2026-12-31", 1),
    qinqing.workingDaysBetween("2026-01-01", "2026-12-31"),
    qinqing.workingDaysBetween("2026-12-31", "2026-01-01", "national"),
    qinqing.validateComplaint({ receivedAt: "2026-11-27T01:00:00Z", conduct: { occurredOn: "2026-11-27" } }, { today: "2026-11-27" }),
  ],
};
process.stdout.write(JSON.stringify(out));
