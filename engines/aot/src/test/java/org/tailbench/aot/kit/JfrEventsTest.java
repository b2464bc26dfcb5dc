package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.JfrEventsTest} over {@code aot} and {@code aot-naive}. */
class JfrEventsTest extends org.tailbench.testkit.JfrEventsTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
