package dev.stagehand.platform.axon;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection keeps, and the only ones it writes: such a projection can be rebuilt beside them (in tables
 * of the same shape elsewhere) and swapped in once the rebuilt tables have caught up. Its event handlers must find
 * its tables by their unqualified names and be idempotent, as a swap may hand events to it twice. They write only
 * through {@link ReadModelWrites} and read nothing, so that their statements can wait for the end of their batch
 * ({@link EventHandlerWrites}); every projection of its processing group is a read model too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {

    /** Its tables, referenced ones before those that reference them. */
    String[] value();
}
