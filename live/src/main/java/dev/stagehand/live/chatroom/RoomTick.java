package dev.stagehand.live.chatroom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happened in a room during one tick, as every client of the room on this node gets it. Most clients get the
 * same frames (the tick's sample of messages and its deletions, or for readers of everything all its messages), built
 * and encoded once for all of them: the same bytes go to every connection. A client whose own messages are in the
 * tick, or who fell behind, gets a frame of its own.
 */
public final class RoomTick {

    /** Messages a frame carries at most when nothing is left out: bots' WebSocket libraries often take 64 KB. */
    public static final int MESSAGES_PER_FRAME = 100;

    private final long number;
    private final List<RoomEvent> events;
    private final int readable;
    /** The frames most clients get, encoded once when first asked. */
    private final AtomicReference<byte[]> sampled = new AtomicReference<>();
    private final AtomicReference<List<byte[]>> everything = new AtomicReference<>();

    RoomTick(long number, List<RoomEvent> events, int readable) {
        this.number = number;
        this.events = List.copyOf(events);
        this.readable = readable;
    }

    /** Which of its room's ticks on this node this is, counted from 0. */
    long number() {
        return number;
    }

    public int messages() {
        return (int) events.stream().filter(event -> !event.deletion()).count();
    }

    /**
     * The frame for a client that reads what a person can: {@code me} is its sender id (null when anonymous),
     * {@code known} the messages it has already (those of its join), {@code dropped} how many messages it lost since
     * its last frame; as UTF-8, null when nothing is left to say.
     */
    public byte[] frameFor(String me, Set<String> known, long dropped) {
        boolean own = me != null && events.stream().anyMatch(event -> me.equals(event.senderId()));
        if (own || !known.isEmpty() || dropped != 0) {
            return sampledFrame(me, known, dropped);
        }
        byte[] frame = sampled.get();
        if (frame == null) {
            frame = sampledFrame(null, Set.of(), 0);
            sampled.set(frame == null ? new byte[0] : frame);
        }
        return frame == null || frame.length == 0 ? null : frame;
    }

    /** The frames with every message of the tick but the {@code known} ones, in order, for a reader of everything. */
    public List<byte[]> fullFramesFor(Set<String> known) {
        if (!known.isEmpty()) {
            return fullFrames(known);
        }
        List<byte[]> frames = everything.get();
        if (frames == null) {
            frames = fullFrames(Set.of());
            everything.set(frames);
        }
        return frames;
    }

    /** Deletions, the client's own messages, and at most a tick's readable share of the others, evenly spread. */
    private byte[] sampledFrame(String me, Set<String> known, long dropped) {
        List<RoomEvent> mine = new ArrayList<>();
        List<RoomEvent> others = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        split(me, known, mine, others, deleted);
        List<RoomEvent> shown = new ArrayList<>(mine);
        int skipped = Math.max(0, others.size() - readable);
        if (skipped == 0) {
            shown.addAll(others);
        } else {
            for (int i = 0; i < readable; i++) {
                shown.add(others.get((int) ((long) i * others.size() / readable)));
            }
        }
        if (shown.isEmpty() && deleted.isEmpty() && dropped == 0) {
            return null;
        }
        return messagesFrame(shown, deleted, skipped, dropped).getBytes(StandardCharsets.UTF_8);
    }

    private List<byte[]> fullFrames(Set<String> known) {
        List<RoomEvent> shown = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        split(null, known, List.of(), shown, deleted);
        if (shown.isEmpty() && deleted.isEmpty()) {
            return List.of();
        }
        List<byte[]> frames = new ArrayList<>();
        for (int from = 0; from == 0 || from < shown.size(); from += MESSAGES_PER_FRAME) {
            frames.add(messagesFrame(shown.subList(from, Math.min(from + MESSAGES_PER_FRAME, shown.size())),
                    from == 0 ? deleted : List.of(), 0, 0).getBytes(StandardCharsets.UTF_8));
        }
        return frames;
    }

    /** The tick's events, the {@code known} messages left out: deletions, {@code me}'s messages, and the others. */
    private void split(String me, Set<String> known, List<RoomEvent> mine, List<RoomEvent> others,
                       List<String> deleted) {
        for (RoomEvent event : events) {
            if (event.deletion()) {
                deleted.add(event.messageId());
            } else if (known.contains(event.messageId())) {
                continue;
            } else if (event.senderId().equals(me)) {
                mine.add(event);
            } else {
                others.add(event);
            }
        }
    }

    /** A {@code messages} frame: what is shown, what was deleted, and what was skipped and dropped since the last. */
    public static String messagesFrame(List<RoomEvent> shown, List<String> deleted, int skipped, long dropped) {
        StringBuilder frame = new StringBuilder("{\"type\":\"messages\",\"messages\":");
        messages(frame, shown);
        frame.append(",\"deleted\":[");
        for (int i = 0; i < deleted.size(); i++) {
            frame.append(i == 0 ? "\"" : ",\"").append(deleted.get(i)).append('"');
        }
        return frame.append("],\"skipped\":").append(skipped).append(",\"dropped\":").append(dropped).append('}')
                .toString();
    }

    /** The events' JSON as an array, into {@code into}. */
    public static StringBuilder messages(StringBuilder into, List<RoomEvent> events) {
        into.append('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                into.append(',');
            }
            into.append(events.get(i).json());
        }
        return into.append(']');
    }
}
