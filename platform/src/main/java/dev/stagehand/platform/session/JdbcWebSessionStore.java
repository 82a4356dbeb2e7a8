package dev.stagehand.platform.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Web sessions in the {@code web_session} table. Only a SHA-256 hash of each session id is stored, so a copy of the
 * database lets nobody take over a session. Attributes are Java-serialized (as Spring Session does) and read back
 * through a filter that admits only the classes a login puts there.
 */
@Component
public class JdbcWebSessionStore implements WebSessionStore {

    /** The account the session is logged in to, as a plain string. */
    public static final String ACCOUNT_ATTRIBUTE = "stagehand.account";
    private static final Logger log = LoggerFactory.getLogger(JdbcWebSessionStore.class);
    private static final ObjectInputFilter ATTRIBUTE_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=65536;java.base/*;org.springframework.security.**;!*");
    /** A visit extends the session; writing that down once a minute is precise enough. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Duration maxIdle;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    JdbcWebSessionStore(JdbcClient jdbc, SessionProperties properties) {
        this.jdbc = jdbc;
        this.maxIdle = properties.maxIdle();
    }

    @Override
    public Mono<WebSession> createWebSession() {
        Instant now = clock.instant();
        return Mono.just(new JdbcWebSession(newId(), now, now, new HashMap<>(), null));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        return blocking(() -> jdbc.sql("""
                        SELECT attributes, created_at, last_accessed_at FROM web_session
                        WHERE id_hash = :hash AND expires_at > now()""")
                .param("hash", hash(id))
                .query((row, n) -> new JdbcWebSession(id, row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("last_accessed_at").toInstant(), deserialize(row.getBytes("attributes")),
                        row.getBytes("attributes")))
                .optional()
                .orElse(null));
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return blocking(() -> jdbc.sql("DELETE FROM web_session WHERE id_hash = :hash").param("hash", hash(id))
                .update()).then();
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession session) {
        ((JdbcWebSession) session).lastAccessTime = clock.instant();
        return Mono.just(session);
    }

    /** Logs the account out everywhere: every session logged in to it ends. */
    public void removeSessionsOf(String accountId) {
        jdbc.sql("DELETE FROM web_session WHERE account_id = :account").param("account", accountId).update();
    }

    private void save(JdbcWebSession session) {
        byte[] attributes = serialize(session.attributes);
        Instant now = clock.instant();
        if (session.persistedAttributes != null && MessageDigest.isEqual(attributes, session.persistedAttributes)
                && Duration.between(session.persistedLastAccess, session.lastAccessTime).compareTo(TOUCH_INTERVAL) < 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO web_session (id_hash, account_id, attributes, created_at, last_accessed_at, expires_at)
                        VALUES (:hash, :account, :attributes, :created, :accessed, :expires)
                        ON CONFLICT (id_hash) DO UPDATE SET account_id = EXCLUDED.account_id,
                            attributes = EXCLUDED.attributes, last_accessed_at = EXCLUDED.last_accessed_at,
                            expires_at = EXCLUDED.expires_at""")
            .param("hash", hash(session.id))
            .param("account", session.attributes.get(ACCOUNT_ATTRIBUTE))
            .param("attributes", attributes)
            .param("created", Timestamp.from(session.creationTime))
            .param("accessed", Timestamp.from(session.lastAccessTime))
            .param("expires", Timestamp.from(session.lastAccessTime.plus(maxIdle)))
            .update();
        session.persistedAttributes = attributes;
        session.persistedLastAccess = session.lastAccessTime;
        removeExpiredSessionsNowAndThen(now);
    }

    private void removeExpiredSessionsNowAndThen(Instant now) {
        Instant last = lastCleanup.get();
        if (last.plus(CLEANUP_INTERVAL).isBefore(now) && lastCleanup.compareAndSet(last, now)) {
            int removed = jdbc.sql("DELETE FROM web_session WHERE expires_at <= now()").update();
            log.debug("Removed {} expired sessions", removed);
        }
    }

    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] serialize(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(attributes));
        } catch (IOException e) {
            throw new UncheckedIOException("A session attribute cannot be serialized", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] attributes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(attributes))) {
            in.setObjectInputFilter(ATTRIBUTE_CLASSES);
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.warn("Dropping a session whose attributes cannot be read: {}", e.toString());
            return new HashMap<>();
        }
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    /** A session as {@link WebSession} describes it, saved to the table when the response is committed. */
    private final class JdbcWebSession implements WebSession {

        private volatile String id;
        private final Instant creationTime;
        private volatile Instant lastAccessTime;
        private final Map<String, Object> attributes;
        private volatile boolean started;
        private byte[] persistedAttributes;
        private Instant persistedLastAccess;

        JdbcWebSession(String id, Instant creationTime, Instant lastAccessTime, Map<String, Object> attributes,
                       byte[] persistedAttributes) {
            this.id = id;
            this.creationTime = creationTime;
            this.lastAccessTime = lastAccessTime;
            this.attributes = new java.util.concurrent.ConcurrentHashMap<>(attributes);
            this.persistedAttributes = persistedAttributes;
            this.persistedLastAccess = lastAccessTime;
            this.started = persistedAttributes != null;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public boolean isStarted() {
            return started || !attributes.isEmpty();
        }

        @Override
        public Mono<Void> changeSessionId() {
            String oldId = id;
            id = newId();
            persistedAttributes = null;
            return removeSession(oldId);
        }

        @Override
        public Mono<Void> invalidate() {
            attributes.clear();
            started = false;
            return removeSession(id);
        }

        @Override
        public Mono<Void> save() {
            if (!isStarted()) {
                return Mono.empty();
            }
            return blocking(() -> {
                JdbcWebSessionStore.this.save(this);
                return Optional.empty();
            }).then();
        }

        @Override
        public boolean isExpired() {
            return lastAccessTime.plus(maxIdle).isBefore(clock.instant());
        }

        @Override
        public Instant getCreationTime() {
            return creationTime;
        }

        @Override
        public Instant getLastAccessTime() {
            return lastAccessTime;
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            // The idle limit is the deployment's (stagehand.session.max-idle), the same on every node.
        }

        @Override
        public Duration getMaxIdleTime() {
            return maxIdle;
        }
    }
}
