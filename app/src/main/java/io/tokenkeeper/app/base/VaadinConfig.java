package io.tokenkeeper.app.base;

import com.vaadin.flow.server.VaadinServiceInitListener;
import io.tokenkeeper.ui.base.ErrorNotifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Vaadin settings that are not views: every session reports errors through {@link ErrorNotifier}. */
@Configuration(proxyBeanMethods = false)
class VaadinConfig {

    @Bean
    VaadinServiceInitListener errorNotifierInstaller() {
        var notifier = new ErrorNotifier();
        return serviceInit -> serviceInit.getSource().addSessionInitListener(session -> session.getSession()
                .setErrorHandler(notifier));
    }
}
