package cn.duban.demo;

import cn.duban.demo.DemoScript.Step;
import cn.duban.ledger.Task;

/** The words of the demo year: what units report, what the office answers. */
final class DemoTexts {

    private static final String[] PROGRESS = {
        "已召开专题部署会，明确责任科室和联络人，制定工作方案并报分管领导审定。",
        "已完成相关信息的梳理和初审，按计划在政府网站专栏发布，同步做好政策解读。",
        "已组织业务培训1次，参训人员42人次；正在对照标准逐项自查，问题清单已建立。",
        "已完成阶段目标，相关材料已归档；下一步将结合群众反馈持续优化。"
    };

    private static final String[] RETURNS = {
        "佐证材料不完整，请补充会议纪要和网站发布截图。", "完成情况表述笼统，请写明具体数量、时间节点和成效。", "附件与本任务无关，请上传对应的工作台账。"
    };

    private DemoTexts() {}

    static String report(Step step, boolean last) {
        String text = PROGRESS[Math.floorMod(step.task().hashCode(), PROGRESS.length)];
        return last ? "任务已全部完成。" + text : "当前进度" + step.value() + "%。" + text;
    }

    static String corrected(Step step) {
        return "根据审核意见补充修改：已补充会议纪要、网站发布截图和工作台账，写明完成数量和时间节点。"
                + PROGRESS[Math.floorMod(step.task().hashCode(), PROGRESS.length)];
    }

    static String returnComment(Step step) {
        return RETURNS[Math.floorMod(step.task().hashCode(), RETURNS.length)];
    }

    static String reminder(Task t) {
        return "该任务已超过完成时限（" + t.getDeadline() + "），请抓紧办理并于3个工作日内报送进展及佐证材料。";
    }
}
