package io.tokenkeeper.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core, the version pinned in the app's pom (the script inside {@code com.deque.html.axe-core:selenium}), run in
 * the page as it is now: its open dialogs and shadow roots included, against WCAG 2.0, 2.1 and 2.2 at levels A and AA.
 */
final class Axe {

    private static final String SCRIPT = load();

    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, { runOnly: { type: 'tag', values:"
            + "  ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },"
            + "  resultTypes: ['violations'] })"
            + ".then(result => done(result.violations.flatMap(v => v.nodes.map(n =>"
            + "  v.id + ' (' + v.impact + '): ' + v.help + ' at ' + JSON.stringify(n.target)"
            + "  + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')))))"
            + ".catch(e => done(['axe failed: ' + e]));";

    private Axe() {}

    /** Every violation of any impact, one line per element: rule, impact, help and where. */
    @SuppressWarnings("unchecked")
    static List<String> violations(ChromeDriver driver) {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(SCRIPT);
        }
        return (List<String>) driver.executeAsyncScript(RUN);
    }

    /** axe-core's version, to say in a failure which one judged. */
    static String version(ChromeDriver driver) {
        violations(driver);
        return String.valueOf(driver.executeScript("return axe.version;"));
    }

    private static String load() {
        try (var in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
