package dev.stagehand.twitchsim.helix;

/** Twitch's Helix rate limit for one token: {@code capacity} points, refilled evenly over a minute. */
final class PointBucket {

    private final int capacity;
    private double points;
    private long lastRefillNanos = System.nanoTime();

    PointBucket(int capacity) {
        this.capacity = capacity;
        this.points = capacity;
    }

    /** Takes one point if there is one. */
    synchronized boolean tryTake() {
        refill();
        if (points < 1) {
            return false;
        }
        points -= 1;
        return true;
    }

    synchronized int remaining() {
        refill();
        return (int) Math.floor(points);
    }

    /** Epoch second when the bucket is full again. */
    synchronized long resetEpochSecond() {
        refill();
        double secondsToFull = (capacity - points) * 60.0 / capacity;
        return (System.currentTimeMillis() / 1000) + (long) Math.ceil(secondsToFull);
    }

    int capacity() {
        return capacity;
    }

    private void refill() {
        long now = System.nanoTime();
        points = Math.min(capacity, points + (now - lastRefillNanos) * capacity / 60e9);
        lastRefillNanos = now;
    }
}
