package dev.stagehand.live.chatroom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What happened in a room during one tick, as every client of the room on this node gets it. Most clients get the
 * same frame (the tick's sample of messages, its deletions), built and encoded once for all of them: the same bytes
 * go to every connection. A client whose own messages are in the tick, or who fell behind, gets one of its own.
 */
public final class RoomTick {

    private final List<RoomEvent> events;
    private final int readable;
    private volatile byte[] shared;

    RoomTick(List<RoomEvent> events, int readable) {
        this.events = List.copyOf(events);
        this.readable = readable;
    }

    public int messages() {
        return (int) events.stream().filter(event -> !event.deletion()).count();
    }

    /**
     * The frame for a client: {@code me} is its sender id (null when anonymous), {@code known} the messages it has
     * already (those of its join), {@code dropped} how many messages it lost since its last frame; as UTF-8, null when
     * nothing is left to say.
     */
    public byte[] frameFor(String me, Set<String> known, long dropped) {
        boolean own = me != null && events.stream().anyMatch(event -> me.equals(event.senderId()));
        byte[] frame;
        if (!own && known.isEmpty() && dropped == 0) {
            frame = shared;
            if (frame == null) {
                frame = frame(null, Set.of(), 0).getBytes(StandardCharsets.UTF_8);
                shared = frame;
            }
        } else {
            frame = frame(me, known, dropped).getBytes(StandardCharsets.UTF_8);
        }
        return frame.length == 0 ? null : frame;
    }

    /** Deletions, the client's own messages, and at most a tick's readable share of the others, evenly spread. */
    private String frame(String me, Set<String> known, long dropped) {
        List<RoomEvent> mine = new ArrayList<>();
        List<RoomEvent> others = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
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
            return "";
        }
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
