package dev.stagehand.query.history;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.stagehand.query.DayPartitions;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every hour, on one node of the deployment (db-scheduler runs a recurring task once across nodes), drops the days of
 * chat history that have passed the retention period, erases what a chatter wrote while opting out, and gives the
 * days that have ended their search indexes.
 */
@Configuration(proxyBeanMethods = false)
class ChatHistoryMaintenance {

    @Bean
    RecurringTask<Void> chatHistoryMaintenanceTask(ChatHistoryPartitions partitions, ChatHistoryOptOuts optOuts,
                                                   ChatHistoryProperties settings) {
        return Tasks.recurring("chat-history-maintenance", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    Instant now = Instant.now();
                    partitions.dropBefore(DayPartitions.dayOf(now.minus(settings.retention())));
                    optOuts.eraseSince(now.minus(Duration.ofHours(2)));
                    partitions.indexDaysBefore(DayPartitions.dayOf(now));
                });
    }
}
