package org.tailbench.cli;

/**
 * A user-facing failure of a command: the command prints it as {@code error: MESSAGE} and exits with
 * status 1. No stack trace is filled in; the message says everything the user needs.
 */
final class UserError extends RuntimeException {
    UserError(String message) { super(message, null, false, false); }
}
