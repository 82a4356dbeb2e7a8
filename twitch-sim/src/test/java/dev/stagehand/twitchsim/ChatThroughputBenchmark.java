package dev.stagehand.twitchsim;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many chat messages a second the simulator pushes to one connection: every message is a fully tagged PRIVMSG
 * built by {@code SimChat.say} (emote ranges, UUID, timestamp), fanned out, batched into frames and written to a
 * WebSocket client on loopback that counts the lines it receives. The sender keeps at most {@code WINDOW} messages
 * in flight, so the figure is sustained end-to-end throughput, not how fast a queue fills.
 *
 * <p>Run: {@code ./stagehand bench sim-chat 2000000} (messages). It ends with the line {@code ./stagehand bench}
 * gathers: {@code benchmark-result|what|rate|latency|CPU µs per unit}.
 */
public final class ChatThroughputBenchmark {

    private static final int WINDOW = 100_000;
    private static final String[] TEXTS = {"Kappa that was close", "LUL LUL LUL", "gg wp", "!uptime",
            "PogChamp PogChamp what a play", "hello chat 😀 HeyGuys", "how long has the stream been on?"};

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        try (TwitchSim twitch = TwitchSim.start(0)) {
            twitch.world().user("streamer");
            AtomicLong received = new AtomicLong();
            CountDownLatch joined = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(twitch.chatUrl()), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            long lines = 0;
                            for (int i = 0; i < data.length(); i++) {
                                if (data.charAt(i) == '\n') {
                                    lines++;
                                }
                            }
                            if (joined.getCount() > 0 && data.toString().contains("ROOMSTATE")) {
                                joined.countDown();
                            } else if (received.addAndGet(lines) >= total) {
                                done.countDown();
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            socket.sendText("CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan42\r\nJOIN #streamer\r\n",
                    true).join();
            joined.await(10, TimeUnit.SECONDS);

            warmUp(twitch, received);
            received.set(0);
            long started = System.nanoTime();
            long cpuBefore = cpuNanos();
            for (long sent = 0; sent < total; sent++) {
                while (sent - received.get() > WINDOW) {
                    Thread.onSpinWait();
                }
                twitch.chat().say("streamer", "chatter" + (sent % 500), TEXTS[(int) (sent % TEXTS.length)]);
            }
            done.await(120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMicros = (cpuNanos() - cpuBefore) / 1e3 / received.get();
            System.out.printf("twitch-sim chat throughput: %,d tagged PRIVMSGs to one WebSocket connection in %.2f s"
                    + " = %,.0f messages/s (%d cores)%n", received.get(), seconds, received.get() / seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("benchmark-result|messages to one connection|%,.0f msg/s|-|%.1f (this JVM)%n",
                    received.get() / seconds, cpuMicros);
            System.out.println("Re-run: ./stagehand bench sim-chat " + total);
            socket.abort();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void warmUp(TwitchSim twitch, AtomicLong received) throws InterruptedException {
        for (int i = 0; i < 200_000; i++) {
            twitch.chat().say("streamer", "warmup" + (i % 50), "warming up Kappa");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < 200_000 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
