package org.tailbench.bench.run;

import java.util.Locale;

/** The three JMH benchmarks of a run, in the order they run: their JMH names and short names. */
public enum Bench {
    RUN("org.tailbench.bench.WorkloadBenchmark.run"),
    INSTANTIATE("org.tailbench.bench.InstantiateBenchmark.instantiate"),
    COMPILE("org.tailbench.bench.CompileBenchmark.compile");

    /** the benchmark method's full name, as in JMH's results */
    public final String fqn;

    Bench(String fqn) { this.fqn = fqn; }

    /** @return run, instantiate or compile */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** @return the anchored regular expression that selects exactly this benchmark */
    public String regex() { return "^" + fqn.replace(".", "\\.") + "$"; }
}
