package dev.stagehand.twitchsim.emotes;

import dev.stagehand.twitchsim.Png;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emote images drawn by the simulator (a coloured badge with the emote's initials), so that overlays show real
 * images on a machine with no access to the providers' CDNs.
 */
final class EmoteImages {

    private static final int BASE_SIZE = 28;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    byte[] png(String id, String label, int scale) {
        return cache.computeIfAbsent(id + "@" + scale, key -> draw(id, label, Math.max(1, Math.min(4, scale))));
    }

    private static byte[] draw(String id, String label, int scale) {
        int size = BASE_SIZE * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.getHSBColor(Math.floorMod(id.hashCode(), 360) / 360f, 0.6f, 0.85f));
            g.fillRoundRect(0, 0, size, size, size / 3, size / 3);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11 * scale));
            String initials = label.length() <= 2 ? label : label.substring(0, 2);
            int width = g.getFontMetrics().stringWidth(initials);
            g.drawString(initials, (size - width) / 2, size / 2 + 4 * scale);
        } finally {
            g.dispose();
        }
        return Png.of(image);
    }
}
