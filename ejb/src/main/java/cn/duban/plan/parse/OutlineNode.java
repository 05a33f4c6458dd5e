package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;

/** A numbered item while the outline is being built; table rows bring their units and deadline. */
final class OutlineNode {
    final Numbering style;
    final String number;
    final int value;
    final StringBuilder text = new StringBuilder();
    final List<OutlineNode> children = new ArrayList<>();
    List<UnitRef> tableUnits;
    String tableDeadline;

    /** The people of a 责任领导 column. */
    List<String> tableLeaders;

    /**
     * The last line of the text, when it is a labelled bracket on its own ("(责任单位:…)"): it may be
     * its parent's (see PlanParser.liftTrailingAnnotations).
     */
    String trailingAnnotation;

    /** The group cell a heading was made from (table rows grouped by a 类别/板块 column). */
    String groupCell;

    OutlineNode(Numbering style, String number, int value, String text) {
        this.style = style;
        this.number = number;
        this.value = value;
        this.text.append(text);
    }
}
