package cn.duban.scale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Word lists for plausible Chinese names and texts: districts and towns from place-name syllables
 * (with their pinyin for ids and codes), real department names, work-point titles in the style of
 * 工作要点, and progress report wording.
 */
final class Vocabulary {

    /** A place-name syllable and its pinyin (tone-less, for ids and unit codes). */
    private record Syllable(String hanzi, String pinyin) {}

    /**
     * A generated district: tenant id, name (某某区) and its short form for document numbers (某府办).
     */
    record District(String id, String name, String abbreviation) {}

    /** A department every district has, with the code and aliases a plan may use. */
    record Department(String code, String name, List<String> aliases) {}

    /** A town: name (某某街道, 某某镇) and code. */
    record Town(String code, String name) {}

    private static final Syllable[] SYLLABLES =
            syllables(
                    "青qing 松song 江jiang 金jin 山shan 宝bao 华hua 新xin 兴xing 海hai 天tian 泉quan 林lin 桥qiao 平ping 丰feng "
                            + "盛sheng 永yong 福fu 隆long 昌chang 泰tai 康kang 源yuan 云yun 溪xi 岭ling 州zhou 梅mei 桃tao 柳liu 石shi "
                            + "沙sha 港gang 塘tang 亭ting 庄zhuang 园yuan 德de 仁ren 广guang 顺shun 湖hu 河he 阳yang 城cheng 东dong 西xi "
                            + "南nan 北bei 安an 宁ning 明ming 浦pu 汇hui 虹hong 静jing 秀xiu 枫feng 槐huai 荷he 苏su 鹿lu 鹤he 瑞rui "
                            + "祥xiang 通tong 达da 怀huai 远yuan 观guan 朝chao 晨chen 光guang 文wen 春chun 秋qiu 星xing 月yue 龙long 凤feng");

    private static final List<Department> DEPARTMENTS =
            List.of(
                    dept("fgw", "区发改委", "区发展改革委", "区发展和改革委员会"),
                    dept("swei", "区商务委", "区商务委员会"),
                    dept("kw", "区科委", "区科学技术委员会"),
                    dept("mzj", "区民政局"),
                    dept("rsj", "区人社局", "区人力资源和社会保障局"),
                    dept("ghzy", "区规划资源局"),
                    dept("sthj", "区生态环境局"),
                    dept("jgw", "区建管委", "区建设管理委员会"),
                    dept("wlj", "区文旅局", "区文化和旅游局"),
                    dept("sjj", "区数据局"),
                    dept("sfj", "区司法局"),
                    dept("rmt", "区融媒体中心"),
                    dept("jyj", "区教育局"),
                    dept("scjg", "区市场监管局", "区市场监督管理局"),
                    dept("fgj", "区房管局", "区房屋管理局"),
                    dept("cyzx", "区城运中心", "区城市运行管理中心"),
                    dept("wjw", "区卫生健康委", "区卫健委"),
                    dept("wbb", "区委编办"),
                    dept("czj", "区财政局"),
                    dept("tcb", "区投促办", "区投资促进办公室"),
                    dept("xwb", "区新闻办"),
                    dept("sjiju", "区审计局"),
                    dept("tjj", "区统计局"),
                    dept("yjj", "区应急局", "区应急管理局"),
                    dept("tyjr", "区退役军人局", "区退役军人事务局"),
                    dept("ybj", "区医保局", "区医疗保障局"),
                    dept("lhsr", "区绿化市容局", "区绿化和市容管理局"),
                    dept("swj", "区水务局"),
                    dept("tyj", "区体育局"),
                    dept("gzw", "区国资委", "区国有资产监督管理委员会"),
                    dept("xfb", "区信访办"),
                    dept("gafj", "区公安分局"),
                    dept("cgzf", "区城管执法局", "区城市管理行政执法局"),
                    dept("jgj", "区机管局", "区机关事务管理局"),
                    dept("daj", "区档案局"),
                    dept("nyw", "区农业农村委"),
                    dept("mzb", "区民宗办"),
                    dept("cl", "区残联"),
                    dept("zgh", "区总工会"),
                    dept("fl", "区妇联"),
                    dept("tqw", "团区委"),
                    dept("hszh", "区红十字会"),
                    dept("gsl", "区工商联"),
                    dept("qlb", "区侨办"));

    /**
     * Town name endings with their code suffix; streets (街道) outnumber towns (镇) in a city
     * district.
     */
    private static final String[][] TOWN_KINDS = {
        {"街道", ""},
        {"街道", ""},
        {"街道", ""},
        {"路街道", "lu"},
        {"路街道", "lu"},
        {"新村街道", "xincun"},
        {"镇", "zhen"},
        {"镇", "zhen"}
    };

    static final String[] PLAN_TOPICS = {
        "政务公开", "优化营商环境", "数字化转型", "生态环境保护", "城市更新", "民生实事项目", "安全生产", "法治政府建设",
        "科技创新", "基层治理", "文化旅游发展", "教育综合改革", "卫生健康", "养老服务体系建设", "促进就业", "招商引资",
        "河长制", "生活垃圾分类", "平安建设", "一网通办", "一网统管", "重点工作任务分解", "为民办实事", "社会信用体系建设"
    };

    private static final String[] SECTION_TITLES = {
        "加强组织领导，压实工作责任", "聚焦重点领域，推动高质量发展", "深化改革创新，激发发展活力", "优化营商环境，提升服务效能",
        "坚持民生优先，增进民生福祉", "强化数字赋能，提升治理水平", "推进城市更新，提升城区品质", "筑牢安全底线，维护社会稳定",
        "加强法治建设，规范权力运行", "健全监督机制，确保落地见效", "夯实工作基础，提升履职能力", "完善制度体系，推进规范管理",
        "加强宣传引导，营造良好氛围", "强化统筹协调，形成工作合力", "深化信息公开，回应社会关切", "提升公共服务，促进共建共享",
        "推动绿色发展，建设美丽城区", "激发市场活力，稳定经济增长", "加强队伍建设，提升专业水平", "狠抓任务落实，加强督查考核"
    };

    private static final String[] VERBS = {
        "深化", "推进", "加强", "完善", "健全", "推动", "落实", "优化", "提升", "建立", "开展", "实施", "打造", "探索", "强化",
        "扩大", "规范", "加快", "构建", "持续推进"
    };

    private static final String[] OBJECTS = {
        "政务数据共享",
        "惠企政策集中公开",
        "一网通办服务",
        "营商环境改革",
        "城市更新项目",
        "老旧小区改造",
        "社区养老服务",
        "基层社会治理",
        "河道综合整治",
        "生活垃圾分类",
        "公共文化服务",
        "义务教育优质均衡",
        "家门口就业服务",
        "医疗卫生服务",
        "安全生产隐患排查",
        "消防安全专项治理",
        "食品安全监管",
        "市场主体培育",
        "招商引资",
        "科技创新载体建设",
        "人才引进",
        "重点项目建设",
        "数字化转型",
        "智慧城市运行",
        "网格化管理",
        "信访矛盾化解",
        "法治政府建设",
        "行政执法监督",
        "政府信息依申请公开",
        "政策解读",
        "公文公开属性审查",
        "预算绩效管理",
        "国有资产管理",
        "审计整改",
        "生态环境保护",
        "大气污染防治",
        "绿化建设",
        "美丽街区建设",
        "停车难治理",
        "既有多层住宅加装电梯",
        "保障性租赁住房",
        "物业管理",
        "为老服务",
        "托育服务",
        "残疾人服务",
        "退役军人服务",
        "应急管理体系",
        "防汛防台",
        "燃气安全",
        "交通秩序整治",
        "文旅融合",
        "体育设施建设",
        "商圈能级提升",
        "夜间经济",
        "楼宇经济",
        "金融服务实体经济",
        "中小企业服务",
        "知识产权保护",
        "信用体系建设",
        "档案数字化"
    };

    private static final String[] TAILS = {
        "工作", "机制", "体系建设", "专项行动", "改革", "试点", "三年行动计划", "长效管理", "标准化建设", "能力建设", "全覆盖", "提质增效",
        "", ""
    };

    private static final String[] DETAILS = {
        "聚焦群众关切，细化工作措施，明确时间节点", "建立工作台账，实行清单化管理、项目化推进", "加强部门协同，形成工作合力",
        "完善考核评价机制，定期通报工作进展", "依托大数据平台，提升精细化管理水平", "加大宣传力度，营造良好社会氛围",
        "强化督促检查，确保各项任务落地见效", "梳理问题清单，逐项推动整改销号", "总结推广典型经验，形成可复制可推广的做法",
        "落实属地责任，压实主体责任", "开展专题培训，提升工作人员业务能力", "加强经费保障，统筹用好各类资金",
        "主动对接市级部门，争取政策和项目支持", "畅通群众参与渠道，广泛听取意见建议", "健全工作制度，推动常态长效"
    };

    private static final String[] MILESTONE_ACTIONS = {
        "完成方案制定", "完成调研摸底", "形成初步成果", "完成中期评估", "出台实施细则", "完成项目立项", "启动试点"
    };

    private static final String[] REPORT_OPENERS = {
        "按照工作要求，", "本阶段，", "截至目前，", "围绕年度目标，", "根据任务分工，", ""
    };

    private static final String[] REPORT_ITEMS = {
        "已完成方案制定并印发实施", "召开专题推进会%d次", "梳理形成问题清单%d项，已整改%d项", "完成调研走访%d家单位",
        "开展专项检查%d次，发现问题%d个", "组织业务培训%d场", "相关工作已纳入年度重点督办事项", "完成系统功能开发并上线试运行",
        "累计受理办结事项%d件", "完成点位排摸%d处，已落实整改%d处", "印发工作提示%d份"
    };

    private static final String[] REPORT_CLOSERS = {
        "下一步将继续加强统筹协调，确保按期完成。", "下一步将聚焦薄弱环节，加快推进落实。", "存在的问题：部门协同有待加强，已协调解决。", "相关佐证材料已上传。", ""
    };

    private static final String[] RETURN_COMMENTS = {
        "佐证材料不完整，请补充会议纪要或现场照片。",
        "进展情况表述笼统，请量化说明完成情况。",
        "完成时限与计划不符，请说明原因。",
        "未对照任务要求逐项说明，请补充后重新报送。",
        "请补充下一步工作计划。"
    };

    private static final String[] APPROVAL_COMMENTS = {"同意。", "进展符合要求，请继续推进。", "材料齐全，审核通过。"};

    private Vocabulary() {}

    /** Distinct district names and ids, avoiding the demo tenants. */
    static List<District> districts(long seed, int count) {
        SplittableRandom r = Seeds.rng(seed, Seeds.Stream.TENANT_NAMES, 0, 0);
        Set<String> ids = new HashSet<>(Set.of("putuo", "jiading"));
        Set<String> names = new HashSet<>(Set.of("普陀区", "嘉定区"));
        List<District> out = new ArrayList<>(count);
        for (int attempt = 0; out.size() < count; attempt++) {
            Syllable a = pick(r, SYLLABLES), b = pick(r, SYLLABLES);
            if (a == b) continue;
            // Past a few thousand names the pairs run out: a number keeps ids unique.
            String id = a.pinyin + b.pinyin + (attempt > 5_000 ? "-" + out.size() : "");
            String name = a.hanzi + b.hanzi + (attempt > 5_000 ? out.size() : "") + "区";
            if (ids.add(id) && names.add(name)) out.add(new District(id, name, a.hanzi));
        }
        return out;
    }

    /** The departments of a district; past the known list, numbered task forces (专班). */
    static List<Department> departments(int count) {
        List<Department> out =
                new ArrayList<>(DEPARTMENTS.subList(0, Math.min(count, DEPARTMENTS.size())));
        for (int i = out.size(); i < count; i++) {
            out.add(new Department("zb" + (i + 1), "区第" + (i + 1) + "工作专班", List.of()));
        }
        return out;
    }

    static List<Town> towns(SplittableRandom r, int count) {
        Set<String> codes = new HashSet<>(), names = new HashSet<>();
        for (Department d : DEPARTMENTS) codes.add(d.code());
        codes.add("qfb");
        List<Town> out = new ArrayList<>(count);
        for (int attempt = 0; out.size() < count; attempt++) {
            Syllable a = pick(r, SYLLABLES), b = pick(r, SYLLABLES);
            if (a == b) continue;
            String[] kind = TOWN_KINDS[r.nextInt(TOWN_KINDS.length)];
            String extra = attempt > 10_000 ? String.valueOf(out.size()) : "";
            String code = a.pinyin + b.pinyin + kind[1] + extra;
            String name = a.hanzi + b.hanzi + extra + kind[0];
            if (code.length() <= 40 && codes.add(code) && names.add(name))
                out.add(new Town(code, name));
        }
        return out;
    }

    static List<String> sectionTitles(SplittableRandom r, int count) {
        List<String> all = new ArrayList<>(List.of(SECTION_TITLES));
        shuffle(r, all);
        List<String> out = new ArrayList<>(all.subList(0, Math.min(count, all.size())));
        while (out.size() < count) out.add(all.get(out.size() % all.size()) + "（续）");
        return out;
    }

    static String chineseNumber(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) return digits[n];
        if (n < 20) return "十" + digits[n % 10];
        return digits[n / 10] + "十" + digits[n % 10];
    }

    /** A work point's lead phrase, e.g. 深化政务数据共享机制. */
    static String pointTitle(SplittableRandom r) {
        return pick(r, VERBS) + pick(r, OBJECTS) + pick(r, TAILS);
    }

    static String pointDetails(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        for (String d : distinct(r, DETAILS, 1 + r.nextInt(3))) sb.append('，').append(d);
        return sb.toString();
    }

    static String milestoneAction(SplittableRandom r) {
        return pick(r, MILESTONE_ACTIONS);
    }

    /** What a unit writes in a progress report. */
    static String reportText(SplittableRandom r, int percent, boolean last) {
        StringBuilder sb = new StringBuilder(last ? "本项任务已全部完成。" : pick(r, REPORT_OPENERS));
        List<String> items = distinct(r, REPORT_ITEMS, 1 + r.nextInt(3));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append('，');
            int found = 2 + r.nextInt(30);
            sb.append(String.format(items.get(i), found, 1 + r.nextInt(found)));
        }
        sb.append('，').append(last ? "目标任务全部完成" : "总体进度约" + percent + "%").append('。');
        return sb.append(pick(r, REPORT_CLOSERS)).toString();
    }

    static String returnComment(SplittableRandom r) {
        return pick(r, RETURN_COMMENTS);
    }

    /** Most approvals carry no comment. */
    static String approvalComment(SplittableRandom r) {
        return r.nextInt(10) < 3 ? pick(r, APPROVAL_COMMENTS) : null;
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** n different values (n small against the list). */
    static List<String> distinct(SplittableRandom r, String[] values, int n) {
        List<String> out = new ArrayList<>(n);
        while (out.size() < Math.min(n, values.length)) {
            String v = pick(r, values);
            if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    static <T> void shuffle(SplittableRandom r, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static Department dept(String code, String name, String... aliases) {
        return new Department(code, name, List.of(aliases));
    }

    private static Syllable[] syllables(String spec) {
        return java.util.Arrays.stream(spec.split(" "))
                .map(s -> new Syllable(s.substring(0, 1), s.substring(1)))
                .toArray(Syllable[]::new);
    }
}
