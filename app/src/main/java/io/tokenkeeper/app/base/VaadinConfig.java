package io.tokenkeeper.app.base;

import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.ErrorNotifier;
import io.tokenkeeper.ui.base.RouteAccess;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Vaadin settings that are not views: every session reports errors through {@link ErrorNotifier}, and every UI checks
 * each navigation with {@link RouteAccess}.
 *
 * <p>{@code @EnableVaadin} names the one package that holds views, error views and the app shell: otherwise Vaadin
 * reads every class below the application's package (some 840 of them, the generated jOOQ and AOT classes included)
 * five times over at start-up, looking for routes, error views, web components, the app shell and annotations to
 * validate; about a tenth of a second of a start on two cores (paired runs, bench/README.md). {@code VaadinScanTest}
 * checks that no class Vaadin looks for lives outside it.
 */
@Configuration(proxyBeanMethods = false)
@EnableVaadin("io.tokenkeeper.ui")
class VaadinConfig {

    @Bean
    VaadinServiceInitListener errorNotifierInstaller(DatabaseStatus database) {
        var notifier = new ErrorNotifier(error -> {
            boolean unreachable = DatabaseStatus.isConnectionFailure(error) || causedBy(error);
            if (unreachable) {
                database.unreachable(error);
                database.refused();
            }
            return unreachable;
        });
        return serviceInit -> serviceInit.getSource().addSessionInitListener(session -> session.getSession()
                .setErrorHandler(notifier));
    }

    private static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    ServletContextInitializer vaadinLookupWithoutScan() {
        return new VaadinLookupWithoutScan();
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
