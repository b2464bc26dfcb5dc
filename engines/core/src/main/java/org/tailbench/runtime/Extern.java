package org.tailbench.runtime;

/** An external value (spec §4.2.11): what imports resolve to and exports yield. */
public sealed interface Extern permits FunctionInstance, Table, Memory, Global {}
