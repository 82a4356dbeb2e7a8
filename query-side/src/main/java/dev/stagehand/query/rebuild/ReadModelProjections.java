package dev.stagehand.query.rebuild;

import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.RebuildableProcessors;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** The projections that can be rebuilt beside their tables: the beans of a processing group marked {@link ReadModel}. */
@Component
class ReadModelProjections implements RebuildableProcessors {

    /** A processor's event handlers, the tables they keep, and which events its live processor keeps in order. */
    record ReadModelProjection(String processor, List<Object> handlers, List<String> tables,
                               SequencingPolicy<? super EventMessage<?>> sequencing) {
    }

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;

    ReadModelProjections(ApplicationContext context, EventProcessingConfiguration processing) {
        this.context = context;
        this.processing = processing;
    }

    @Override
    public boolean rebuildable(String processor) {
        return of(processor).isPresent();
    }

    Optional<ReadModelProjection> of(String processor) {
        List<Object> handlers = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> processor.equals(
                        AopUtils.getTargetClass(bean).getAnnotation(ProcessingGroup.class).value()))
                .toList();
        if (handlers.isEmpty() || handlers.stream()
                .anyMatch(bean -> AopUtils.getTargetClass(bean).getAnnotation(ReadModel.class) == null)) {
            return Optional.empty();
        }
        List<String> tables = handlers.stream()
                .flatMap(bean -> List.of(AopUtils.getTargetClass(bean).getAnnotation(ReadModel.class).value()).stream())
                .toList();
        return Optional.of(
                new ReadModelProjection(processor, handlers, tables, processing.sequencingPolicy(processor)));
    }
}
