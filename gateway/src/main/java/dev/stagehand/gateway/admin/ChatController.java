package dev.stagehand.gateway.admin;

import dev.stagehand.api.chat.ChatLoad;
import dev.stagehand.api.chat.ChatLoads;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How this node reads Twitch chat: its connections, and how full each is. */
@RestController
class ChatController {

    private final ChatLoads loads;

    ChatController(ChatLoads loads) {
        this.loads = loads;
    }

    @GetMapping("/api/admin/chat")
    ChatLoad chat() {
        return loads.load();
    }
}
