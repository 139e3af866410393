package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person with a keyboard and nothing else: keys go to whatever has the focus, and what has the focus is read the way
 * a screen reader would name it (its label, its aria-label or its text), through open shadow roots.
 */
final class Keyboard {

    /** The element that really has the focus, and a short description of it. */
    private static final String FOCUSED = "let a = document.activeElement;"
            + " while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }"
            + " if (!a) { return ''; }"
            + " const host = a.closest('vaadin-text-field, vaadin-text-area, vaadin-password-field, vaadin-date-picker,"
            + "   vaadin-checkbox, vaadin-combo-box, vaadin-select, vaadin-integer-field') || a;"
            + " const label = host.querySelector && host.querySelector(':scope > label');"
            + " const name = a.getAttribute('aria-label') || host.getAttribute('aria-label')"
            + "   || (label && label.textContent) || a.textContent || '';"
            + " return (a.localName + ' ' + name.trim().replace(/\\s+/g, ' ')).trim();";

    private final ChromeDriver driver;

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    /** E.g. "vaadin-button Add New Token" or "input Name". */
    String focused() {
        return String.valueOf(driver.executeScript(FOCUSED));
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /** Presses Tab (or Shift+Tab) until the focus is on something described as {@code wanted}, at most 40 times. */
    void tabTo(String wanted) {
        tabTo(wanted, false);
    }

    void shiftTabTo(String wanted) {
        tabTo(wanted, true);
    }

    private void tabTo(String wanted, boolean backwards) {
        var seen = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            if (backwards) {
                new Actions(driver)
                        .keyDown(Keys.SHIFT)
                        .sendKeys(Keys.TAB)
                        .keyUp(Keys.SHIFT)
                        .perform();
            } else {
                press(Keys.TAB);
            }
            String now = focused();
            seen.append("\n  ").append(now);
            if (now.contains(wanted)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached \"" + wanted + "\"; the focus went through:" + seen);
    }

    /** Waits until the focus is on something described as {@code wanted}. */
    void expectFocusOn(String wanted) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(page -> focused().contains(wanted));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(focused()).as("what has the focus").contains(wanted);
        }
    }
}
