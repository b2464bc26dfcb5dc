package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.JfrEventsTest} over the four interpreters. */
class JfrEventsTest extends org.tailbench.testkit.JfrEventsTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
