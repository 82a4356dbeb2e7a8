package dev.stagehand.gateway.chatroom;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** {@code /ws/rooms/{room}}: the chat rooms' WebSocket. */
@Configuration(proxyBeanMethods = false)
class RoomRoutes {

    @Bean
    HandlerMapping roomSocketMapping(RoomSocket socket) {
        return new SimpleUrlHandlerMapping(Map.of(RoomSocket.PATH + "*", socket), Ordered.HIGHEST_PRECEDENCE);
    }
}
