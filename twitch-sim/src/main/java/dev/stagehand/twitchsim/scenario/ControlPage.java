package dev.stagehand.twitchsim.scenario;

import java.util.List;
import java.util.Map;

/** {@code /sim} for a person: the control routes, and the simulated world at a glance. */
final class ControlPage {

    private ControlPage() {
    }

    record Row(String method, String path, String parameters, String does) {
    }

    static String html(List<Row> routes, Map<String, Object> state, int webhooks) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Twitch simulator</title>
                <style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:70rem}
                table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;
                text-align:left;vertical-align:top}code{font-size:13px}</style></head><body>
                <h1>Twitch simulator</h1>
                <p>Stagehand's stand-in for Twitch (chat, Helix, EventSub, OAuth) and Discord. Every route below takes
                its parameters in the query string, e.g.
                <code>curl -X POST 'http://HOST/sim/channels/pixelpanda/burst?rate=40&amp;seconds=8'</code>.
                Ask with <code>Accept: application/json</code> for the world as JSON.</p>
                <h2>The world</h2><ul>
                """);
        if (state.get("channels") instanceof List<?> channels) {
            for (Object channel : channels) {
                if (channel instanceof Map<?, ?> it) {
                    page.append("<li><strong>").append(escape(it.get("login"))).append("</strong>: ")
                        .append(Boolean.TRUE.equals(it.get("live")) ? "live, " + escape(it.get("title")) + " ("
                                + escape(it.get("game")) + ", " + escape(it.get("viewers")) + " viewers)" : "offline")
                        .append(", ").append(escape(it.get("chatMessagesPerSecond"))).append(" messages/s, ")
                        .append(escape(it.get("chatClients"))).append(" chat clients</li>\n");
                }
            }
        }
        page.append("<li>EventSub: ").append(escape(state.get("eventSubSessions"))).append(" sessions, ")
            .append(escape(state.get("eventSubSubscriptions"))).append(" subscriptions; clips made: ")
            .append(escape(state.get("clips"))).append("; Discord webhooks: ").append(webhooks).append("</li></ul>\n")
            .append("<h2>Routes</h2><table><thead><tr><th>Route</th><th>Parameters</th><th>What it does</th></tr>")
            .append("</thead><tbody>\n");
        for (Row route : routes) {
            page.append("<tr><td><code>").append(route.method()).append(' ').append(escape(route.path()))
                .append("</code></td><td>").append(escape(route.parameters())).append("</td><td>")
                .append(escape(route.does())).append("</td></tr>\n");
        }
        return page.append("</tbody></table></body></html>\n").toString();
    }

    private static String escape(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
