package dev.stagehand.twitchsim.helix;

import dev.stagehand.twitchsim.Png;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * What Twitch's clip CDN and clip pages are for the simulator's clips: a thumbnail drawn from the clip (the stream's
 * title and broadcaster on a colour of its own) and a page that shows it, so that the demo's clips show and open on a
 * machine with no access to Twitch.
 */
public final class ClipPages {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 272;

    private final SimClips clips;
    private final Map<String, byte[]> thumbnails = new ConcurrentHashMap<>();
    private volatile String baseUrl = "";

    public ClipPages(SimClips clips) {
        this.clips = clips;
    }

    /** The simulator's own address, which clip URLs start with. */
    public void baseUrl(String url) {
        baseUrl = url;
    }

    String pageUrl(SimClip clip) {
        return baseUrl + "/clips/" + clip.id();
    }

    String thumbnailUrl(SimClip clip) {
        return pageUrl(clip) + "/thumbnail-480x272.png";
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/clips/{id}/thumbnail-480x272.png", this::thumbnail).get("/clips/{id}", this::page);
    }

    private Mono<Void> thumbnail(HttpServerRequest request, HttpServerResponse response) {
        return clip(request.param("id"))
                .map(clip -> response.status(200).header("Content-Type", "image/png")
                        .header("Cache-Control", "max-age=86400")
                        .sendByteArray(Mono.just(thumbnails.computeIfAbsent(clip.id(), id -> draw(clip)))).then())
                .orElseGet(() -> response.status(404).send());
    }

    private Mono<Void> page(HttpServerRequest request, HttpServerResponse response) {
        return clip(request.param("id"))
                .map(clip -> response.status(200).header("Content-Type", "text/html; charset=utf-8")
                        .sendString(Mono.just("""
                                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                                <body style="font:15px system-ui,sans-serif;margin:2rem;background:#0e0e10;color:#efeff1">
                                <h1>%s</h1><p>%s, clipped by %s, %.0f s</p><img src="%s" alt="%s" width="480"
                                height="272"><p>A clip of the Twitch simulator: the real Twitch would play it here.</p>
                                </body></html>
                                """.formatted(escape(clip.stream().title()), escape(clip.stream().title()),
                                escape(clip.stream().broadcaster().displayName()), escape(clip.creator().displayName()),
                                clip.duration(), thumbnailUrl(clip), escape(clip.stream().title())))).then())
                .orElseGet(() -> response.status(404).send());
    }

    private Optional<SimClip> clip(String id) {
        return clips.all().stream().filter(clip -> clip.id().equals(id)).findFirst();
    }

    private static byte[] draw(SimClip clip) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = Math.floorMod(clip.id().hashCode(), 360) / 360f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.7f, 0.55f), WIDTH, HEIGHT,
                    Color.getHSBColor(hue + 0.15f, 0.8f, 0.25f)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            String title = clip.stream().title();
            g.drawString(title.length() > 30 ? title.substring(0, 29) + "…" : title, 24, HEIGHT - 64);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
            g.drawString(clip.stream().broadcaster().displayName() + " · " + Math.round(clip.duration()) + " s",
                    24, HEIGHT - 32);
            g.fillPolygon(new int[] {WIDTH / 2 - 22, WIDTH / 2 - 22, WIDTH / 2 + 26},
                    new int[] {HEIGHT / 2 - 56, HEIGHT / 2 + 8, HEIGHT / 2 - 24}, 3);
        } finally {
            g.dispose();
        }
        return Png.of(image);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
