package io.tokenkeeper.app.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/** The size of the browser's viewport, and what sticks out of it. */
final class Layout {

    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    /**
     * Visible elements whose right edge lies beyond the viewport, unless an element between them and the page scrolls
     * or clips sideways (a grid's own scroller, a field's input box). The page's own scroller (the app layout's content
     * area) is no such region: what sticks out there makes the whole page scroll sideways. Walks the flat tree: open
     * shadow roots and slots too.
     */
    private static final String OVERFLOWING = "const width = document.documentElement.clientWidth;"
            + "const found = [];"
            + "if (document.documentElement.scrollWidth > width + 1) {"
            + "  found.push('the page itself is ' + document.documentElement.scrollWidth + ' px wide'); }"
            + "const parentOf = el => el.assignedSlot || el.parentElement"
            + "  || (el.parentNode && el.parentNode.host) || null;"
            + "const pageScroller = el => el.getAttribute('part') === 'content' && el.getRootNode().host"
            + "  && el.getRootNode().host.localName === 'vaadin-app-layout';"
            + "const scrolls = el => !pageScroller(el) && getComputedStyle(el).overflowX !== 'visible';"
            + "const describe = el => el.localName + (el.id ? '#' + el.id : '')"
            + "  + (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\\s+/).join('.') : '')"
            + "  + (el.getAttribute('slot') ? '[slot=' + el.getAttribute('slot') + ']' : '')"
            + "  + ' \"' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '\"';"
            + "const check = el => {"
            + "  const r = el.getBoundingClientRect();"
            + "  if (r.width === 0 || r.height === 0 || r.right <= width + 1) { return; }"
            + "  if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {"
            + "    return; }"
            + "  for (let p = parentOf(el); p && p !== document.body && p !== document.documentElement;"
            + "       p = parentOf(p)) { if (p instanceof Element && scrolls(p)) { return; } }"
            + "  found.push(describe(el) + ' reaches ' + Math.round(r.right) + ' px of ' + width); };"
            + "const visit = root => { for (const el of root.querySelectorAll('*')) {"
            + "  check(el); if (el.shadowRoot) { visit(el.shadowRoot); } } };"
            + "visit(document);"
            + "return found.slice(0, 20);";

    private Layout() {}

    /** Makes the viewport {@code width} CSS pixels wide (a phone's at {@link #PHONE}), for pages loaded from now on. */
    static void viewport(ChromeDriver driver, int width) {
        boolean phone = width < 700;
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", phone ? 844 : 900, "deviceScaleFactor", 1, "mobile", phone));
    }

    @SuppressWarnings("unchecked")
    static List<String> overflowing(ChromeDriver driver) {
        return (List<String>) driver.executeScript(OVERFLOWING);
    }
}
