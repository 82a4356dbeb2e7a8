package dev.stagehand.query.highlight;

import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.highlight.BacktestSpikes;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.SpikeBacktest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs a spike rule over a channel's stored chat history, as the live detector would have run it, so that a broadcaster
 * sees which clips other settings would have made before choosing them. The history is read in one forward pass (a
 * server-side cursor) by the time Twitch stamped each message; the live detector goes by arrival, a few hundred
 * milliseconds later.
 */
@Component
class SpikeBacktester {

    private static final String CHAT = """
            SELECT sent_at, kind, text LIKE '!%' AS command FROM chat_message
            WHERE channel_id = ? AND sent_at >= ? AND sent_at < ? AND kind IN ('MESSAGE', 'RAID', 'GIFT_SUBSCRIPTION')
            ORDER BY sent_at""";

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    SpikeBacktester(DataSource dataSource, TransactionOperations transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
        this.transactions = transactions;
    }

    @QueryHandler
    SpikeBacktest handle(BacktestSpikes query) {
        SpikeDetector detector = new SpikeDetector(query.rule());
        SpikeDetector.State state = detector.fresh();
        // the rule needs its ring of seconds filled before it can find anything
        Instant leadIn = query.from().minusSeconds(state.counts.length + 1L);
        List<ChatSpike> spikes = new ArrayList<>();
        long[] messages = {0};
        PreparedStatementSetter range = statement -> {
            statement.setString(1, query.channelId());
            statement.setObject(2, java.sql.Timestamp.from(leadIn));
            statement.setObject(3, java.sql.Timestamp.from(query.to()));
        };
        RowCallbackHandler feed = row -> {
            Instant at = row.getTimestamp("sent_at").toInstant();
            Kind kind = Kind.valueOf(row.getString("kind"));
            if (kind == Kind.MESSAGE) {
                messages[0]++;
                detector.message(query.channelId(), state, at, row.getBoolean("command") ? "!" : "")
                        .ifPresent(spikes::add);
            } else {
                detector.burst(query.channelId(), state, at).ifPresent(spikes::add);
            }
        };
        transactions.executeWithoutResult(status -> jdbc.query(CHAT, range, feed));
        detector.until(query.channelId(), state, query.to()).ifPresent(spikes::add);
        return new SpikeBacktest(query.channelId(), query.rule(), query.from(), query.to(), messages[0],
                spikes.stream().filter(spike -> spike.windowEnd().isAfter(query.from())
                        && !spike.windowEnd().isAfter(query.to())).toList());
    }
}
