package dev.stagehand.query.chatroom;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.ChatRoomClosed;
import dev.stagehand.api.chatroom.ChatRoomCreated;
import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.ChatterBanned;
import dev.stagehand.api.chatroom.ChatterUnbanned;
import dev.stagehand.api.chatroom.FindChatRoom;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.FindRoomBans;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.RoomStyleChanged;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@code chat_room_view} and {@code chat_room_ban_view}: the rooms, their styles, and who may not send. */
@Component
@ReadModel({"chat_room_view", "chat_room_ban_view"})
@ProcessingGroup("chat-rooms")
class ChatRoomProjection {

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final JsonMapper json;

    ChatRoomProjection(JdbcClient jdbc, ReadModelWrites writes, JsonMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(ChatRoomCreated event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO chat_room_view (slug, title, style, created_at, updated_at)
                    VALUES (:slug, :title, :style, :at, :at) ON CONFLICT (slug) DO NOTHING""")
            .param("slug", event.roomId().slug())
            .param("title", event.title())
            .param("style", json.writeValueAsString(event.style()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(RoomStyleChanged event, @Timestamp Instant at) {
        writes.sql("UPDATE chat_room_view SET style = :style, updated_at = :at WHERE slug = :slug")
            .param("slug", event.roomId().slug())
            .param("style", json.writeValueAsString(event.style()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(ChatRoomClosed event, @Timestamp Instant at) {
        writes.sql("UPDATE chat_room_view SET closed = TRUE, updated_at = :at WHERE slug = :slug")
            .param("slug", event.roomId().slug())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(ChatterBanned event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO chat_room_ban_view (slug, account_id, reason, banned_at)
                    VALUES (:slug, :account, :reason, :at) ON CONFLICT DO NOTHING""")
            .param("slug", event.roomId().slug())
            .param("account", event.chatter().value())
            .param("reason", event.reason())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(ChatterUnbanned event) {
        writes.sql("DELETE FROM chat_room_ban_view WHERE slug = :slug AND account_id = :account")
            .param("slug", event.roomId().slug())
            .param("account", event.chatter().value())
            .update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM chat_room_view").update();
    }

    @QueryHandler
    List<ChatRoomView> handle(FindChatRooms query) {
        return jdbc.sql("SELECT * FROM chat_room_view WHERE NOT closed ORDER BY title").query(this::view).list();
    }

    @QueryHandler
    Optional<ChatRoomView> handle(FindChatRoom query) {
        return jdbc.sql("SELECT * FROM chat_room_view WHERE slug = :slug").param("slug", query.roomId().slug())
                   .query(this::view).optional();
    }

    @QueryHandler
    List<AccountId> handle(FindRoomBans query) {
        return jdbc.sql("SELECT account_id FROM chat_room_ban_view WHERE slug = :slug ORDER BY account_id")
                   .param("slug", query.roomId().slug())
                   .query((row, number) -> new AccountId(row.getString("account_id"))).list();
    }


    private ChatRoomView view(ResultSet row, int number) throws SQLException {
        return new ChatRoomView(new RoomId(row.getString("slug")), row.getString("title"),
                json.readValue(row.getString("style"), RoomStyle.class), row.getBoolean("closed"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
