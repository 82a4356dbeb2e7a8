package dev.stagehand.query.analytics;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.stagehand.query.history.ChatHistoryProperties;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Analytics windows name chatters, so they are kept no longer than the chat they were counted from: every hour, on one
 * node, windows older than the chat history's retention period are deleted.
 */
@Configuration(proxyBeanMethods = false)
class ChatStatsRetention {

    @Bean
    RecurringTask<Void> chatStatsRetentionTask(JdbcClient jdbc, ChatHistoryProperties settings) {
        return Tasks.recurring("chat-stats-retention", FixedDelay.ofHours(1))
                .execute((instance, context) -> jdbc.sql("DELETE FROM chat_stats_view WHERE window_start < :oldest")
                        .param("oldest", Timestamp.from(Instant.now().minus(settings.retention())))
                        .update());
    }
}
