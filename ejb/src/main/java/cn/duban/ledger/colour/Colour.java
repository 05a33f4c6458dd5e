package cn.duban.ledger.colour;

/**
 * A task's colour (红黄绿灯), by the tenant's {@link ColourRules}: red needs the district's action,
 * amber is a warning, green on track, blue finished (where the office uses blue), none for a
 * cancelled task. {@link #css()} is the class of the page's light.
 */
public enum Colour {
    RED("red"),
    AMBER("yellow"),
    GREEN("green"),
    BLUE("blue"),
    NONE("grey");

    private final String css;

    Colour(String css) {
        this.css = css;
    }

    public String css() {
        return css;
    }
}
