package dev.stagehand.sagas.chatroom;

import dev.stagehand.api.chatroom.RoomStyle;
import java.util.List;

/** Rewrites room messages in their room's style: by a model when one is configured, by rules always as the fallback. */
interface Stylist {

    /** The texts in the style, in order, within the latency budget whatever happens. */
    List<Styled> restyle(RoomStyle style, List<String> texts);

    /**
     * @param stylist  the model that wrote it, or {@code rules}
     * @param fellBack why the rules wrote it although a model is configured; null otherwise
     */
    record Styled(String text, String stylist, String fellBack) {
    }
}
