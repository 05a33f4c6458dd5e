package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.ledger.SignOff.Decision;
import cn.duban.plan.ReferenceKind;
import cn.duban.plan.SourceReference;
import cn.duban.plan.TaskSource;
import org.junit.jupiter.api.Test;

/** A key task's sign-off steps, and how a matter's source reads. */
class SignOffTest {

    @Test
    void aLeaderSignsOffOrSendsBackOnlyWhatAwaits() {
        assertThat(SignOff.next(SignOff.AWAITING, Decision.SIGN_OFF)).isEqualTo(SignOff.SIGNED_OFF);
        assertThat(SignOff.next(SignOff.AWAITING, Decision.SEND_BACK)).isEqualTo(SignOff.SENT_BACK);
        assertThat(SignOff.next(SignOff.SENT_BACK, Decision.ASK_AGAIN)).isEqualTo(SignOff.AWAITING);
        for (SignOff from : new SignOff[] {null, SignOff.SIGNED_OFF, SignOff.SENT_BACK}) {
            assertThatThrownBy(() -> SignOff.next(from, Decision.SIGN_OFF))
                    .hasFieldOrPropertyWithValue("code", "signoff.not-awaiting")
                    .hasFieldOrPropertyWithValue("status", 409);
        }
        assertThatThrownBy(() -> SignOff.next(SignOff.AWAITING, Decision.ASK_AGAIN))
                .hasFieldOrPropertyWithValue("code", "signoff.not-sent-back");
        assertThatThrownBy(() -> SignOff.next(null, Decision.ASK_AGAIN))
                .hasFieldOrPropertyWithValue("code", "signoff.not-sent-back");
    }

    @Test
    void aSourceReadsByNameOrLabelAndItsReferenceKindFollowsTheSource() {
        assertThat(TaskSource.parse("政协提案")).isEqualTo(TaskSource.CPPCC_PROPOSAL);
        assertThat(TaskSource.parse(" hotline_12345 ")).isEqualTo(TaskSource.HOTLINE_12345);
        assertThat(TaskSource.parse("12345")).isEqualTo(TaskSource.HOTLINE_12345);
        assertThat(TaskSource.parse("其他")).isNull();
        SourceReference r = new SourceReference(TaskSource.LEADER_INSTRUCTION, null, " 张区长 ");
        assertThat(r.kind()).isEqualTo(ReferenceKind.INSTRUCTED_BY);
        assertThat(r.display()).isEqualTo("领导批示（批示人：张区长）");
        assertThat(new SourceReference(TaskSource.MEETING_DECISION, null, " ").display())
                .isEqualTo("会议决定事项");
        assertThat(new SourceReference(null, null, null).source()).isEqualTo(TaskSource.PLAN);
    }
}
