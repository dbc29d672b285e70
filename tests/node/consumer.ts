// A TypeScript consumer of the package: `tsc --strict --noEmit` over this file proves the
// generated declarations describe every function (tests/node/types.test.mjs runs it).
import {
  addWorkingDays,
  catalogue,
  checkDivision,
  checkPhone,
  checkRic,
  checkUscc,
  dayInfo,
  detectConduct,
  isWorkingDay,
  loadCalendarYear,
  replyDeadline,
  validateComplaint,
  validateComplaintJson,
  validateContract,
  validateContractJson,
  version,
  workingDaysBetween,
  type Answer,
  type CatalogueEntry,
  type Complaint,
  type ConductId,
  type Contract,
  type Deadline,
  type Issue,
  type Options,
  type Region,
} from "../../crates/qinqing-wasm/pkg/node.js";

const options: Options = { lang: "en", today: "2026-11-27" };
const complaint: Complaint = {
  complainant: { kind: "enterprise", name: "南宁某某科技有限公司", uscc: "91450100MA5L000000", realName: true },
  respondent: { agency: "某区市场监督管理局", divisionCode: "450103", level: "county" },
  conduct: { category: "apportionment", occurredOn: "2026-11-20", description: "要求企业赞助活动经费", amountFen: 500000 },
  attachments: [{ name: "receipt.pdf", mediaType: "application/pdf", sizeBytes: 1024 }],
};
const contract: Contract = {
  project: "新能源电池项目",
  writtenForm: { documentNo: "柳政函〔2024〕12号", signedOn: "2024-03-01" },
  commitments: [{ kind: "landSupply", description: "供地 200 亩" }],
  change: { kind: "termination", initiatedBy: "government", reason: "leadershipChange", negotiated: false },
};

const answers: Answer[] = [
  validateComplaint(complaint, options),
  validateContract(contract),
  validateComplaintJson(JSON.stringify(complaint), options),
  validateContractJson("{}", null),
  checkUscc("91450100MA5L000000"),
  checkRic("450103199001011234", options),
  checkPhone("0771-1234567"),
  checkDivision("450103", "county", options),
  loadCalendarYear({ year: 2027, off_days: [], adjusted_workdays: [] }),
];
const codes: string[] = answers.flatMap((answer) => answer.issues.map((issue: Issue) => issue.code));

const region: Region = "guangxi";
const deadline: Deadline | null = replyDeadline("2026-09-30T10:00:00+08:00", { days: 7, region, strict: true }).deadline;
const due: string | undefined = deadline?.dueDate;
const working: boolean | null = isWorkingDay("2026-10-01", "national").working;
const why: string | undefined = dayInfo("2026-04-20", region, options).day?.reason;
const later: string | null = addWorkingDays("2026-09-28", 7).date;
const count: number | null = workingDaysBetween("2026-01-01", "2026-12-31", region).days;
const entries: CatalogueEntry[] = catalogue("en").entries;
const ids: ConductId[] = detectConduct("他们要求我们赞助活动").matches.map((match) => match.id);
const v: string = version();

export const summary = { codes, due, working, why, later, count, entries, ids, v };
