package dev.stagehand.gateway.benchmark;

import dev.stagehand.api.chatroom.CreateChatRoom;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.StyleRules;
import dev.stagehand.gateway.admin.RoomBans;
import dev.stagehand.query.rebuild.ProjectionRebuilds;
import dev.stagehand.query.rebuild.RebuildStatus;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures how fast live projections catch up and a projection is rebuilt beside its live tables: {@code events} events
 * that the chat-rooms projection writes (bans, then unbans of most of them, in {@code rooms} rooms) are appended to the
 * event store while every event processor is stopped; they are started and catch up, as after a node's restart (each
 * reads every event, most handle none of these). As many again are appended while the chat-rooms processor alone is
 * stopped, and it catches up alone. Then the rebuild runs to READY (every event read and written into the rebuilt
 * tables, then the diff) and is swapped in. A room's events are one aggregate's, kept in order: with one room nothing
 * can be handled side by side. A benchmark, not a test: it prints its figures.
 *
 * <p>Run: {@code ./stagehand bench rebuild 500000 100} (events, rooms).
 */
public final class ProjectionRebuildBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        BenchmarkApplication.run(app -> run(app, events / rooms * rooms, rooms));
    }

    private static void run(ConfigurableApplicationContext app, int events, int rooms) throws Exception {
        List<StreamingEventProcessor> processors = app.getBean(EventProcessingConfiguration.class).eventProcessors()
                .values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
        StreamingEventProcessor chatRooms = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor("chat-rooms", StreamingEventProcessor.class).orElseThrow();
        CatchUp every = catchUp(app, processors, "every", events, rooms);
        CatchUp one = catchUp(app, List.of(chatRooms), "one", events, rooms);

        ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
        long rebuildStart = System.nanoTime();
        CpuTime rebuildCpuBefore = CpuTime.now(0);
        rebuilds.start("chat-rooms");
        RebuildStatus ready = await(rebuilds, "READY");
        double readySeconds = seconds(rebuildStart);
        CpuTime rebuildCpu = CpuTime.now(0).since(rebuildCpuBefore);
        long swapStart = System.nanoTime();
        rebuilds.confirm("chat-rooms");
        await(rebuilds, "SWITCHED");
        double swapSeconds = seconds(swapStart);

        System.out.printf("""
                Projection rebuild benchmark: %,d events the chat-rooms projection writes in %d rooms, twice (%,d in the
                store)
                  appended to the event store:   %.1f s, then %.1f s
                  every processor catching up:   %.1f s (%,.0f events/s: all stopped while the first events were
                                                 appended, then started, as after a restart), %s µs of CPU per event
                                                 (JVM + PostgreSQL)
                  one projection catching up:    %.1f s (%,.0f events/s: chat-rooms alone stopped while the second
                                                 events were appended), %s µs of CPU per event
                  rebuilt beside it:             %,.0f events/s while reading (%,d events)
                  to READY (reading and diff):   %.1f s, %s µs of CPU per event
                  swap, after confirming:        %.1f s
                Re-run: ./stagehand bench rebuild %d %d
                """, events, rooms, ready.position() + 1, every.appendSeconds(), one.appendSeconds(), every.seconds(),
                events / every.seconds(), every.cpu().perUnit(events), one.seconds(), events / one.seconds(),
                one.cpu().perUnit(events), ready.eventsPerSecond(), ready.events(), readySeconds,
                rebuildCpu.perUnit(ready.events()), swapSeconds, events, rooms);
        new BenchmarkResult("every processor catching up", String.format("%,.0f events/s", events / every.seconds()),
                "-", every.cpu().perUnit(events)).print();
        new BenchmarkResult("one projection catching up", String.format("%,.0f events/s", events / one.seconds()),
                "-", one.cpu().perUnit(events)).print();
        new BenchmarkResult("rebuilt", String.format("%,.0f events/s", ready.eventsPerSecond()),
                String.format("READY after %.1f s", readySeconds), rebuildCpu.perUnit(ready.events())).print();
    }

    /** The seconds and CPU for {@code processors}, stopped while the events were appended, to catch up. */
    private record CatchUp(double appendSeconds, double seconds, CpuTime cpu) {
    }

    private static CatchUp catchUp(ConfigurableApplicationContext app, List<StreamingEventProcessor> processors,
                                   String prefix, int events, int rooms) throws InterruptedException {
        int banned = events / rooms * 3 / 5;
        int unbanned = events / rooms - banned;
        processors.forEach(StreamingEventProcessor::shutDown);
        long appendStart = System.nanoTime();
        for (int room = 0; room < rooms; room++) {
            String slug = "rebuild-benchmark-" + prefix + "-" + room;
            app.getBean(CommandGateway.class).sendAndWait(new CreateChatRoom(new RoomId(slug), "Benchmark",
                    new RoomStyle("Plain", "Say it plainly.",
                            new StyleRules(Map.of(), List.of(), List.of(), List.of()))));
            RoomBans.append(app.getBean(EventStore.class), slug, banned, unbanned, -1, null);
        }
        double appendSeconds = seconds(appendStart);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String bans = "SELECT count(*) FROM chat_room_ban_view WHERE slug LIKE 'rebuild-benchmark-" + prefix + "-%'";
        long start = System.nanoTime();
        CpuTime before = CpuTime.now(0);
        processors.forEach(StreamingEventProcessor::start);
        while (jdbc.sql(bans).query(Long.class).single() != (long) (banned - unbanned) * rooms) {
            Thread.sleep(200);
        }
        return new CatchUp(appendSeconds, seconds(start), CpuTime.now(0).since(before));
    }

    private static RebuildStatus await(ProjectionRebuilds rebuilds, String state) throws InterruptedException {
        while (true) {
            RebuildStatus status = rebuilds.status("chat-rooms").orElseThrow();
            if (status.state().equals(state)) {
                return status;
            }
            if (status.state().equals("FAILED")) {
                throw new IllegalStateException(status.error());
            }
            Thread.sleep(100);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
