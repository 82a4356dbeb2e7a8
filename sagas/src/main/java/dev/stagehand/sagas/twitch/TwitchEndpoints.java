package dev.stagehand.sagas.twitch;

/**
 * Where Stagehand reaches Twitch and with which app: the real Twitch, or the bundled simulator in demo mode.
 *
 * @param simulated       true in demo mode
 * @param chatUrl         IRC over WebSocket
 * @param helixUrl        Helix API base
 * @param identityUrl     OAuth base ({@code /oauth2})
 * @param eventSubUrl     EventSub over WebSocket
 * @param controlUrl      the simulator's control API, in demo mode only
 */
public record TwitchEndpoints(boolean simulated, String clientId, String clientSecret, String chatUrl,
                              String helixUrl, String identityUrl, String eventSubUrl, String controlUrl) {

    @Override
    public String toString() {
        return "TwitchEndpoints[simulated=" + simulated + ", chatUrl=" + chatUrl + ", helixUrl=" + helixUrl + "]";
    }
}
