package dev.stagehand.twitchsim.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected into the simulated HTTP APIs: the next N requests under a path answer with an error status, and
 * requests under a path are answered late. A path prefix may go on into the query ({@code /helix/users?login=ada}),
 * so that a fault reaches one test's requests and not another's.
 */
public final class HttpFaults {

    private record Failure(int status, AtomicInteger remaining) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    /** The next {@code times} requests whose path starts with {@code pathPrefix} answer {@code status}. */
    public void failNext(String pathPrefix, int status, int times) {
        failures.put(pathPrefix, new Failure(status, new AtomicInteger(times)));
    }

    /** Requests whose path starts with {@code pathPrefix} are answered after {@code delay} (zero to stop). */
    public void delay(String pathPrefix, Duration delay) {
        if (delay.isZero()) {
            delays.remove(pathPrefix);
        } else {
            delays.put(pathPrefix, delay);
        }
    }

    public void clear() {
        failures.clear();
        delays.clear();
    }

    /** Ends the failures and the delay set for exactly {@code pathPrefix}, leaving the others. */
    public void clear(String pathPrefix) {
        failures.remove(pathPrefix);
        delays.remove(pathPrefix);
    }

    /** The status to fail this request with, counting it, if a failure applies. */
    Optional<Integer> failure(String pathAndQuery) {
        for (Map.Entry<String, Failure> entry : failures.entrySet()) {
            if (pathAndQuery.startsWith(entry.getKey())
                    && entry.getValue().remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.of(entry.getValue().status());
            }
        }
        return Optional.empty();
    }

    Duration delay(String pathAndQuery) {
        return delays.entrySet().stream().filter(entry -> pathAndQuery.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
