package org.tailbench.tune;

/**
 * A tuning file's decision does not fit the module it is keyed to ({@link Devirtualization#check}): no defined function
 * of that index, no instruction at that offset, another instruction there, or a target of another type. Thrown when an
 * engine compiles the module; the message names the function index and body offset of the decision.
 */
public class TuningMismatchException extends IllegalArgumentException {
    public TuningMismatchException(String message) { super(message); }
}
