package cn.duban.plan.parse;

import java.util.regex.Pattern;

/**
 * Lines that are never work points: web-page chrome (breadcrumbs, 分享到, 责任编辑, 关闭窗口, 索引号 tables …),
 * document furniture (抄送, 印发, 共印N份, 附件) and page numbers.
 */
final class Noise {

    // All patterns here are linear. With matches(): one attempt per line, bounded quantifiers
    // ({0,20}, {2,60}, {2,80}, {2,40}). With find(): a match starts at a literal and each \s* sits
    // between tokens that are not spaces (FURNITURE's ^附件\s*[:：]?\s*\d? always matches once it
    // starts, so nothing is retried); FONT and PAGE_NUMBER, which split a run, are possessive.
    private static final Pattern ADDRESSEES_2 = Pattern.compile("^[^。]{0,20}各[^。]{2,60}[:：]$");

    // Literal words first: a long alternation regex tried at every position is the slow part.
    private static final String[] CHROME_WORDS = {
        "分享到",
        "责任编辑",
        "关闭窗口",
        "打印本页",
        "【打印】",
        "【关闭】",
        "我要留言",
        "【字体",
        "浏览次数",
        "阅读次数",
        "访问量",
        "扫一扫",
        "版权所有",
        "Copyright",
        "©",
        "ICP备",
        "网站标识码",
        "技术支持",
        "联系我们",
        "网站地图",
        "正文内容区域"
    };
    private static final String[] CHROME_STARTS = {
        "首页", "当前位置", "您当前的位置", "您的位置", "当前路径", "相关链接", "相关文件", "相关解读", "相关阅读", "上一篇", "下一篇"
    };
    private static final Pattern CHROME_LABELS =
            Pattern.compile(
                    "(?:^来源|^发布时间|索引号|主题分类|发文机关|成文日期|发布日期|发文字号|有效性|公开方式|信息来源|发布机构|生效日期|关键词|文\\s*号|点击数|主办单位|承办单位)\\s*[:：|]");
    static final Pattern CHROME_WHOLE =
            Pattern.compile("收藏|返回顶部|返回|关闭|打印|分享|【.{1,6}】|\\[?(微信|微博|QQ空间)\\]?");

    /**
     * The first characters of CHROME_WHOLE and PAGE_NUMBER matches: other lines need no Matcher.
     */
    static final String CHROME_WHOLE_STARTS = "收返关打分【[微Q";

    static final String PAGE_NUMBER_STARTS = "-—–－ \t\n\u000B\f\r0123456789第";
    // \s*+[【\[]?\s*+: possessive for the same reason as PAGE_NUMBER's.
    static final Pattern FONT = Pattern.compile("字体[:：]?\\s*+[【\\[]?\\s*+大");
    private static final Pattern FURNITURE =
            Pattern.compile(
                    "^抄送|^印发|印发$|^主送|共印\\s*\\d+\\s*份|^附件\\s*[:：]?\\s*\\d?|^[（(]此件.{0,8}[）)]$|^[（(]?联系人|^联系电话");
    private static final Pattern LABELLED =
            Pattern.compile("(发文机关|发布机构|发文单位|成文日期|发文字号|文\\s*号)\\s*[:：|]");
    // \s*[,，/]?\s* split a run of spaces between two quantifiers (quadratic; lines are <= 120
    // characters here, but no pattern should rely on that): possessive runs match the same, as a
    // space given back by one \s* could only be taken by the next.
    static final Pattern PAGE_NUMBER =
            Pattern.compile(
                    "^[-—–－\\s]*\\d{1,3}[-—–－\\s]*$|^第\\s*+\\d++\\s*+页(\\s*+[,，/]?\\s*+共\\s*+\\d++\\s*+页)?$");
    private static final Pattern DATE_LINE =
            Pattern.compile(
                    "^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$|^\\d{4}-\\d{1,2}-\\d{1,2}$");
    private static final Pattern ISSUER_LINE =
            Pattern.compile(
                    "^[\\u4e00-\\u9fa5（）()]{2,40}(人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|办事处|委员会|领导小组|管委会|党委|党工委|政府)$");

    /** 主送: "区政府各委、办、局，各街道办事处、镇政府：" */
    private static final Pattern ADDRESSEES = Pattern.compile("^[^。]{2,80}[:：]$");

    private Noise() {}

    /** Chrome lines are short; a long line that mentions 公开方式 is a work point's text. */
    static boolean isChrome(String line) {
        if (line.length() > 120) return false;
        for (String w : CHROME_WORDS) if (line.contains(w)) return true;
        for (String w : CHROME_STARTS) if (line.startsWith(w)) return true;
        if ((line.indexOf(':') >= 0 || line.indexOf('：') >= 0 || line.indexOf('|') >= 0)
                && CHROME_LABELS.matcher(line).find()) return true;
        if (line.contains("字体") && FONT.matcher(line).find()) return true;
        if (line.isEmpty()) return false;
        char first = line.charAt(0);
        return CHROME_WHOLE_STARTS.indexOf(first) >= 0 && CHROME_WHOLE.matcher(line).matches()
                || PAGE_NUMBER_STARTS.indexOf(first) >= 0 && PAGE_NUMBER.matcher(line).matches();
    }

    static boolean isFurniture(String line) {
        return FURNITURE.matcher(line).find()
                || DATE_LINE.matcher(line).matches()
                || ISSUER_LINE.matcher(line).matches()
                || (ADDRESSEES.matcher(line).matches() && line.startsWith("各")
                        || ADDRESSEES_2.matcher(line).matches());
    }

    /** Chrome that still tells something about the document: 发文机关, 成文日期 … */
    static boolean isLabelledMetadata(String line) {
        return LABELLED.matcher(line).find();
    }

    static boolean isDateLine(String line) {
        return DATE_LINE.matcher(line).matches();
    }

    static boolean isIssuerLine(String line) {
        return ISSUER_LINE.matcher(line).matches();
    }
}
