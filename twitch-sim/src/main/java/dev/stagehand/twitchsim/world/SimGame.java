package dev.stagehand.twitchsim.world;

public record SimGame(String id, String name) {

    public String boxArtUrl() {
        return "https://static-cdn.jtvnw.net/ttv-boxart/" + id + "-{width}x{height}.jpg";
    }
}
