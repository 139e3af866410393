package io.tokenkeeper.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.jspecify.annotations.Nullable;

/** Encodes with the appender's own encoder (a pattern, Spring Boot's structured formats, …), then masks. */
final class TokenMaskingEncoder extends ContextAwareBase implements Encoder<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;

    TokenMaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte @Nullable [] headerBytes() {
        byte[] header = delegate.headerBytes();
        return header == null ? null : TokenMasking.mask(header);
    }

    @Override
    public byte @Nullable [] encode(ILoggingEvent event) {
        byte[] encoded = delegate.encode(event);
        return encoded == null ? null : TokenMasking.mask(encoded);
    }

    @Override
    public byte @Nullable [] footerBytes() {
        byte[] footer = delegate.footerBytes();
        return footer == null ? null : TokenMasking.mask(footer);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public boolean isStarted() {
        return delegate.isStarted();
    }
}
