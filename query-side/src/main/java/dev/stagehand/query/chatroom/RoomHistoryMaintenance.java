package dev.stagehand.query.chatroom;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.stagehand.query.DayPartitions;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every hour, on one node of the deployment, drops the days of room history past the retention period, when one is
 * set.
 */
@Configuration(proxyBeanMethods = false)
class RoomHistoryMaintenance {

    @Bean
    RecurringTask<Void> roomHistoryMaintenanceTask(RoomHistory history, RoomHistoryProperties settings) {
        return Tasks.recurring("room-history-maintenance", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    if (!settings.retention().isZero()) {
                        history.dropDaysBefore(DayPartitions.dayOf(Instant.now().minus(settings.retention())));
                    }
                });
    }
}
