package org.tailbench.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.spectest.SpecRunner.Failure;
import org.tailbench.spectest.SpecRunner.FileResult;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.MalformedModuleException;
import org.tailbench.wasm.validate.ValidatedModule;

/** The state of one JSON file's run: its store, registered and named instances, and counts. */
final class FileRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A command did not do what was expected; {@code getMessage()} says what happened. */
    static final class CommandFailed extends RuntimeException {
        CommandFailed(String detail) { super(detail, null, false, false); }
    }

    private enum Outcome { PASSED, SKIPPED }

    private final Path json;
    private final Engine engine;
    private final boolean strict;
    private final Store store = new Store();
    private final Map<String, Instance> registered = new HashMap<>();
    private final Map<String, Instance> named = new HashMap<>();
    private final Imports imports;
    private Instance current;
    private int passed, failed, skipped;
    private final List<Failure> failures = new ArrayList<>();
    private final List<Failure> mismatches = new ArrayList<>();

    FileRun(Path json, Engine engine, boolean strict) {
        this.json = json;
        this.engine = engine;
        this.strict = strict;
        Imports reg = (m, n) -> {
            Instance i = registered.get(m);
            return i == null ? null : i.export(n);
        };
        this.imports = SpectestHost.imports(store).orElse(reg);
    }

    FileResult run() {
        String name = json.getFileName().toString();
        JsonNode commands;
        try {
            commands = JSON.readTree(json.toFile()).path("commands");
        } catch (IOException | RuntimeException e) {
            failures.add(new Failure(0, "read", "cannot read " + json + ": " + e));
            return new FileResult(name, 0, 1, 0, failures, mismatches);
        }
        boolean simd = SpecRunner.isSimd(json);
        for (JsonNode cmd : commands) {
            if (simd) { skipped++; continue; }
            int line = cmd.path("line").asInt();
            String type = cmd.path("type").asText();
            try {
                if (execute(type, cmd) == Outcome.PASSED) passed++; else skipped++;
            } catch (CommandFailed e) {
                fail(line, type, e.getMessage());
            } catch (StackOverflowError e) {
                fail(line, type, "StackOverflowError escaped the engine (engines must trap \"call stack exhausted\" instead)");
            } catch (Throwable t) {
                fail(line, type, "unexpected " + describe(t));
            }
        }
        return new FileResult(name, passed, failed, skipped, failures, mismatches);
    }

    private void fail(int line, String type, String detail) {
        failed++;
        failures.add(new Failure(line, type, detail));
    }

    private Outcome execute(String type, JsonNode cmd) {
        return switch (type) {
            case "module" -> module(cmd);
            case "register" -> register(cmd);
            case "action" -> { invoke(cmd.path("action")); yield Outcome.PASSED; }
            case "assert_return" -> assertReturn(cmd);
            case "assert_trap" -> cmd.has("action") ? assertTrap(cmd) : assertUninstantiable(cmd);
            case "assert_exhaustion" -> assertExhaustion(cmd);
            case "assert_invalid", "assert_malformed" -> assertRejected(type, cmd);
            case "assert_unlinkable" -> assertUnlinkable(cmd);
            case "assert_uninstantiable" -> assertUninstantiable(cmd);
            default -> throw new CommandFailed("unknown command type \"" + type + "\"");
        };
    }

    // ---- modules ----

    private Outcome module(JsonNode cmd) {
        String name = cmd.path("name").asText(null);
        current = null;
        if (name != null) named.remove(name);
        if (isText(cmd)) return Outcome.SKIPPED;
        Instance inst = instantiate(ValidatedModule.of(read(cmd)));
        current = inst;
        if (name != null) named.put(name, inst);
        return Outcome.PASSED;
    }

    private Outcome register(JsonNode cmd) {
        String as = cmd.path("as").asText();
        Instance inst = target(cmd.path("name").asText(null));
        registered.put(as, inst);
        return Outcome.PASSED;
    }

    private Instance instantiate(ValidatedModule vm) {
        return engine.compile(vm).instantiate(store, imports);
    }

    private byte[] read(JsonNode cmd) {
        Path file = json.resolveSibling(cmd.path("filename").asText());
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailed("cannot read module " + file + ": " + e);
        }
    }

    private static boolean isText(JsonNode cmd) {
        return "text".equals(cmd.path("module_type").asText()) || cmd.path("filename").asText().endsWith(".wat");
    }

    private Instance target(String moduleName) {
        if (moduleName == null) {
            if (current == null) throw new CommandFailed("no current module (the last module command failed or was skipped)");
            return current;
        }
        Instance i = named.get(moduleName);
        if (i == null) throw new CommandFailed("no module named " + moduleName + " (its module command failed or was skipped)");
        return i;
    }

    // ---- actions ----

    private long[] invoke(JsonNode action) {
        Instance inst = target(action.path("module").asText(null));
        String field = action.path("field").asText();
        String type = action.path("type").asText();
        Extern e = inst.export(field);
        switch (type) {
            case "invoke" -> {
                if (!(e instanceof FunctionInstance f)) throw new CommandFailed("no exported function \"" + field + "\"");
                JsonNode argNodes = action.path("args");
                long[] args = new long[argNodes.size()];
                for (int i = 0; i < args.length; i++) args[i] = SpecValues.parseArg(argNodes.get(i));
                if (args.length != f.type().params().length) {
                    throw new CommandFailed(field + " takes " + f.type().params().length + " arguments, the test passes " + args.length);
                }
                long[] results = f.invoke(args);
                if (results == null) throw new CommandFailed(field + " returned null instead of a result array");
                return results;
            }
            case "get" -> {
                if (!(e instanceof Global g)) throw new CommandFailed("no exported global \"" + field + "\"");
                return new long[] {g.value};
            }
            default -> throw new CommandFailed("unknown action type \"" + type + "\"");
        }
    }

    private Outcome assertReturn(JsonNode cmd) {
        long[] results = invoke(cmd.path("action"));
        JsonNode expected = cmd.path("expected");
        if (results.length != expected.size()) {
            throw new CommandFailed("expected " + expected.size() + " results, got " + results.length);
        }
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < results.length; i++) {
            String problem = SpecValues.check(expected.get(i), results[i]);
            if (problem != null) bad.append(bad.isEmpty() ? "" : "; ").append("result ").append(i).append(": ").append(problem);
        }
        if (!bad.isEmpty()) throw new CommandFailed(describeAction(cmd) + ": " + bad);
        return Outcome.PASSED;
    }

    private Outcome assertTrap(JsonNode cmd) {
        String text = cmd.path("text").asText();
        try {
            long[] r = invoke(cmd.path("action"));
            throw new CommandFailed(describeAction(cmd) + ": expected trap \"" + text + "\", returned " + r.length + " value(s)");
        } catch (Trap t) {
            checkTrap(t, text);
            return Outcome.PASSED;
        }
    }

    private Outcome assertExhaustion(JsonNode cmd) {
        try {
            invoke(cmd.path("action"));
            throw new CommandFailed(describeAction(cmd) + ": expected \"call stack exhausted\", but it returned");
        } catch (Trap t) {
            if (t.kind() != TrapKind.CALL_STACK_EXHAUSTED) {
                throw new CommandFailed("expected \"call stack exhausted\", got trap " + t.kind() + ": " + t.getMessage());
            }
            return Outcome.PASSED;
        }
    }

    private static void checkTrap(Trap t, String text) {
        if (!trapMatches(t, text)) {
            throw new CommandFailed("expected trap \"" + text + "\", got trap " + t.kind() + ": \"" + t.getMessage() + "\"");
        }
    }

    /** The testsuite's text is a prefix of the reference interpreter's message; ours may be shorter ("uninitialized element 2"). */
    static boolean trapMatches(Trap t, String text) {
        String msg = t.getMessage() == null ? "" : t.getMessage();
        if (msg.startsWith(text)) return true;
        return t.kind() != TrapKind.HOST && text.startsWith(t.kind().message);
    }

    // ---- module assertions ----

    private Outcome assertRejected(String type, JsonNode cmd) {
        if (isText(cmd)) return Outcome.SKIPPED;
        String text = cmd.path("text").asText();
        boolean wantMalformed = type.equals("assert_malformed");
        byte[] bytes = read(cmd);
        try {
            ValidatedModule.of(bytes);
        } catch (MalformedModuleException | InvalidModuleException e) {
            boolean malformed = e instanceof MalformedModuleException;
            String spec = malformed ? ((MalformedModuleException) e).specMessage() : ((InvalidModuleException) e).specMessage();
            boolean sameClass = malformed == wantMalformed;
            boolean sameText = spec != null && spec.startsWith(text);
            if (sameClass && sameText) return Outcome.PASSED;
            String detail = "expected " + (wantMalformed ? "malformed" : "invalid") + " \"" + text + "\", got "
                    + (malformed ? "malformed" : "invalid") + " \"" + e.getMessage() + "\"";
            if (strict) throw new CommandFailed(detail);
            mismatches.add(new Failure(cmd.path("line").asInt(), type, detail));
            return Outcome.PASSED;
        }
        throw new CommandFailed("module was accepted; expected " + (wantMalformed ? "malformed" : "invalid") + " \"" + text + "\"");
    }

    private Outcome assertUnlinkable(JsonNode cmd) {
        if (isText(cmd)) return Outcome.SKIPPED;
        String text = cmd.path("text").asText();
        ValidatedModule vm = ValidatedModule.of(read(cmd));
        try {
            instantiate(vm);
        } catch (LinkException e) {
            if (e.specMessage() != null && e.specMessage().startsWith(text)) return Outcome.PASSED;
            String detail = "expected unlinkable \"" + text + "\", got link error \"" + e.getMessage() + "\"";
            if (strict) throw new CommandFailed(detail);
            mismatches.add(new Failure(cmd.path("line").asInt(), "assert_unlinkable", detail));
            return Outcome.PASSED;
        } catch (Trap t) {
            String detail = "expected unlinkable \"" + text + "\", got trap \"" + t.getMessage() + "\"";
            if (strict) throw new CommandFailed(detail);
            mismatches.add(new Failure(cmd.path("line").asInt(), "assert_unlinkable", detail));
            return Outcome.PASSED;
        }
        throw new CommandFailed("module linked; expected unlinkable \"" + text + "\"");
    }

    private Outcome assertUninstantiable(JsonNode cmd) {
        if (isText(cmd)) return Outcome.SKIPPED;
        String text = cmd.path("text").asText();
        ValidatedModule vm = ValidatedModule.of(read(cmd));
        try {
            instantiate(vm);
        } catch (Trap t) {
            checkTrap(t, text);
            return Outcome.PASSED;
        } catch (LinkException e) {
            throw new CommandFailed("expected trap \"" + text + "\" during instantiation, got link error \"" + e.getMessage() + "\"");
        }
        throw new CommandFailed("module instantiated; expected trap \"" + text + "\"");
    }

    // ---- messages ----

    private static String describeAction(JsonNode cmd) {
        JsonNode a = cmd.path("action");
        StringBuilder sb = new StringBuilder(a.path("type").asText()).append(' ');
        if (a.has("module")) sb.append(a.path("module").asText()).append('.');
        sb.append('"').append(a.path("field").asText()).append('"');
        if (a.has("args")) {
            sb.append('(');
            JsonNode args = a.path("args");
            for (int i = 0; i < args.size(); i++) {
                JsonNode v = args.get(i);
                if (i > 0) sb.append(", ");
                sb.append(v.path("type").asText()).append(':').append(v.path("value").asText());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) sb.append(": ").append(t.getMessage());
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0) sb.append(" at ").append(st[0]);
        return sb.toString();
    }
}
