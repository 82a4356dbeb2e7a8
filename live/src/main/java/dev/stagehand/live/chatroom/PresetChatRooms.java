package dev.stagehand.live.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.CreateChatRoom;
import dev.stagehand.api.chatroom.FindChatRoom;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomStyle;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat rooms a fresh deployment starts with ({@code rooms/presets.json}: titles and styles, as data), created on
 * the first start. A room that exists already, open or closed, is left as it is; when two nodes start at once, the
 * event store lets one create it.
 */
@Component
class PresetChatRooms {

    private static final Logger log = LoggerFactory.getLogger(PresetChatRooms.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final JsonMapper json;

    record Preset(String slug, String title, RoomStyle style) {
    }

    PresetChatRooms(CommandGateway commands, QueryGateway queries, JsonMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() throws IOException {
        for (Preset preset : presets()) {
            RoomId room = new RoomId(preset.slug());
            boolean exists = queries.query(new FindChatRoom(room), ResponseTypes.optionalInstanceOf(ChatRoomView.class))
                    .join().isPresent();
            if (!exists) {
                commands.send(new CreateChatRoom(room, preset.title(), preset.style())).whenComplete((done, failed) -> {
                    if (failed != null) {
                        log.debug("The preset room {} was not created here: {}", room.slug(), failed.toString());
                    }
                });
            }
        }
    }

    List<Preset> presets() throws IOException {
        try (InputStream presets = new ClassPathResource("rooms/presets.json").getInputStream()) {
            return json.readValue(presets, new TypeReference<List<Preset>>() { });
        }
    }
}
