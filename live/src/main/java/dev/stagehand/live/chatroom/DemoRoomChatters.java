package dev.stagehand.live.chatroom;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.platform.ConditionalOnBlankProperty;
import dev.stagehand.platform.RepeatingJob;
import dev.stagehand.platform.cluster.ClusterNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo mode's chat rooms are not empty: a few simulated chatters say something now and then (about three messages a
 * minute a room), through the same path as everyone's messages, styled by the room. One node speaks for the
 * deployment; {@code stagehand.demo.room-chatters=false} silences them.
 */
@Component
@ConditionalOnBlankProperty("stagehand.twitch.client-id")
class DemoRoomChatters extends RepeatingJob {

    private static final Logger log = LoggerFactory.getLogger(DemoRoomChatters.class);
    private static final Duration EVERY = Duration.ofSeconds(5);
    /** One round in this many has a room's chatter speak: with a round every 5 s, about 3 messages a minute. */
    private static final int ONE_IN = 4;
    private static final List<String> CHATTERS = List.of("Mossy_Otter", "PixelPip", "LateNightLuma", "Quasar_Kit",
            "BreadBard", "NovaNibbles");
    private static final List<String> LINES = List.of("hello everyone!", "what did I miss?", "this room is so cozy",
            "anyone watching the chess stream later?", "brb, getting tea", "that was hilarious",
            "good morning from Lisbon", "who else is here for the speedrun?", "the vibes today are immaculate",
            "does anyone know a good lo-fi playlist?", "GG everyone", "back! did the raid happen yet?");

    private final RoomSender sender;
    private final QueryGateway queries;
    private final ClusterNode node;
    private final boolean on;

    DemoRoomChatters(RoomSender sender, QueryGateway queries, ClusterNode node,
                     @Value("${stagehand.demo.room-chatters:true}") boolean on) {
        super("demo-room-chatters", EVERY);
        this.sender = sender;
        this.queries = queries;
        this.node = node;
        this.on = on;
    }

    @Override
    protected Duration runOnce() {
        if (on && node.claim("demo room chatters")) {
            queries.query(new FindChatRooms(), ResponseTypes.multipleInstancesOf(ChatRoomView.class)).join().stream()
                   .filter(room -> ThreadLocalRandom.current().nextInt(ONE_IN) == 0)
                   .forEach(room -> speak(room.roomId()));
        }
        return EVERY;
    }

    /** One simulated chatter says one line in the room. */
    void speak(RoomId room) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String chatter = CHATTERS.get(random.nextInt(CHATTERS.size()));
        sender.send(room, new AccountId("demo-chatter-" + chatter.toLowerCase()), chatter,
                        LINES.get(random.nextInt(LINES.size())))
              .subscribe(handed -> { }, refused -> log.debug("A demo chatter was refused in {}: {}", room.slug(),
                      refused.getMessage()));
    }
}
