//! Behaviour of the prohibition catalogue and conduct detection through the public API.

/// §五, §六, §七 and §九 of the seed policy, verbatim (the seed uses ASCII commas). Every
/// catalogue quote must be a passage of it.
const SEED: &str = r#"(五)严守政商交往底线。党政机关工作人员在与工商界人士相互交往中,应当以法律法规、党纪政纪为准绳,不触法、不越纪、不谋私,严守交往底线,要做到“四个严禁”:严禁滥用职权或玩忽职守,不作为、乱作为、慢作为,损害企业合法利益;严禁收受企业财物,接受企业及其负责人邀请,违反规定出入私人会所或者接受旅游、健身、娱乐等活动安排;严禁在企业中兼职任职,领取报酬;严禁配偶、子女等亲属违反规定在企业牟利。工商界人士要爱国敬业、遵纪守法、创业创新、服务社会,主动做到“四个自觉”:自觉坚定理想信念,自觉遵守法律法规,自觉抵制利益输送,自觉防止不当干政。
(六)强化监督执纪问责。强化对党政干部的监督,综合运用监督执纪“四种形态”,对党政机关工作人员与工商界人士交往中出现的苗头性、倾向性问题,早发现、早提醒、早纠正。对涉及官商勾结、利益输送等问题线索的实名举报应当优先办理,严查快结。依法依纪严肃整治不作为、乱作为、慢作为。
(七)建立规范高效的监管机制。加快构建权责清单、负面清单、收费清单,将行政职权及依据、监管事项、对应责任、行使主体、方法程序、处罚措施等以清单形式向社会公示,接受社会监督。严格规范涉企行政执法行为,在涉企行政执法部门实现“双随机、一公开”监管全覆盖,避免选择性执法。清除多重多头执法,推进综合监管,加强跨部门跨地区的市场协同监管,完善执法行为事中事后监督问责机制,提高综合执法效率,减轻企业负担。任何机关及其工作人员不得借用企业资金,占用依法应当划拨给企业的拨款以及依法应当退还企业的税金、收费、政府性基金和补助资金,要求企业无偿或者廉价提供劳务以及无偿占用企业财物;不得强制或者变相强制企业参加各类社会团体,缴纳会费、活动经费及其他费用;不得要求企业接受有偿宣传,强制企业购买指定商品,接受指定服务,向企业索要产品或者强行低价购买产品;不得强制要求企业接受法律法规规定之外的学习培训;不得限制或者变相限制符合准入条件的企业参与招投标采购活动;不得侵害企业知识产权,或者未经企业允许公开涉及企业商业秘密的信息;不得强制或者变相强制企业为其他经济组织的金融借款提供信用担保,或者以企业名义借款给其他经济组织使用;不得向企业摊派、索要赞助以及强制企业捐赠捐献;不得违反规定,对企业进行评比、达标、升级、评优、鉴定、考试等活动;不得有其他侵害企业合法权益的行为。对上述行为一经查实,由有关部门依纪依规给予党纪政纪处分;涉嫌犯罪的,依法移交司法机关处理。
(九)建立企业合法权益补偿救济机制。设区市、县(市、区)在招商引资过程中承诺的投资条件,应当以书面的形式体现并执行。对承诺的事项和签订的合同应当依法履行,不得以政府换届、领导人员更替、规划调整或者政策改变等理由单方违约毁约,确实无法履行的,应积极协商解决;造成企业损失的,依法依规予以补偿。"#;

// Wrapped in a module so `cargo test -p qinqing-core conduct` selects these tests too.
mod conduct {
    use qinqing_core::{catalogue, detect_conduct, detected_ids, ConductId, Lang};

    use super::SEED;

    #[test]
    fn every_quote_is_verbatim_seed_wording() {
        for id in ConductId::ALL {
            assert!(
                SEED.contains(id.quote()),
                "{id:?}: {:?} is not in the seed",
                id.quote()
            );
        }
    }

    #[test]
    fn catalogue_lists_every_id_in_order_in_the_requested_language() {
        let zh = catalogue(Lang::Zh);
        let en = catalogue(Lang::En);
        assert_eq!(
            zh.iter().map(|e| e.id).collect::<Vec<_>>(),
            ConductId::ALL.to_vec()
        );
        assert_eq!(
            en.iter().map(|e| e.id).collect::<Vec<_>>(),
            ConductId::ALL.to_vec()
        );
        for (z, e) in zh.iter().zip(&en) {
            assert_eq!(z.title, z.id.title(Lang::Zh));
            assert_eq!(e.title, e.id.title(Lang::En));
            assert_ne!(z.title, e.title);
            assert_eq!(z.clause, e.clause);
            assert_eq!(z.phrases, e.phrases);
            assert_eq!(z.quote, z.id.quote());
        }
    }

    #[test]
    fn catalogue_entry_and_match_json_are_camel_case() {
        let entry = catalogue(Lang::En)
            .into_iter()
            .find(|e| e.id == ConductId::ForcedMembership)
            .unwrap();
        let json = serde_json::to_value(&entry).unwrap();
        assert_eq!(json["id"], "forcedMembership");
        assert_eq!(json["clause"], "§七");
        assert!(json["quote"].as_str().unwrap().contains("缴纳会费"));
        assert!(json["phrases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "强制入会"));
        let found = detect_conduct("被迫入会");
        let json = serde_json::to_value(&found[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "forcedMembership", "start": 0, "end": 4, "phrase": "被迫入会"})
        );
    }

    #[test]
    fn every_phrase_is_detected_as_its_own_id_inside_a_sentence() {
        for id in ConductId::ALL {
            for phrase in id.phrases() {
                let text = format!("情况说明：今年三月，{phrase}，企业很无奈。");
                let found = detect_conduct(&text);
                assert_eq!(found.len(), 1, "{id:?} {phrase:?}: {found:?}");
                let m = &found[0];
                assert_eq!(m.id, id, "{phrase:?}");
                assert_eq!(m.phrase, *phrase);
                assert_eq!(m.start, 10);
                assert_eq!(m.end, 10 + phrase.chars().count());
            }
        }
    }

    #[test]
    fn spans_count_characters_not_bytes() {
        let text = "🏭🙏 我司（南宁）反映：街道办向企业摊派，并👉强制捐款👈。";
        let found = detect_conduct(text);
        let chars: Vec<char> = text.chars().collect();
        let spans: Vec<(ConductId, usize, usize)> =
            found.iter().map(|m| (m.id, m.start, m.end)).collect();
        assert_eq!(
            spans,
            vec![
                (ConductId::Apportionment, 18, 20),
                (ConductId::Apportionment, 23, 27)
            ]
        );
        for m in &found {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.phrase);
        }
    }

    fn only(text: &str, id: ConductId) {
        assert_eq!(detected_ids(text), vec![id], "{text}");
    }

    #[test]
    fn realistic_complaints_under_section_seven() {
        use ConductId::*;
        only(
            "2023年3月，镇财政所所长以周转为由向我们借钱50万元，至今借款不还。",
            BorrowingFunds,
        );
        only(
            "县工信局的技改补助资金不到位，已批复的出口退税迟迟不到，流动资金非常紧张。",
            WithholdingFunds,
        );
        only(
            "街道办每逢上级来人就叫我们出人出车，还要求无偿提供劳务清扫道路。",
            ForcedLabor,
        );
        only(
            "开发区管委会从2021年起无偿占用我公司的仓库做档案室，借车不还。",
            OccupyingProperty,
        );
        only(
            "区里通知我们必须加入商会，每年缴纳会费两万元，不交就不给办证。",
            ForcedMembership,
        );
        only(
            "一家报社记者上门，要我们购买版面做专版宣传，收取宣传费三万元。",
            PaidPublicity,
        );
        only(
            "消防验收时被告知必须购买指定厂家的灭火器，还要接受指定服务商的检测。",
            DesignatedPurchase,
        );
        only(
            "县里几位干部逢年过节就来索要产品，还打白条拿走两车水果。",
            DemandingProducts,
        );
        only(
            "人社部门强制参加培训，每人交培训费800元，内容与法律规定无关。",
            ForcedTraining,
        );
        only(
            "招标文件规定投标人必须在本县注册，明显排斥外地企业，我们被拒绝报名。",
            BiddingRestriction,
        );
        only(
            "评审结束后，采购中心工作人员泄露商业秘密，把我们的技术方案给了竞争对手。",
            IpInfringement,
        );
        only(
            "乡政府要求我们为其他企业担保向银行贷款，又以公司名义借款给城投公司使用。",
            ForcedGuarantee,
        );
        only(
            "镇政府给每家企业下达捐款任务，不捐就停电，另有部门来拉赞助。",
            Apportionment,
        );
        only(
            "某协会组织所谓诚信企业评选，要求交参评费5000元，等于花钱评奖。",
            UnauthorizedAssessment,
        );
        only("执法人员乱罚款，严重损害企业合法权益。", OtherInfringement);
        only(
            "同一条街的商户都有同样的问题，但环保局只查我们一家，别的企业都不查。",
            SelectiveEnforcement,
        );
        only(
            "一个月内市场监管、环保、消防三个部门轮番检查，三天两头来检查，没法正常生产。",
            DuplicateEnforcement,
        );
    }

    #[test]
    fn realistic_complaints_under_sections_five_six_and_nine() {
        use ConductId::*;
        only(
            "我们的施工许可申请材料齐全，但住建局迟迟不批，几个科室互相推诿。",
            AbuseOrNeglect,
        );
        only(
            "该局副局长多次让我们宴请，逢年过节还收受购物卡。",
            AcceptingBenefits,
        );
        only(
            "某局长在我公司兼职当技术顾问，每月领取企业报酬。",
            HoldingPostInEnterprise,
        );
        only(
            "审批科长暗示必须把工程分包给领导的亲戚开的公司。",
            RelativesProfiteering,
        );
        only(
            "中标单位早就内定，评标过程存在暗箱操作和利益输送。",
            Collusion,
        );
        only(
            "招商时县里书面承诺的土地优惠，换届后新官不理旧账，单方面违约。",
            BreachOfCommitment,
        );
    }

    #[test]
    fn ordinary_text_detects_nothing() {
        for text in [
            "我们公司依法经营，按时纳税",
            "本公司成立于2010年，主营农产品加工，年产值五千万元，员工120人。",
            "企业排放达标，产品质量合格，欢迎各界人士参观指导。",
            "我公司是一家建筑企业，主要承接市政道路工程施工业务，国内定价合理。",
            "",
            "   \n\t\u{3000}",
        ] {
            assert_eq!(detect_conduct(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn overlapping_phrases_give_the_longest() {
        let cases = [
            ("村里摊派报刊三份", ConductId::PaidPublicity, "摊派报刊"),
            ("村里乱摊派", ConductId::Apportionment, "乱摊派"),
            (
                "必须购买指定商品",
                ConductId::DesignatedPurchase,
                "必须购买指定",
            ),
            (
                "对方单方面违约",
                ConductId::BreachOfCommitment,
                "单方面违约",
            ),
            ("又是白吃白拿", ConductId::DemandingProducts, "白吃白拿"),
        ];
        for (text, id, phrase) in cases {
            let found = detect_conduct(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!((found[0].id, found[0].phrase.as_str()), (id, phrase));
        }
    }

    #[test]
    fn matches_are_sorted_and_disjoint() {
        let text = "摊派摊派强制入会宴请违约毁约，乱罚款；拉赞助";
        let found = detect_conduct(text);
        assert_eq!(found.len(), 8, "{found:?}");
        for pair in found.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{pair:?}");
        }
    }

    #[test]
    fn megabyte_inputs_return_without_panic() {
        // 2.4 MB: only the first 1 MiB is scanned.
        let repeated = "摊派".repeat(400_000);
        let found = detect_conduct(&repeated);
        assert_eq!(found.len(), (1 << 20) / 6);
        assert_eq!(found.last().map(|m| m.end), Some(2 * found.len()));

        let spaces = " ".repeat(3 << 20);
        assert!(detect_conduct(&spaces).is_empty());

        let spaced = "摊 派 😀\u{3000}".repeat(200_000);
        let found = detect_conduct(&spaced);
        assert!(!found.is_empty());
        assert!(found
            .iter()
            .all(|m| m.phrase == "摊 派" && m.end == m.start + 3));

        let ascii = "a".repeat(2 << 20);
        assert!(detected_ids(&ascii).is_empty());
    }

    proptest::proptest! {
        /// Whatever the text, spans are in bounds, sorted, disjoint, and `phrase` is exactly
        /// the characters between `start` and `end`, which start and end on a non-space.
        #[test]
        fn spans_always_match_the_text(text in "[摊派强制入会违约乱 \u{3000}\n\u{200B}😀a，]{0,40}") {
            let chars: Vec<char> = text.chars().collect();
            let found = detect_conduct(&text);
            let mut last_end = 0;
            for m in &found {
                proptest::prop_assert!(last_end <= m.start && m.start < m.end && m.end <= chars.len());
                proptest::prop_assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.phrase.clone());
                proptest::prop_assert!(!chars[m.start].is_whitespace() && !chars[m.end - 1].is_whitespace());
                let squeezed: String = m.phrase.chars().filter(|c| !c.is_whitespace() && *c != '\u{200B}').collect();
                proptest::prop_assert!(m.id.phrases().any(|p| p == squeezed));
                last_end = m.end;
            }
        }
    }
}
