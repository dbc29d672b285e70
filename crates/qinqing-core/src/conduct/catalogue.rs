//! The catalogue data: one entry per [`ConductId`], taken from the seed policy
//! (桂办发〔2018〕 亲商安商意见, §五 四个严禁, §六, §七 fifteen 不得, §九).
//!
//! Everything is `&'static str` in static data so the table costs only its bytes in the
//! WebAssembly bundle. Phrases are what an enterprise owner would actually write in a
//! complaint; they must contain no whitespace (detection strips whitespace from the text
//! first) and no phrase may appear under two ids (a unit test guards both).

use crate::answer::Lang;

use super::ConductId;

/// Static description of one conduct.
pub(crate) struct Entry {
    /// Seed clause: `§五`, `§六`, `§七` or `§九`.
    pub(crate) clause: &'static str,
    /// Chinese title.
    pub(crate) zh: &'static str,
    /// English title.
    pub(crate) en: &'static str,
    /// The seed wording the entry comes from, copied verbatim (the seed uses ASCII commas).
    pub(crate) quote: &'static str,
    /// Chinese phrases that reveal the conduct in a citizen's free text, separated by `|`
    /// (one string instead of a table of string references: 8 bytes less per phrase in
    /// the WebAssembly package).
    pub(crate) phrases: &'static str,
}

impl ConductId {
    /// Every id, in declaration order (the catalogue order).
    pub const ALL: [ConductId; 23] = [
        ConductId::AbuseOrNeglect,
        ConductId::AcceptingBenefits,
        ConductId::HoldingPostInEnterprise,
        ConductId::RelativesProfiteering,
        ConductId::Collusion,
        ConductId::SelectiveEnforcement,
        ConductId::DuplicateEnforcement,
        ConductId::BorrowingFunds,
        ConductId::WithholdingFunds,
        ConductId::ForcedLabor,
        ConductId::OccupyingProperty,
        ConductId::ForcedMembership,
        ConductId::PaidPublicity,
        ConductId::DesignatedPurchase,
        ConductId::DemandingProducts,
        ConductId::ForcedTraining,
        ConductId::BiddingRestriction,
        ConductId::IpInfringement,
        ConductId::ForcedGuarantee,
        ConductId::Apportionment,
        ConductId::UnauthorizedAssessment,
        ConductId::OtherInfringement,
        ConductId::BreachOfCommitment,
    ];

    /// The camelCase id used in JSON, e.g. `"forcedMembership"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConductId::AbuseOrNeglect => "abuseOrNeglect",
            ConductId::AcceptingBenefits => "acceptingBenefits",
            ConductId::HoldingPostInEnterprise => "holdingPostInEnterprise",
            ConductId::RelativesProfiteering => "relativesProfiteering",
            ConductId::Collusion => "collusion",
            ConductId::SelectiveEnforcement => "selectiveEnforcement",
            ConductId::DuplicateEnforcement => "duplicateEnforcement",
            ConductId::BorrowingFunds => "borrowingFunds",
            ConductId::WithholdingFunds => "withholdingFunds",
            ConductId::ForcedLabor => "forcedLabor",
            ConductId::OccupyingProperty => "occupyingProperty",
            ConductId::ForcedMembership => "forcedMembership",
            ConductId::PaidPublicity => "paidPublicity",
            ConductId::DesignatedPurchase => "designatedPurchase",
            ConductId::DemandingProducts => "demandingProducts",
            ConductId::ForcedTraining => "forcedTraining",
            ConductId::BiddingRestriction => "biddingRestriction",
            ConductId::IpInfringement => "ipInfringement",
            ConductId::ForcedGuarantee => "forcedGuarantee",
            ConductId::Apportionment => "apportionment",
            ConductId::UnauthorizedAssessment => "unauthorizedAssessment",
            ConductId::OtherInfringement => "otherInfringement",
            ConductId::BreachOfCommitment => "breachOfCommitment",
        }
    }

    /// Reads a camelCase id such as `"apportionment"`; anything else is `None`.
    pub fn from_str_id(s: &str) -> Option<ConductId> {
        ConductId::ALL.into_iter().find(|id| id.as_str() == s)
    }

    /// The seed clause that forbids the conduct: `§五`, `§六`, `§七` or `§九`.
    pub fn clause(self) -> &'static str {
        self.entry().clause
    }

    /// The title in `lang`.
    pub fn title(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.entry().zh,
            Lang::En => self.entry().en,
        }
    }

    /// The seed wording (Chinese, verbatim) the conduct comes from.
    pub fn quote(self) -> &'static str {
        self.entry().quote
    }

    /// The Chinese phrases [`detect_conduct`](crate::detect_conduct) looks for.
    pub fn phrases(self) -> std::str::Split<'static, char> {
        self.entry().phrases.split('|')
    }

    /// The static data of this id. A `match` (not an array index) so the compiler proves
    /// every id has exactly one entry and no lookup can fail.
    pub(crate) fn entry(self) -> &'static Entry {
        match self {
            // ---- §五 四个严禁 ----
            ConductId::AbuseOrNeglect => &Entry {
                clause: "§五",
                zh: "滥用职权、玩忽职守，不作为、乱作为、慢作为",
                en: "Abuse of power or neglect of duty (inaction, arbitrary action or delay)",
                quote: "严禁滥用职权或玩忽职守,不作为、乱作为、慢作为,损害企业合法利益",
                phrases: "滥用职权|玩忽职守|不作为|乱作为|慢作为|故意刁难|百般刁难|推诿扯皮|互相推诿|踢皮球|久拖不决|拖着不办|迟迟不办|迟迟不批|故意拖延|层层设卡|门难进|脸难看|事难办",
            },
            ConductId::AcceptingBenefits => &Entry {
                clause: "§五",
                zh: "收受企业财物、接受宴请和旅游娱乐安排",
                en: "Accepting money, gifts, banquets or leisure trips from enterprises",
                quote: "严禁收受企业财物,接受企业及其负责人邀请,违反规定出入私人会所或者接受旅游、健身、娱乐等活动安排",
                phrases: "收受财物|收受企业财物|收受礼金|收礼|送礼|收红包|索要红包|送红包|送购物卡|收购物卡|收受购物卡|收受消费卡|宴请|吃请|私人会所|高档会所|安排旅游|报销旅游|吃拿卡要|好处费",
            },
            ConductId::HoldingPostInEnterprise => &Entry {
                clause: "§五",
                zh: "在企业中兼职任职、领取报酬",
                en: "Holding a post in an enterprise or drawing pay from it",
                quote: "严禁在企业中兼职任职,领取报酬",
                phrases: "兼职任职|在企业兼职|在公司兼职|在我公司兼职|在企业任职|兼职取酬|兼职领薪|挂名领薪|挂名领工资|挂名顾问|挂名董事|挂名股东|在企业领取报酬|领取企业报酬",
            },
            ConductId::RelativesProfiteering => &Entry {
                clause: "§五",
                zh: "配偶、子女等亲属违规在企业牟利",
                en: "Spouses, children or other relatives profiteering from enterprises",
                quote: "严禁配偶、子女等亲属违反规定在企业牟利",
                phrases: "亲属牟利|在企业牟利|领导亲属|领导的亲属|领导亲戚|领导的亲戚|领导家属|领导的家属|亲属的公司|亲戚的公司|亲属开的公司|亲戚开的公司|老婆的公司|妻子的公司|儿子的公司|女儿的公司|小舅子|亲属入股|家属入股",
            },
            // ---- §六 ----
            ConductId::Collusion => &Entry {
                clause: "§六",
                zh: "官商勾结、利益输送",
                en: "Collusion between officials and business, or funnelling of benefits",
                quote: "对涉及官商勾结、利益输送等问题线索的实名举报应当优先办理,严查快结",
                phrases: "官商勾结|相互勾结|利益输送|输送利益|权钱交易|暗箱操作|内定中标|已经内定|早就内定|提前内定|行贿|受贿|索贿|回扣|干股|保护伞|关系户",
            },
            // ---- §七 fifteen 不得, plus the enforcement it asks to avoid ----
            ConductId::SelectiveEnforcement => &Entry {
                clause: "§七",
                zh: "选择性执法",
                en: "Selective enforcement",
                quote: "避免选择性执法",
                phrases: "选择性执法|区别对待|差别对待|双重标准|看人下菜|只查我们|只罚我们|专门查我们|专查我们|只针对我们|别的企业都不查|其他企业都不查|别人都不罚|其他企业不罚",
            },
            ConductId::DuplicateEnforcement => &Entry {
                clause: "§七",
                zh: "多重多头执法、重复检查",
                en: "Duplicate or overlapping enforcement and repeated inspections",
                quote: "清除多重多头执法",
                phrases: "多头执法|多重执法|重复执法|重复检查|反复检查|轮番检查|频繁检查|检查过于频繁|三天两头检查|三天两头来检查|多次上门检查|轮流上门|重复处罚|一事多罚",
            },
            ConductId::BorrowingFunds => &Entry {
                clause: "§七",
                zh: "借用企业资金",
                en: "Borrowing an enterprise's funds",
                quote: "不得借用企业资金",
                phrases: "借用企业资金|借用资金|借用我们的资金|借用公司资金|向企业借钱|向我们借钱|找企业借钱|找我们借钱|借钱不还|借款不还|挪用企业资金|要求企业垫资|要求垫资|让我们垫资",
            },
            ConductId::WithholdingFunds => &Entry {
                clause: "§七",
                zh: "占用应拨付、应退还企业的款项",
                en: "Holding back grants, refunds or subsidies owed to an enterprise",
                quote: "占用依法应当划拨给企业的拨款以及依法应当退还企业的税金、收费、政府性基金和补助资金",
                phrases: "占用拨款|截留拨款|拨款不到位|拨款迟迟不到|截留补贴|截留补助|扣留补贴|挪用补助|补贴迟迟不发|补助资金不到位|退税迟迟不到|拖延退税|不予退税|税款不退|保证金不退|拖欠工程款",
            },
            ConductId::ForcedLabor => &Entry {
                clause: "§七",
                zh: "要求企业无偿或廉价提供劳务",
                en: "Demanding free or cheap labour from an enterprise",
                quote: "要求企业无偿或者廉价提供劳务",
                phrases: "无偿提供劳务|廉价提供劳务|无偿劳务|无偿出工|义务出工|无偿施工|免费施工|白干活|免费干活|派人帮忙|出人出车|抽调员工|抽调我们的员工",
            },
            ConductId::OccupyingProperty => &Entry {
                clause: "§七",
                zh: "无偿占用企业财物",
                en: "Using an enterprise's property without paying",
                quote: "无偿占用企业财物",
                phrases: "无偿占用|占用企业财物|占用我公司|长期占用|强占|霸占|借车不还|借用车辆不还|无偿借用车辆|无偿使用我们|占用厂房|占用场地|占用仓库|占用办公用房",
            },
            ConductId::ForcedMembership => &Entry {
                clause: "§七",
                zh: "强制参加社会团体、缴纳会费",
                en: "Forcing an enterprise to join associations or pay their fees",
                quote: "不得强制或者变相强制企业参加各类社会团体,缴纳会费、活动经费及其他费用",
                phrases: "强制入会|强迫入会|被迫入会|必须入会|必须加入商会|必须加入协会|强制加入|强制参加协会|缴纳会费|交会费|收会费|缴纳会员费|交会员费|缴纳活动经费|交活动经费|拉我们入会|拉入商会",
            },
            ConductId::PaidPublicity => &Entry {
                clause: "§七",
                zh: "要求企业接受有偿宣传",
                en: "Pressing an enterprise to pay for publicity",
                quote: "不得要求企业接受有偿宣传",
                phrases: "有偿宣传|有偿新闻|收取宣传费|索要宣传费|交宣传费|交版面费|收版面费|购买版面|专版宣传|强制订阅|必须订阅|征订任务|摊派报刊|要求登广告|要求做广告|拉广告",
            },
            ConductId::DesignatedPurchase => &Entry {
                clause: "§七",
                zh: "强制购买指定商品、接受指定服务",
                en: "Forcing an enterprise to buy designated goods or services",
                quote: "强制企业购买指定商品,接受指定服务",
                phrases: "指定购买|必须购买指定|强制购买|购买指定商品|接受指定服务|指定服务商|指定供应商|指定厂家|指定品牌|指定中介|指定的公司|只能找指定|只能用指定|强行推销|搭售",
            },
            ConductId::DemandingProducts => &Entry {
                clause: "§七",
                zh: "索要产品、强行低价购买产品",
                en: "Demanding products or forcing sales below price",
                quote: "向企业索要产品或者强行低价购买产品",
                phrases: "索要产品|索取产品|索要样品|强行低价|低价强买|压价购买|白吃白拿|白拿产品|白拿货|拿货不给钱|拿东西不给钱|打白条|赊账不还",
            },
            ConductId::ForcedTraining => &Entry {
                clause: "§七",
                zh: "强制参加法律法规规定之外的学习培训",
                en: "Forcing an enterprise into training the law does not require",
                quote: "不得强制要求企业接受法律法规规定之外的学习培训",
                phrases: "强制培训|强制参加培训|强制要求培训|必须参加培训|强制学习|收取培训费|缴纳培训费|交培训费|付费培训|有偿培训|强制考证",
            },
            ConductId::BiddingRestriction => &Entry {
                clause: "§七",
                zh: "限制企业参与招投标和采购活动",
                en: "Keeping qualified enterprises out of tenders and procurement",
                quote: "不得限制或者变相限制符合准入条件的企业参与招投标采购活动",
                phrases: "限制投标|限制参与投标|不让投标|不让参加招标|不让参与投标|不准报名|拒绝报名|排斥外地企业|排斥民营企业|排斥潜在投标人|只允许本地企业|限制外地企业|地方保护|设置门槛|抬高门槛|不给报名|限制民营企业",
            },
            ConductId::IpInfringement => &Entry {
                clause: "§七",
                zh: "侵害知识产权、公开企业商业秘密",
                en: "Infringing intellectual property or disclosing trade secrets",
                quote: "不得侵害企业知识产权,或者未经企业允许公开涉及企业商业秘密的信息",
                phrases: "侵犯知识产权|侵害知识产权|专利侵权|侵犯专利|商标侵权|侵犯商标|侵犯著作权|泄露商业秘密|泄露商业机密|公开商业秘密|泄露技术秘密|泄露报价|泄露投标文件|盗用技术|盗用方案|抄袭方案",
            },
            ConductId::ForcedGuarantee => &Entry {
                clause: "§七",
                zh: "强制提供借款担保、以企业名义借款",
                en: "Forcing loan guarantees or borrowing in the enterprise's name",
                quote: "不得强制或者变相强制企业为其他经济组织的金融借款提供信用担保,或者以企业名义借款给其他经济组织使用",
                phrases: "强制担保|强迫担保|要求企业担保|要求我们提供担保|要求我们担保|逼我们担保|为其他企业担保|替别人担保|被迫担保|被迫提供担保|以企业名义借款|以公司名义借款|以公司名义贷款|以我们公司名义|用我们公司的名义",
            },
            ConductId::Apportionment => &Entry {
                clause: "§七",
                zh: "摊派、索要赞助、强制捐赠捐献",
                en: "Levies, solicited sponsorship and forced donations",
                quote: "不得向企业摊派、索要赞助以及强制企业捐赠捐献",
                phrases: "摊派|乱摊派|变相摊派|索要赞助|要求赞助|拉赞助|交赞助费|收赞助费|强制捐赠|强制捐款|强制捐献|强迫捐款|要求捐款|被迫捐|硬性捐款|捐款任务|逼捐",
            },
            ConductId::UnauthorizedAssessment => &Entry {
                clause: "§七",
                zh: "违规对企业评比、达标、评优、鉴定、考试",
                en: "Unauthorised ratings, compliance drives, awards, appraisals or exams",
                quote: "不得违反规定,对企业进行评比、达标、升级、评优、鉴定、考试等活动",
                phrases: "违规评比|强制评比|强制参加评比|评比达标|达标升级|评优评先|收费评比|评比费|评选费|参评费|评奖收费|花钱评奖|交钱评优|强制鉴定|强制考试",
            },
            ConductId::OtherInfringement => &Entry {
                clause: "§七",
                zh: "其他侵害企业合法权益的行为",
                en: "Other conduct harming an enterprise's lawful rights",
                quote: "不得有其他侵害企业合法权益的行为",
                phrases: "乱收费|乱罚款|侵害企业合法权益|侵犯企业合法权益|损害企业合法权益",
            },
            // ---- §九 ----
            ConductId::BreachOfCommitment => &Entry {
                clause: "§九",
                zh: "以政府换届、领导更替等理由违约毁约",
                en: "Breaking investment commitments over a change of government, leaders, plans or policy",
                quote: "不得以政府换届、领导人员更替、规划调整或者政策改变等理由单方违约毁约",
                phrases: "违约|毁约|单方违约|单方面违约|单方毁约|撕毁合同|不兑现|承诺不兑现|不履行承诺|不履行合同|不认账|新官不理旧账|换届后不认|换了领导就不认|领导换了|翻烧饼|以规划调整为由|以政策调整为由|以政策变化为由",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn all_lists_every_id_once_in_declaration_order() {
        let mut sorted = ConductId::ALL;
        sorted.sort();
        assert_eq!(sorted, ConductId::ALL, "ALL must follow the enum order");
        let mut distinct = ConductId::ALL.to_vec();
        distinct.dedup();
        assert_eq!(distinct.len(), 23);
    }

    #[test]
    fn as_str_is_the_serde_name_and_round_trips() {
        for id in ConductId::ALL {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.as_str()));
            assert_eq!(ConductId::from_str_id(id.as_str()), Some(id));
        }
        assert_eq!(ConductId::from_str_id("Apportionment"), None);
        assert_eq!(ConductId::from_str_id(""), None);
    }

    #[test]
    fn every_id_has_titles_clause_quote_and_phrases() {
        for id in ConductId::ALL {
            let zh = id.title(Lang::Zh);
            let en = id.title(Lang::En);
            assert!(
                zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{id:?}"
            );
            assert!(en.is_ascii() && en.len() > 5, "{id:?}: {en}");
            assert!(
                ["§五", "§六", "§七", "§九"].contains(&id.clause()),
                "{id:?}"
            );
            assert!(id.quote().chars().count() >= 5, "{id:?}");
            let min = if id == ConductId::OtherInfringement {
                0
            } else {
                6
            };
            let n = id.phrases().count();
            assert!((min..=20).contains(&n), "{id:?} has {n} phrases");
        }
    }

    #[test]
    fn clauses_follow_the_seed() {
        use ConductId::*;
        for id in [
            AbuseOrNeglect,
            AcceptingBenefits,
            HoldingPostInEnterprise,
            RelativesProfiteering,
        ] {
            assert_eq!(id.clause(), "§五");
        }
        assert_eq!(Collusion.clause(), "§六");
        assert_eq!(BreachOfCommitment.clause(), "§九");
        let seven = ConductId::ALL
            .iter()
            .filter(|id| id.clause() == "§七")
            .count();
        assert_eq!(
            seven, 17,
            "fifteen 不得 items plus selective and duplicate enforcement"
        );
    }

    #[test]
    fn phrases_are_clean() {
        for id in ConductId::ALL {
            for phrase in id.phrases() {
                assert!(phrase.chars().count() >= 2, "{id:?}: {phrase:?} too short");
                assert!(
                    phrase
                        .chars()
                        .all(|c| !c.is_whitespace() && !c.is_ascii_punctuation()),
                    "{id:?}: {phrase:?} has whitespace or punctuation"
                );
            }
        }
    }

    #[test]
    fn no_phrase_is_listed_twice() {
        let mut owner: BTreeMap<&str, ConductId> = BTreeMap::new();
        for id in ConductId::ALL {
            for phrase in id.phrases() {
                if let Some(other) = owner.insert(phrase, id) {
                    panic!("{phrase:?} is listed under both {other:?} and {id:?}");
                }
            }
        }
    }
}
