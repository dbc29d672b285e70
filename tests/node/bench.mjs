// Node benchmark of the npm package against the JavaScript tools a portal team would use
// otherwise, on the same valid and invalid 13-field complaint.
//
//   node tests/node/bench.mjs          (after scripts/build-wasm; about a minute)
//   QINQING_BENCH_CPU=1 node tests/node/bench.mjs   (CPU time instead of wall clock)
//
// Object in: validateComplaint(obj) vs Zod 4 safeParse (an equivalent schema, below) vs ajv
// (allErrors) with the generated JSON Schema. Text in: validateComplaintJson(text) vs
// JSON.parse + ajv and JSON.parse + Zod. Calendar: addWorkingDays(d, 7) vs chinese-days
// findWorkday(7, d). qinqing also checks what no schema can: check characters, division
// codes, the calendar, conduct phrases.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { root, pkgDir, qinqing } from "./qinqing.mjs";

const require = createRequire(`${root}tools/package.json`);
const { z } = require("zod");
const Ajv2020 = require("ajv/dist/2020").default;
const chineseDays = require("chinese-days");
const findWorkday = (chineseDays.default ?? chineseDays).findWorkday;

// ---- documents -------------------------------------------------------------------------
const valid = JSON.parse(readFileSync(`${root}tests/fixtures/complaints/valid-enterprise.json`, "utf8"));
const invalid = structuredClone(valid);
invalid.complainant.kind = "company"; // not a kind
invalid.complainant.contact.email = "li.ming-at-lvyuan"; // not an address
invalid.conduct.description = "太短了"; // under 20 characters
invalid.conduct.occurredOn = "2026/11/02"; // not YYYY-MM-DD
invalid.attachments[0].sha256 = "9f86d08"; // not 64 hex digits
invalid.respondent.level = "town"; // not a level
const validText = JSON.stringify(valid);
const invalidText = JSON.stringify(invalid);
const options = { lang: "zh", today: "2026-11-27" };

// ---- peers -----------------------------------------------------------------------------
const schema = JSON.parse(readFileSync(`${pkgDir}schema/complaint.schema.json`, "utf8"));
const ajvValidate = new Ajv2020({ allErrors: true, strict: false, logger: false }).compile(schema);

const text = (min, max) => z.string().min(min).max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const conductIds = [
  "abuseOrNeglect", "acceptingBenefits", "holdingPostInEnterprise", "relativesProfiteering",
  "collusion", "selectiveEnforcement", "duplicateEnforcement", "borrowingFunds",
  "withholdingFunds", "forcedLabor", "occupyingProperty", "forcedMembership", "paidPublicity",
  "designatedPurchase", "demandingProducts", "forcedTraining", "biddingRestriction",
  "ipInfringement", "forcedGuarantee", "apportionment", "unauthorizedAssessment",
  "otherInfringement", "breachOfCommitment",
];
const zodComplaint = z.strictObject({
  complainant: z.strictObject({
    kind: z.enum(["enterprise", "individualBusiness", "person"]),
    name: text(1, 200),
    uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).nullish(),
    contact: z.strictObject({
      name: text(1, 50).nullish(),
      phone: z.string().regex(/^[0-9+\-\s()]{3,20}$/),
      email: z.email().nullish(),
    }),
    realName: z.boolean().nullish(),
    idNumber: z.string().regex(/^\d{17}[\dX]$/).nullish(),
  }),
  respondent: z.strictObject({
    agency: text(1, 200),
    divisionCode: z.string().regex(/^45\d{4}$/),
    level: z.enum(["region", "city", "county"]).nullish(),
  }),
  conduct: z.strictObject({
    category: z.enum(conductIds),
    occurredOn: date,
    description: text(20, 5000),
    amountFen: z.int().nonnegative().nullish(),
    commitmentRef: z.string().nullish(),
  }),
  attachments: z.array(z.strictObject({
    name: text(1, 255),
    mediaType: z.enum(["application/pdf", "image/jpeg", "image/png", "application/ofd",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]),
    sizeBytes: z.int().min(0).max(20 * 1024 * 1024),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })).max(20).default([]),
  remedy: z.string().max(2000).nullish(),
  receivedAt: z.iso.datetime({ offset: true }).nullish(),
});

// ---- harness ---------------------------------------------------------------------------
// QINQING_BENCH_CPU=1 times with the process's CPU time instead of the wall clock: on a
// loaded machine (other builds, fuzzers) wall time counts the waits for a core, CPU time
// far less so. On an idle machine both agree.
const clock = process.env.QINQING_BENCH_CPU === "1"
  ? () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  : () => performance.now();
let sink = 0;
function measure(fn) {
  const deadline = clock() + 300;
  while (clock() < deadline) sink ^= fn() ? 1 : 0; // warm up
  let best = 0;
  for (let round = 0; round < 5; round += 1) {
    let n = 0;
    const start = clock();
    let now = start;
    while (now - start < 400) {
      for (let i = 0; i < 200; i += 1) sink ^= fn() ? 1 : 0;
      n += 200;
      now = clock();
    }
    best = Math.max(best, (n * 1000) / (now - start));
  }
  return best;
}

const rows = [];
function row(group, name, fn) {
  const perSecond = measure(fn);
  rows.push({ group, name, perSecond });
  console.log(`${group.padEnd(10)} ${name.padEnd(52)} ${Math.round(perSecond).toLocaleString("en").padStart(11)} /s  ${(1e6 / perSecond).toFixed(2).padStart(7)} µs`);
  return perSecond;
}
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

// Sanity: every contender agrees on which document is valid.
const check = [
  [qinqing.validateComplaint(valid, options).valid, qinqing.validateComplaint(invalid, options).valid],
  [zodComplaint.safeParse(valid).success, zodComplaint.safeParse(invalid).success],
  [ajvValidate(valid), ajvValidate(invalid)],
];
for (const [ok, bad] of check) if (ok !== true || bad !== false) throw new Error(`contenders disagree: ${JSON.stringify(check)}`);

console.log(`qinqing ${qinqing.version()} · Node ${process.version} · ${process.env.QINQING_BENCH_CPU === "1" ? "CPU time · " : ""}${validText.length} characters valid, ${qinqing.validateComplaint(invalid, options).issues.length} issues invalid\n`);
const results = {};
for (const [label, doc, docText] of [["valid", valid, validText], ["invalid", invalid, invalidText]]) {
  results[label] = {
    object: row(`object ${label}`, "qinqing validateComplaint(obj)", () => qinqing.validateComplaint(doc, options).valid),
    stringifyFirst: row(`object ${label}`, "qinqing validateComplaintJson(JSON.stringify(obj))", () => qinqing.validateComplaintJson(JSON.stringify(doc), options).valid),
    zod: row(`object ${label}`, "zod 4 safeParse(obj)", () => zodComplaint.safeParse(doc).success),
    ajv: row(`object ${label}`, "ajv allErrors (generated schema)", () => ajvValidate(doc)),
    text: row(`text ${label}`, "qinqing validateComplaintJson(text)", () => qinqing.validateComplaintJson(docText, options).valid),
    parseAjv: row(`text ${label}`, "JSON.parse + ajv", () => ajvValidate(JSON.parse(docText))),
    parseZod: row(`text ${label}`, "JSON.parse + zod safeParse", () => zodComplaint.safeParse(JSON.parse(docText)).success),
  };
}
const day = "2026-09-28";
if (qinqing.addWorkingDays(day, 7).date !== findWorkday(7, day)) {
  console.log(`note: addWorkingDays gives ${qinqing.addWorkingDays(day, 7).date}, chinese-days ${findWorkday(7, day)}`);
}
const ours = row("calendar", "qinqing addWorkingDays(d, 7)", () => qinqing.addWorkingDays(day, 7).valid);
row("calendar", "qinqing isWorkingDay(d)", () => qinqing.isWorkingDay(day).valid);
row("calendar", "qinqing replyDeadline(instant) (8 skipped days)", () => qinqing.replyDeadline("2026-09-30T10:00:00+08:00").valid);
const theirs = row("calendar", "chinese-days findWorkday(7, d)", () => findWorkday(7, day) !== "");

console.log("\nratios (target in brackets)");
for (const label of ["valid", "invalid"]) {
  const r = results[label];
  console.log(`  ${label.padEnd(8)} object in vs zod        ${ratio(r.object, r.zod)}  [≥ 1×]`);
  console.log(`  ${label.padEnd(8)} object in vs ajv        ${ratio(r.object, r.ajv)}`);
  console.log(`  ${label.padEnd(8)} text in vs parse + ajv  ${ratio(r.text, r.parseAjv)}  [≥ 1×]`);
  console.log(`  ${label.padEnd(8)} text in vs parse + zod  ${ratio(r.text, r.parseZod)}`);
}
console.log(`  ${"".padEnd(8)} object in: in-wasm stringify vs JS stringify + text in  ${ratio(results.valid.object, results.valid.stringifyFirst)} valid, ${ratio(results.invalid.object, results.invalid.stringifyFirst)} invalid`);
console.log(`  addWorkingDays vs chinese-days     ${ratio(ours, theirs)}  [≥ 30×]`);
if (sink === 42) console.log("");
