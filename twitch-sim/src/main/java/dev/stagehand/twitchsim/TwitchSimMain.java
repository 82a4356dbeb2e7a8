package dev.stagehand.twitchsim;

/**
 * Runs the simulator in a process of its own, until the process is stopped: {@code TwitchSimMain [port]} (0 or none
 * picks a free port). It prints {@value #READY} and its base URL once it serves, for whoever started it; Stagehand
 * reaches it with {@code TWITCH_SIM_URL} and a tester drives it through {@code /sim}.
 */
public final class TwitchSimMain {

    public static final String READY = "twitch-sim serving on ";

    private TwitchSimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        TwitchSim sim = TwitchSim.start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "twitch-sim-stop"));
        System.out.println(READY + sim.urls().base());
        Thread.currentThread().join(); // the simulator's threads are daemons: main keeps the process alive
    }
}
