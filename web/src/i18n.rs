//! Interface wording in zh-CN and English. Validation messages are not here: they come from
//! the core, already in the chosen language, so the form and the server always agree.

use qinqing_core::Lang;

/// One piece of interface text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Text {
    /// Simplified Chinese.
    pub(crate) zh: &'static str,
    /// English.
    pub(crate) en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub(crate) fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Shorthand for building a [`Text`].
pub(crate) const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

/// The BCP 47 tag for the `lang` attribute.
pub(crate) fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

pub(crate) const COMPLAINT_TITLE: Text = t("营商环境投诉举报", "Business environment complaint");
pub(crate) const COMPLAINT_INTRO: Text = t(
    "依据《关于构建新型政商关系做好亲商安商工作的意见》第八条，涉企部门应在7个工作日内书面答复。带 * 的为必填项。",
    "Under §8 of Guangxi's 2018 policy, the agency must answer in writing within 7 working days. Fields marked * are required.",
);
pub(crate) const CONTRACT_TITLE: Text = t(
    "招商引资书面承诺登记",
    "Register written investment commitments",
);
pub(crate) const CONTRACT_INTRO: Text = t(
    "依据第九条，招商引资中承诺的投资条件应以书面形式体现并依法履行，不得以政府换届、领导人员更替等理由违约毁约。",
    "Under §9, commitments made to investors must be in writing and honoured; a change of government or leaders is no reason to break them.",
);
pub(crate) const SWITCH_LANG: Text = t("English", "中文");
pub(crate) const SUBMIT_COMPLAINT: Text = t("提交投诉", "Submit complaint");
pub(crate) const SUBMIT_CONTRACT: Text = t("提交登记", "Submit registration");
pub(crate) const NEW_FORM: Text = t("重新填写", "Start a new form");
pub(crate) const ADD_ROW: Text = t("添加", "Add");
pub(crate) const REMOVE_ROW: Text = t("删除此项", "Remove");
pub(crate) const PICK_FILE: Text = t(
    "从本机选择文件（自动填写下列信息，文件本身不会保存在草稿中）",
    "Pick the file (fills in the details below; the file itself is not kept in the draft)",
);
pub(crate) const NO_ROWS: Text = t("尚未添加。", "None added yet.");
pub(crate) const CHOOSE: Text = t("请选择", "Please choose");
pub(crate) const YES: Text = t("是", "Yes");
pub(crate) const NO: Text = t("否", "No");
pub(crate) const SUMMARY_TITLE: Text = t(
    "提交前请修改以下问题：",
    "Please fix these problems before submitting:",
);
pub(crate) const DEADLINE_TITLE: Text = t("书面答复期限", "Written reply due");
pub(crate) const DEADLINE_LEAD: Text = t(
    "如果现在提交，受理单位应在以下日期前书面答复：",
    "If you submit now, the agency must reply in writing by:",
);
pub(crate) const DEADLINE_PROVISIONAL: Text = t(
    "（暂定：该年度的放假安排尚未公布，日期可能调整）",
    "(provisional: that year's holiday schedule is not yet published, the date may move)",
);
pub(crate) const DEADLINE_SKIPPED: Text = t(
    "为什么是这一天？（跳过的非工作日）",
    "Why this date? (days skipped)",
);
pub(crate) const DEADLINE_NONE: Text = t(
    "暂时无法计算答复期限。",
    "The reply deadline cannot be computed right now.",
);
pub(crate) const CONDUCT_HELPER: Text = t(
    "根据您的描述，可能属于以下情形（点击选用）：",
    "From your description, this may be (click to choose):",
);
pub(crate) const CONDUCT_CHOSEN: Text = t("已选用", "chosen");
pub(crate) const STATUS_EMPTY: Text = t(
    "尚未填写。填写内容会自动保存在本设备上。",
    "Nothing entered yet. What you type is saved on this device.",
);
pub(crate) const STATUS_DRAFT: Text = t(
    "草稿已保存（仅保存在本设备上）",
    "Draft saved (on this device only)",
);
pub(crate) const STATUS_RESTORED: Text =
    t("已恢复上次未提交的草稿", "Your unsent draft was restored");
pub(crate) const STATUS_DRAFT_FAILED: Text = t(
    "草稿无法保存：内容过大或浏览器禁止存储",
    "The draft could not be saved: too large, or storage is blocked",
);
pub(crate) const STATUS_SENDING: Text = t("正在提交…", "Sending…");
pub(crate) const STATUS_QUEUED: Text = t(
    "已排队：当前离线，联网后将自动提交（不会重复提交）",
    "Queued: you are offline; it will be sent once when the connection returns",
);
pub(crate) const STATUS_SENT: Text = t("已提交，案件编号：", "Submitted. Case number: ");
pub(crate) const STATUS_SENT_DUE: Text = t("书面答复期限：", "Written reply due: ");
pub(crate) const STATUS_REJECTED: Text = t(
    "被退回：请按提示修改后重新提交",
    "Returned: please fix the marked problems and submit again",
);
pub(crate) const STATUS_FAILED: Text = t(
    "提交失败，稍后将自动重试：",
    "Sending failed, will retry automatically: ",
);
pub(crate) const OFFLINE_BADGE: Text = t("离线", "Offline");
