package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 文号 cited inside a sentence of the preamble names another document (the plan this one breaks
 * down), not this one: its year is not the plan's (yuncheng-city-2017 of the accuracy corpus).
 */
class CitedDocNumberTest {

    private static final String TEXT =
            """
            运城市人民政府办公厅关于印发运城市突发事件应急体系建设“十三五”规划责任分解的通知
            各县(市、区)人民政府,各开发区管委会,市直各有关单位:
            运城市人民政府办公厅
            2017年4月13日
            运城市突发事件应急体系建设“十三五”规划责任分解
            为提高应对突发事件和各种风险的能力,根据《运城市突发事件应急体系建设“十三五”规划》(运政办发〔2016〕76号)精神,现将《规划》中明确提出的具体建设任务进行责任分解。
            (一)“一案三制”建设
            1.完善应急预案体系
            """;

    @Test
    void aDocNumberCitedInASentenceIsNotThePlansOwn() {
        ParsedPlan plan = new PlanParser().parse(TEXT, ParseOptions.defaults());
        assertThat(plan.year()).isEqualTo(2017);
        assertThat(plan.docNumber()).isNull();
    }

    @Test
    void aDocNumberOnItsOwnLineIsThePlansOwn() {
        ParsedPlan plan =
                new PlanParser()
                        .parse(
                                "关于印发2017年定陶区政务公开工作要点的通知\n菏定政办发〔2017〕26号\n一、围绕稳增长推进政务公开\n(一)加强预期引导。\n",
                                ParseOptions.defaults());
        assertThat(plan.docNumber()).isEqualTo("菏定政办发〔2017〕26号");
    }
}
