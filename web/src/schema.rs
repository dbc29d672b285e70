//! What each form asks for: sections, fields and repeatable rows, keyed by the JSON pointer
//! of the value they edit. The pointers are the core's JSON contract (`model.rs`), so an
//! issue's `path` leads straight to the input that fixes it.

use crate::i18n::{t, Text};

/// Which document a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FormKind {
    /// A §八 complaint.
    Complaint,
    /// A §九 commitment contract.
    Contract,
}

impl FormKind {
    /// Reads `complaint` / `contract`.
    pub(crate) fn from_name(name: &str) -> Option<FormKind> {
        match name.trim() {
            "complaint" | "complaints" => Some(FormKind::Complaint),
            "contract" | "contracts" => Some(FormKind::Contract),
            _ => None,
        }
    }

    /// The name used in storage keys and the DOM.
    pub(crate) fn name(self) -> &'static str {
        match self {
            FormKind::Complaint => "complaint",
            FormKind::Contract => "contract",
        }
    }

    /// The sections of this form.
    pub(crate) fn sections(self) -> &'static [Section] {
        match self {
            FormKind::Complaint => COMPLAINT,
            FormKind::Contract => CONTRACT,
        }
    }
}

/// One choice of a select.
pub(crate) type Choice = (&'static str, Text);

/// How a value is entered and stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Input {
    /// One line of text, stored as typed.
    Text,
    /// Several lines of text, stored as typed.
    TextArea,
    /// A date (`YYYY-MM-DD`), stored as a string.
    Date,
    /// A Guangxi division code, with the code table offered as suggestions.
    Division,
    /// Money typed in yuan, stored as whole fen.
    Yuan,
    /// A whole number, stored as a number.
    Integer,
    /// A choice among fixed values, stored as the value string.
    Select(&'static [Choice]),
    /// The conduct catalogue, stored as the catalogue id.
    Conduct,
    /// A tick box, stored as `true` / `false`.
    Check,
    /// Yes / no / not said, stored as `true` / `false` / absent.
    YesNo,
}

/// One field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Field {
    /// Pointer of the value; relative to the row for fields of repeatable rows.
    pub(crate) path: &'static str,
    /// The label.
    pub(crate) label: Text,
    /// How it is entered.
    pub(crate) input: Input,
    /// Marked with an asterisk (the core decides what is really required).
    pub(crate) required: bool,
    /// A short hint under the label.
    pub(crate) hint: Option<Text>,
    /// The `autocomplete` token for browsers that fill forms.
    pub(crate) autocomplete: &'static str,
}

const fn field(path: &'static str, label: Text, input: Input, required: bool) -> Field {
    Field {
        path,
        label,
        input,
        required,
        hint: None,
        autocomplete: "off",
    }
}

const fn hinted(
    path: &'static str,
    label: Text,
    input: Input,
    required: bool,
    hint: Text,
) -> Field {
    Field {
        path,
        label,
        input,
        required,
        hint: Some(hint),
        autocomplete: "off",
    }
}

const fn auto(
    path: &'static str,
    label: Text,
    input: Input,
    required: bool,
    autocomplete: &'static str,
) -> Field {
    Field {
        path,
        label,
        input,
        required,
        hint: None,
        autocomplete,
    }
}

/// A group of fields, or a list of repeatable rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Section {
    /// Pointer of the object or array the section edits.
    pub(crate) path: &'static str,
    /// The legend.
    pub(crate) title: Text,
    /// Fields, or rows of fields.
    pub(crate) body: Body,
}

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Body {
    /// Fixed fields with absolute pointers.
    Fields(&'static [Field]),
    /// Repeatable rows: an array at the section's path, fields relative to each item.
    Rows {
        /// Title of one row ("证据 1").
        item: Text,
        /// Fields of one row.
        fields: &'static [Field],
    },
}

const LEVELS: &[Choice] = &[
    ("region", t("自治区级", "Region")),
    ("city", t("设区市级", "City")),
    ("county", t("县（市、区）级", "County")),
];

const COMPLAINANT_KINDS: &[Choice] = &[
    ("enterprise", t("企业", "Enterprise")),
    ("individualBusiness", t("个体工商户", "Individual business")),
    ("person", t("自然人", "Person")),
];

const MEDIA_TYPES: &[Choice] = &[
    ("application/pdf", t("PDF 文档", "PDF document")),
    ("image/jpeg", t("JPEG 图片", "JPEG image")),
    ("image/png", t("PNG 图片", "PNG image")),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        t("Word 文档（docx）", "Word document (docx)"),
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        t("Excel 表格（xlsx）", "Excel sheet (xlsx)"),
    ),
    ("application/ofd", t("OFD 版式文件", "OFD document")),
];

const COMMITMENT_KINDS: &[Choice] = &[
    ("landSupply", t("土地供应", "Land supply")),
    ("taxIncentive", t("税收优惠", "Tax incentive")),
    ("subsidy", t("资金补助", "Subsidy")),
    ("infrastructure", t("基础设施配套", "Infrastructure")),
    ("approvalService", t("审批服务", "Approval service")),
    ("other", t("其他", "Other")),
];

const CHANGE_KINDS: &[Choice] = &[
    ("termination", t("终止（毁约）", "Termination")),
    ("modification", t("变更", "Modification")),
    ("suspension", t("暂停、拖延履行", "Suspension or delay")),
];

const INITIATORS: &[Choice] = &[
    ("government", t("政府一方", "The government")),
    ("investor", t("投资方", "The investor")),
    ("both", t("双方协商", "Both, by agreement")),
];

const REASONS: &[Choice] = &[
    (
        "governmentTransition",
        t("政府换届", "Change of government"),
    ),
    ("leadershipChange", t("领导人员更替", "Change of leaders")),
    ("planningAdjustment", t("规划调整", "Planning adjustment")),
    ("policyChange", t("政策改变", "Policy change")),
    ("forceMajeure", t("不可抗力", "Force majeure")),
    ("investorDefault", t("投资方违约", "Investor default")),
    ("mutualAgreement", t("双方协商一致", "Mutual agreement")),
    ("other", t("其他", "Other")),
];

const NAME: Text = t("联系人姓名", "Contact name");
const PHONE: Text = t("联系电话", "Phone");
const EMAIL: Text = t("电子邮箱", "E-mail");
const USCC_HINT: Text = t("18位，见营业执照", "18 characters, on the business licence");
const DIVISION_HINT: Text = t(
    "6位行政区划代码，如 450100 南宁市",
    "6-digit division code, e.g. 450100 Nanning",
);
const YUAN_HINT: Text = t("单位：元", "In yuan");

const COMPLAINT: &[Section] = &[
    Section {
        path: "/complainant",
        title: t("投诉人", "Complainant"),
        body: Body::Fields(&[
            field(
                "/complainant/kind",
                t("投诉人类型", "Complainant type"),
                Input::Select(COMPLAINANT_KINDS),
                true,
            ),
            auto(
                "/complainant/name",
                t("名称或姓名", "Name of the enterprise or person"),
                Input::Text,
                true,
                "organization",
            ),
            hinted(
                "/complainant/uscc",
                t("统一社会信用代码", "Unified social credit code"),
                Input::Text,
                false,
                USCC_HINT,
            ),
            field(
                "/complainant/realName",
                t("实名投诉举报", "I report under my real name"),
                Input::Check,
                false,
            ),
            hinted(
                "/complainant/idNumber",
                t("居民身份证号码", "Resident ID card number"),
                Input::Text,
                false,
                t("实名举报时填写", "For real-name reports"),
            ),
            auto("/complainant/contact/name", NAME, Input::Text, true, "name"),
            auto(
                "/complainant/contact/phone",
                PHONE,
                Input::Text,
                true,
                "tel",
            ),
            auto(
                "/complainant/contact/email",
                EMAIL,
                Input::Text,
                false,
                "email",
            ),
        ]),
    },
    Section {
        path: "/respondent",
        title: t("被投诉单位", "Agency complained about"),
        body: Body::Fields(&[
            field(
                "/respondent/agency",
                t("单位名称", "Agency name"),
                Input::Text,
                true,
            ),
            hinted(
                "/respondent/divisionCode",
                t("所在行政区划", "Division"),
                Input::Division,
                true,
                DIVISION_HINT,
            ),
            field(
                "/respondent/level",
                t("单位层级", "Level"),
                Input::Select(LEVELS),
                true,
            ),
        ]),
    },
    Section {
        path: "/conduct",
        title: t("投诉事项", "What happened"),
        body: Body::Fields(&[
            hinted(
                "/conduct/description",
                t("事情经过", "Description"),
                Input::TextArea,
                true,
                t(
                    "请写明时间、地点、人员和经过（20–5000字）",
                    "Say when, where, who and what happened (20–5000 characters)",
                ),
            ),
            field(
                "/conduct/category",
                t("行为类别", "Kind of conduct"),
                Input::Conduct,
                true,
            ),
            field(
                "/conduct/occurredOn",
                t("发生日期", "Date it happened"),
                Input::Date,
                true,
            ),
            hinted(
                "/conduct/amountFen",
                t("涉及金额", "Amount involved"),
                Input::Yuan,
                false,
                YUAN_HINT,
            ),
            hinted(
                "/conduct/commitmentRef",
                t(
                    "承诺文件文号或合同编号",
                    "Commitment document or contract number",
                ),
                Input::Text,
                false,
                t("投诉违约毁约时填写", "For broken commitments"),
            ),
        ]),
    },
    Section {
        path: "/attachments",
        title: t("证据材料（仅登记文件信息）", "Evidence (file details only)"),
        body: Body::Rows {
            item: t("证据", "Evidence"),
            fields: &[
                field("/name", t("文件名", "File name"), Input::Text, true),
                field(
                    "/mediaType",
                    t("文件类型", "File type"),
                    Input::Select(MEDIA_TYPES),
                    true,
                ),
                hinted(
                    "/sizeBytes",
                    t("大小（字节）", "Size (bytes)"),
                    Input::Integer,
                    true,
                    t("不超过 20 MB", "At most 20 MB"),
                ),
                hinted(
                    "/sha256",
                    t("SHA-256 校验值", "SHA-256 checksum"),
                    Input::Text,
                    false,
                    t("64位十六进制", "64 hex digits"),
                ),
            ],
        },
    },
    Section {
        path: "",
        title: t("诉求", "Your request"),
        body: Body::Fields(&[field(
            "/remedy",
            t("希望如何处理", "What you ask for"),
            Input::TextArea,
            false,
        )]),
    },
];

const CONTRACT: &[Section] = &[
    Section {
        path: "",
        title: t("项目", "Project"),
        body: Body::Fields(&[field(
            "/project",
            t("投资项目名称", "Project name"),
            Input::Text,
            true,
        )]),
    },
    Section {
        path: "/investor",
        title: t("投资方", "Investor"),
        body: Body::Fields(&[
            auto(
                "/investor/name",
                t("企业名称", "Enterprise name"),
                Input::Text,
                true,
                "organization",
            ),
            hinted(
                "/investor/uscc",
                t("统一社会信用代码", "Unified social credit code"),
                Input::Text,
                true,
                USCC_HINT,
            ),
            auto("/investor/contact/name", NAME, Input::Text, false, "name"),
            auto("/investor/contact/phone", PHONE, Input::Text, false, "tel"),
            auto(
                "/investor/contact/email",
                EMAIL,
                Input::Text,
                false,
                "email",
            ),
        ]),
    },
    Section {
        path: "/authority",
        title: t("承诺方（政府）", "Government side"),
        body: Body::Fields(&[
            field(
                "/authority/agency",
                t("政府或部门名称", "Government or agency"),
                Input::Text,
                true,
            ),
            hinted(
                "/authority/divisionCode",
                t("所在行政区划", "Division"),
                Input::Division,
                true,
                DIVISION_HINT,
            ),
            field(
                "/authority/level",
                t("层级", "Level"),
                Input::Select(LEVELS),
                true,
            ),
        ]),
    },
    Section {
        path: "/writtenForm",
        title: t("书面形式", "Written form"),
        body: Body::Fields(&[
            hinted(
                "/writtenForm/documentNo",
                t("文件文号或合同编号", "Document or contract number"),
                Input::Text,
                true,
                t("如 柳政函〔2024〕12号", "e.g. 柳政函〔2024〕12号"),
            ),
            field(
                "/writtenForm/signedOn",
                t("签订日期", "Date signed"),
                Input::Date,
                true,
            ),
        ]),
    },
    Section {
        path: "/commitments",
        title: t("政府承诺事项", "Government commitments"),
        body: Body::Rows {
            item: t("承诺", "Commitment"),
            fields: &[
                field(
                    "/kind",
                    t("承诺类型", "Kind"),
                    Input::Select(COMMITMENT_KINDS),
                    true,
                ),
                field(
                    "/description",
                    t("承诺内容", "What was promised"),
                    Input::TextArea,
                    true,
                ),
                hinted(
                    "/amountFen",
                    t("金额", "Amount"),
                    Input::Yuan,
                    false,
                    YUAN_HINT,
                ),
                field("/dueOn", t("兑现期限", "Due date"), Input::Date, false),
            ],
        },
    },
    Section {
        path: "/investorObligations",
        title: t("投资方义务", "Investor obligations"),
        body: Body::Rows {
            item: t("义务", "Obligation"),
            fields: &[field(
                "/description",
                t("义务内容", "The obligation"),
                Input::TextArea,
                true,
            )],
        },
    },
    Section {
        path: "/change",
        title: t("承诺变更情况（如有）", "Change to the commitments (if any)"),
        body: Body::Fields(&[
            field(
                "/change/kind",
                t("变更类型", "Kind of change"),
                Input::Select(CHANGE_KINDS),
                false,
            ),
            field(
                "/change/initiatedBy",
                t("提出方", "Started by"),
                Input::Select(INITIATORS),
                false,
            ),
            field(
                "/change/reason",
                t("变更理由", "Reason given"),
                Input::Select(REASONS),
                false,
            ),
            field(
                "/change/statement",
                t("理由原文", "The reason in their words"),
                Input::TextArea,
                false,
            ),
            field(
                "/change/negotiated",
                t("是否与投资方协商", "Negotiated with the investor"),
                Input::YesNo,
                false,
            ),
            hinted(
                "/change/investorLossFen",
                t("投资方损失", "Investor's loss"),
                Input::Yuan,
                false,
                YUAN_HINT,
            ),
            hinted(
                "/change/compensationFen",
                t("拟补偿金额", "Compensation offered"),
                Input::Yuan,
                false,
                YUAN_HINT,
            ),
        ]),
    },
];

/// The DOM id of the input editing `pointer` (ids are unique inside one form's shadow root).
pub(crate) fn dom_id(pointer: &str) -> String {
    let mut id = String::from("qq");
    for ch in pointer.chars() {
        if ch.is_ascii_alphanumeric() {
            id.push(ch);
        } else {
            id.push('-');
        }
    }
    id
}

/// Every pointer an issue can be shown at for `doc`: fields (with row indices filled in),
/// rows and sections.
pub(crate) fn known_pointers(kind: FormKind, doc: &serde_json::Value) -> Vec<String> {
    let mut out = vec![String::new()];
    for section in kind.sections() {
        out.push(section.path.to_owned());
        match section.body {
            Body::Fields(fields) => out.extend(fields.iter().map(|f| f.path.to_owned())),
            Body::Rows { fields, .. } => {
                let rows = doc
                    .pointer(section.path)
                    .and_then(|v| v.as_array())
                    .map_or(0, Vec::len);
                for row in 0..rows {
                    let base = format!("{}/{row}", section.path);
                    out.push(base.clone());
                    out.extend(fields.iter().map(|f| format!("{base}{}", f.path)));
                }
            }
        }
    }
    out
}

/// The field definition editing `pointer`, if any.
pub(crate) fn field_at(kind: FormKind, pointer: &str) -> Option<Field> {
    for section in kind.sections() {
        match section.body {
            Body::Fields(fields) => {
                if let Some(f) = fields.iter().find(|f| f.path == pointer) {
                    return Some(*f);
                }
            }
            Body::Rows { fields, .. } => {
                let Some(rest) = pointer
                    .strip_prefix(section.path)
                    .and_then(|r| r.strip_prefix('/'))
                else {
                    continue;
                };
                let Some(slash) = rest.find('/') else {
                    continue;
                };
                let (index, tail) = rest.split_at(slash);
                if index.parse::<usize>().is_ok() {
                    if let Some(f) = fields.iter().find(|f| f.path == tail) {
                        return Some(*f);
                    }
                }
            }
        }
    }
    None
}
