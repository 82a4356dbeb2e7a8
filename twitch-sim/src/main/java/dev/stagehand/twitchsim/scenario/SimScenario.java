package dev.stagehand.twitchsim.scenario;

import dev.stagehand.twitchsim.chat.SimChat;
import dev.stagehand.twitchsim.world.SimWorld;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Simulated channels that chat on their own: each has an audience talking at a steady rate, with the odd
 * subscription and raid, and can be made to burst (a highlight moment). One daemon thread drives them all.
 */
public final class SimScenario implements AutoCloseable {

    private static final long TICK_MS = 50;

    private record Activity(int audience, double messagesPerSecond, long burstUntilNanos, double burstRate) {
    }

    private final SimWorld world;
    private final SimChat chat;
    private final Map<String, Activity> channels = new ConcurrentHashMap<>();
    private final Map<String, Double> owed = new ConcurrentHashMap<>();
    private volatile Hype hype;
    private long hypes;

    /** Every {@code period}, the next of {@code channels} in turn bursts to {@code factor} times its rate. */
    private record Hype(List<String> channels, Duration period, double factor, Duration length, long nextNanos) {
    }
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twitch-sim-scenario");
        thread.setDaemon(true);
        return thread;
    });

    public SimScenario(SimWorld world, SimChat chat) {
        this.world = world;
        this.chat = chat;
        ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** {@code audience} chatters talk in {@code channel} at {@code messagesPerSecond} in total (0 stops them). */
    public void chat(String channel, int audience, double messagesPerSecond) {
        String login = world.user(channel).login();
        if (messagesPerSecond <= 0) {
            channels.remove(login);
            return;
        }
        channels.put(login, new Activity(audience, messagesPerSecond, 0, 0));
    }

    /** For {@code duration}, the channel's chat runs at {@code messagesPerSecond} with hype messages. */
    public void burst(String channel, double messagesPerSecond, Duration duration) {
        String login = world.user(channel).login();
        channels.compute(login, (key, current) -> new Activity(current == null ? 50 : current.audience(),
                current == null ? 0 : current.messagesPerSecond(), System.nanoTime() + duration.toNanos(),
                messagesPerSecond));
    }

    /**
     * From now on, every {@code period} one of {@code channels} after another bursts to {@code factor} times its chat
     * rate for {@code length}, as a chat does when something happens on stream (the demo's chat spikes).
     */
    public void hypeEvery(Duration period, double factor, Duration length, String... channels) {
        hype = new Hype(List.of(channels).stream().map(channel -> world.user(channel).login()).toList(), period,
                factor, length, System.nanoTime() + period.toNanos());
    }

    public Map<String, Double> rates() {
        Map<String, Double> rates = new ConcurrentHashMap<>();
        channels.forEach((channel, activity) -> rates.put(channel, activity.messagesPerSecond()));
        return rates;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            hypeIfDue(now);
            channels.forEach((channel, activity) -> {
                boolean bursting = now < activity.burstUntilNanos();
                double rate = activity.messagesPerSecond() + (bursting ? activity.burstRate() : 0);
                double due = owed.getOrDefault(channel, 0.0) + rate * TICK_MS / 1000.0;
                int messages = (int) due;
                owed.put(channel, due - messages);
                for (int i = 0; i < messages; i++) {
                    speak(channel, activity, bursting);
                }
            });
        } catch (RuntimeException keepTicking) {
            // a tick that fails must not stop the scenario
        }
    }

    private void hypeIfDue(long now) {
        Hype due = hype;
        if (due == null || now < due.nextNanos() || due.channels().isEmpty()) {
            return;
        }
        hype = new Hype(due.channels(), due.period(), due.factor(), due.length(), now + due.period().toNanos());
        String channel = due.channels().get((int) (hypes++ % due.channels().size()));
        Activity activity = channels.get(channel);
        if (activity != null) {
            burst(channel, activity.messagesPerSecond() * (due.factor() - 1), due.length());
        }
    }

    private void speak(String channel, Activity activity, boolean bursting) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String chatter = ChatterScript.chatter(channel, activity.audience());
        int roll = random.nextInt(1000);
        if (!bursting && roll == 0) {
            chat.subscribe(channel, chatter, 1 + random.nextInt(36), random.nextBoolean() ? "love the stream" : null);
        } else if (!bursting && roll == 1 && random.nextInt(20) == 0) {
            chat.raid(channel, ChatterScript.chatter("raiders", 20), 10 + random.nextInt(500));
        } else {
            chat.say(channel, chatter, bursting ? ChatterScript.burstLine() : ChatterScript.line(),
                    ChatterScript.badges(random.nextInt(100)));
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
