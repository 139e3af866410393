package io.tokenkeeper.app.base;

import com.vaadin.flow.server.VaadinServiceInitListener;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.ErrorNotifier;
import io.tokenkeeper.ui.base.RouteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Vaadin settings that are not views: every session reports errors through {@link ErrorNotifier}, and every UI checks
 * each navigation with {@link RouteAccess}.
 */
@Configuration(proxyBeanMethods = false)
class VaadinConfig {

    @Bean
    VaadinServiceInitListener errorNotifierInstaller() {
        var notifier = new ErrorNotifier();
        return serviceInit -> serviceInit.getSource().addSessionInitListener(session -> session.getSession()
                .setErrorHandler(notifier));
    }

    @Bean
    RouteAccess routeAccess(CurrentUser currentUser) {
        return new RouteAccess(currentUser);
    }

    @Bean
    VaadinServiceInitListener routeAccessInstaller(RouteAccess access) {
        return serviceInit ->
                serviceInit.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(access));
    }
}
