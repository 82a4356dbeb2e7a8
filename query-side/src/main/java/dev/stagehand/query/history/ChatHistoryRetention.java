package dev.stagehand.query.history;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every hour, on one node of the deployment (db-scheduler runs a recurring task once across nodes), drops the days of
 * chat history that have passed the retention period.
 */
@Configuration(proxyBeanMethods = false)
class ChatHistoryRetention {

    @Bean
    RecurringTask<Void> chatHistoryRetentionTask(ChatHistoryPartitions partitions, ChatHistoryProperties settings) {
        return Tasks.recurring("chat-history-retention", FixedDelay.ofHours(1))
                .execute((instance, context) -> partitions.dropBefore(
                        ChatHistoryPartitions.dayOf(Instant.now().minus(settings.retention()))));
    }
}
