package org.tailbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.MalformedModuleException;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * What the commands share on their way in: reading a {@code .wasm} file, decoding and validating it, and
 * finding an engine by name, each failure turned into a {@link UserError} whose message names the file
 * (malformed bytes keep the decoder's byte offset, invalid code the validator's function index and offset).
 */
final class ModuleInput {
    private ModuleInput() {}

    /** The file's bytes; a missing file, a directory or an unreadable file is a {@link UserError}. */
    static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) throw new UserError(file + ": is a directory, not a .wasm file");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException x) {
            throw new UserError(file + ": no such file");
        } catch (IOException x) {
            throw new UserError("cannot read " + file + ": " + x.getMessage());
        }
    }

    /** {@code bytes} (read from {@code file}) decoded and validated; a malformed or invalid module is a {@link UserError}. */
    static ValidatedModule decode(Path file, byte[] bytes) {
        try {
            return ValidatedModule.of(bytes);
        } catch (MalformedModuleException x) {
            throw new UserError(file + ": malformed module: " + x.getMessage());
        } catch (InvalidModuleException x) {
            throw new UserError(file + ": invalid module: " + x.getMessage());
        }
    }

    /** {@link #read} then {@link #decode}. */
    static ValidatedModule load(Path file) {
        return decode(file, read(file));
    }

    /** The engine called {@code name} ({@link Engines#byName}); an unknown name is a {@link UserError} with its message. */
    static Engine engine(String name) {
        try {
            return Engines.byName(name);
        } catch (IllegalArgumentException x) {
            throw new UserError(x.getMessage());
        }
    }
}
