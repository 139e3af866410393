package io.tokenkeeper.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Puts {@link TokenMaskingEncoder} in front of every Logback appender once Spring Boot has configured logging
 * (its own defaults, {@code logging.structured.*}, or an operator's {@code logging.config}). Registered in
 * {@code META-INF/spring.factories} so it runs before any bean, and again whenever logging is set up anew.
 */
public final class LogMasking implements SmartApplicationListener {

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        install();
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** Masks the output of every appender now attached; idempotent. */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            install(context);
        }
    }

    static void install(LoggerContext context) {
        Set<Appender<ILoggingEvent>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Logger logger : context.getLoggerList()) {
            logger.iteratorForAppenders().forEachRemaining(appender -> wrap(appender, seen));
        }
    }

    private static void wrap(Appender<ILoggingEvent> appender, Set<Appender<ILoggingEvent>> seen) {
        if (!seen.add(appender)) {
            return;
        }
        if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
                && !(stream.getEncoder() instanceof TokenMaskingEncoder)
                && stream.getEncoder() != null) {
            var masking = new TokenMaskingEncoder(stream.getEncoder());
            masking.setContext(stream.getContext());
            stream.setEncoder(masking);
        }
        if (appender instanceof AppenderAttachable<?> parent) {
            @SuppressWarnings("unchecked")
            var children = (AppenderAttachable<ILoggingEvent>) parent;
            children.iteratorForAppenders().forEachRemaining(child -> wrap(child, seen));
        }
    }
}
