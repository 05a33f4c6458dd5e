package cn.duban.demo;

import cn.duban.demo.DemoScript.Step;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Evidence files of the demo year: small real PNG pictures, a few kinds drawn once per run. */
final class DemoEvidence {

    private static final String[] NAMES = {"现场照片", "会议纪要", "网站发布截图", "工作台账"};
    private static final Color[] TINTS = {
        new Color(0x2f6fb0), new Color(0x3a9a5b), new Color(0xc0792a), new Color(0x8a4fb8)
    };

    private final byte[][] drawn = new byte[TINTS.length][];

    String name(Step step, boolean last) {
        int k = kind(step);
        return (last ? "完成" : "进展") + NAMES[k] + "-" + step.at().toLocalDate() + ".png";
    }

    byte[] png(Step step) {
        int k = kind(step);
        if (drawn[k] == null) drawn[k] = draw(TINTS[k], k);
        return drawn[k];
    }

    private static int kind(Step step) {
        return Math.floorMod(step.task().hashCode() + step.action().ordinal(), NAMES.length);
    }

    private static byte[] draw(Color tint, int k) {
        BufferedImage img = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 480, 320);
            g.setColor(tint);
            g.fillRect(0, 0, 480, 56);
            for (int i = 0; i < 5; i++) {
                g.setColor(i % 2 == 0 ? tint.brighter() : new Color(0xdddddd));
                g.fillRect(32, 88 + i * 42, 416 - (i * 37 + k * 11) % 160, 24);
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
