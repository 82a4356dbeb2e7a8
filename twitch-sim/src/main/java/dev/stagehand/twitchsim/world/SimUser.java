package dev.stagehand.twitchsim.world;

import java.time.Instant;

/** A Twitch account in the simulated world: a viewer, a chatter, a broadcaster or all three. */
public record SimUser(String id, String login, String displayName, String color, String broadcasterType,
                      Instant createdAt) {

    public String profileImageUrl() {
        return "https://static-cdn.jtvnw.net/jtv_user_pictures/" + login + "-profile_image-300x300.png";
    }
}
