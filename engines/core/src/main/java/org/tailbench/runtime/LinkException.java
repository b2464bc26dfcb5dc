package org.tailbench.runtime;

/**
 * Instantiation failed while matching imports (spec §4.5.4): {@link #specMessage()} is
 * "unknown import" or "incompatible import type", the message names the import.
 */
public class LinkException extends RuntimeException {
    private final String specMessage;

    public LinkException(String specMessage, String detail) {
        super(specMessage + ": " + detail);
        this.specMessage = specMessage;
    }

    public String specMessage() { return specMessage; }
}
