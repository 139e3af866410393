package io.tokenkeeper.app.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.domain.resourceserver.ClientId;
import io.tokenkeeper.domain.resourceserver.ResourceServerStore;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Against the real store, each read of a credential noted with the thread that made it. */
@ApplicationTest
class CachedCredentialsTest {

    @Autowired
    ResourceServerStore store;

    @Autowired
    TokenAndPolicyChangeFeed feed;

    @Autowired
    DatabaseStatus database;

    @Autowired
    ResourceServerTestData data;

    @Test
    void a_credential_used_after_its_refresh_time_is_read_again_in_the_background_and_the_caller_does_not_wait()
            throws Exception {
        var clientId = new ClientId(data.aServer().clientId());
        var reads = new CopyOnWriteArrayList<String>();
        var noted = (ResourceServerStore) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ResourceServerStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findCredential")) {
                        reads.add(Thread.currentThread().getName());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var credentials = new CachedCredentials(noted, feed, Duration.ofMinutes(10), Duration.ofMillis(50), database);
        credentials.connected();
        var caller = Thread.currentThread().getName();

        var first = credentials.find(clientId);
        Thread.sleep(100);
        var second = credentials.find(clientId);
        for (int waited = 0; reads.size() < 2 && waited < 5_000; waited += 20) {
            Thread.sleep(20);
        }

        assertThat(first).isPresent();
        assertThat(second).as("the one in memory, at once").isEqualTo(first);
        assertThat(reads).hasSize(2);
        assertThat(reads.getFirst()).as("a cold read is the caller's").isEqualTo(caller);
        assertThat(List.copyOf(reads).getLast()).as("the refresh is not").isNotEqualTo(caller);
    }
}
