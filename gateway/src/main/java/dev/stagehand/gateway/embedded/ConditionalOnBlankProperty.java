package dev.stagehand.gateway.embedded;

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

/** Matches when the named property is missing or empty: no external address was given, so run our own server. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnBlankProperty.OnBlankProperty.class)
@interface ConditionalOnBlankProperty {

    String value();

    class OnBlankProperty implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnBlankProperty.class.getName());
            String name = (String) attributes.get("value");
            return !StringUtils.hasText(context.getEnvironment().getProperty(name));
        }
    }
}
