package dev.stagehand.gateway.benchmark;

import dev.stagehand.gateway.WebUser;
import dev.stagehand.twitchsim.TwitchSim;
import dev.stagehand.twitchsim.discord.DiscordDelivery;
import dev.stagehand.twitchsim.discord.SimWebhook;
import dev.stagehand.twitchsim.world.SimGame;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Measures how long after a stream goes live its Discord announcement arrives, through one watcher alone: streamers
 * watched by webhooks go live at random moments, and the simulated Discord records when each announcement came.
 * A benchmark, not a test: it prints its figures.
 *
 * <p>Run: {@code ./stagehand bench go-live 100 60s 5 polling} (streamers, poll interval, streamers per webhook, and
 * the watcher: {@code polling}, {@code webhook} for EventSub webhooks, {@code socket} for EventSub sockets of
 * streamers who logged in; the others are cut off in the simulator).
 * Streamers go live spread over two intervals. Discord lets a webhook post 5 messages per 2 s: with many streamers
 * per webhook going live together, its 429s set the pace.
 */
public final class GoLiveBenchmark {

    public static void main(String[] args) throws Exception {
        int streamers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Duration interval = Duration.parse("PT" + (args.length > 1 ? args[1] : "60s").toUpperCase());
        int perWebhook = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String watcher = args.length > 3 ? args[3] : "polling";
        BenchmarkApplication.run(app -> run(app, streamers, interval, perWebhook, watcher),
                "--stagehand.streams.poll-interval=" + interval.toMillis() + "ms");
    }

    private static void run(ConfigurableApplicationContext app, int streamers, Duration interval, int perWebhook,
                            String watcher) throws Exception {
        TwitchSim sim = app.getBean(TwitchSim.class);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        sim.discord().approveAs("benchmark_admin");
        WebUser admin = new WebUser(base);
        admin.logIn("discord");
        WebTestClient api = admin.client(WebTestClient.bindToServer().baseUrl(base)
                .responseTimeout(Duration.ofSeconds(60)).build());
        List<String> logins = IntStream.range(0, streamers).mapToObj(i -> String.format("golive_%04d", i)).toList();
        List<SimWebhook> hooks = new ArrayList<>();
        String webhook = null;
        for (int i = 0; i < logins.size(); i++) {
            if (i % perWebhook == 0) {
                hooks.add(sim.discord().createWebhook("benchmark " + hooks.size()));
                webhook = (String) api.post().uri("/api/webhooks").bodyValue(Map.of("name", "Benchmark " + hooks.size(),
                                "url", hooks.get(hooks.size() - 1).url(sim.discordUrl()))).exchange()
                        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            }
            sim.world().user(logins.get(i));
            if (watcher.equals("socket")) {
                sim.oauth().approveAs(logins.get(i));
                new WebUser(base).logIn("twitch");
            }
            api.post().uri("/api/webhooks/{id}/subscriptions", webhook).bodyValue(Map.of("streamer", logins.get(i)))
                    .exchange().expectStatus().isCreated();
        }
        Thread.sleep(interval.toMillis());
        cutOffAllBut(sim, watcher, logins);

        SimGame game = sim.world().game("509658", "Just Chatting");
        Map<String, Instant> wentLive = new HashMap<>();
        long spread = interval.toMillis() * 2;
        long start = System.currentTimeMillis();
        CpuTime cpuBefore = CpuTime.now(0);
        List<Long> moments = logins.stream().map(login -> ThreadLocalRandom.current().nextLong(spread)).sorted()
                .toList();
        for (int i = 0; i < logins.size(); i++) {
            long wait = start + moments.get(i) - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            wentLive.put(logins.get(i), Instant.now());
            sim.world().goLive(logins.get(i), game, "Benchmark stream", 1);
        }
        long deadline = System.currentTimeMillis() + interval.toMillis() * 3 + 30_000;
        while (announcements(sim, hooks).size() < streamers && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }

        CpuTime cpu = CpuTime.now(0).since(cpuBefore);
        long[] latencies = announcements(sim, hooks).stream()
                .mapToLong(delivery -> Duration.between(wentLive.get(login(delivery)), delivery.at()).toMillis())
                .sorted().toArray();
        System.out.printf("%s: %d streamers (%d per webhook), poll interval %d s: %d announced; go-live to Discord "
                        + "p50 %.1f s, p99 %.1f s, max %.1f s%n", watcher, streamers, perWebhook, interval.toSeconds(),
                latencies.length,
                percentile(latencies, 0.5) / 1000.0, percentile(latencies, 0.99) / 1000.0,
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
        new BenchmarkResult(watcher, latencies.length + " of " + streamers + " announced",
                String.format("p50 %.1f / p99 %.1f s", percentile(latencies, 0.5) / 1000.0,
                        percentile(latencies, 0.99) / 1000.0), cpu.perUnit(latencies.length)).print();
        System.out.printf("Re-run: ./stagehand bench go-live %d %ds %d %s%n", streamers, interval.toSeconds(),
                perWebhook, watcher);
    }

    /** Leaves one watcher working: EventSub stops sending, or Helix's /streams fails so that polling sees nothing. */
    private static void cutOffAllBut(TwitchSim sim, String watcher, List<String> logins) throws InterruptedException {
        switch (watcher) {
            case "polling" -> sim.eventSub().outage("websocket", "webhook");
            case "webhook", "socket" -> {
                sim.eventSub().outage(watcher.equals("webhook") ? "websocket" : "webhook");
                sim.faults().failNext("/helix/streams", 503, Integer.MAX_VALUE);
                String transport = watcher.equals("webhook") ? "webhook" : "websocket";
                while (!logins.stream().allMatch(login -> sim.eventSub().subscriptionsTo(sim.world().user(login).id())
                        .contains(transport + " stream.online enabled"))) {
                    Thread.sleep(200);
                }
            }
            default -> throw new IllegalArgumentException("watcher must be polling, webhook or socket: " + watcher);
        }
    }

    private static List<DiscordDelivery> announcements(TwitchSim sim, List<SimWebhook> hooks) {
        return hooks.stream().flatMap(hook -> sim.discord().deliveriesTo(hook.id()).stream())
                .filter(delivery -> delivery.method().equals("POST")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String login(DiscordDelivery delivery) {
        Map<String, Object> embed = ((List<Map<String, Object>>) delivery.body().get("embeds")).get(0);
        String url = (String) embed.get("url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
    }
}
