package dev.stagehand.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the named property is missing or empty (or, with {@code blank = false}, when it has text): no
 * external address or credential was given, so Stagehand runs its own stand-in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnBlankProperty.OnBlankProperty.class)
public @interface ConditionalOnBlankProperty {

    String value();

    boolean blank() default true;

    final class OnBlankProperty implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnBlankProperty.class.getName());
            String name = (String) attributes.get("value");
            boolean blank = (Boolean) attributes.get("blank");
            return blank != StringUtils.hasText(context.getEnvironment().getProperty(name));
        }
    }
}
