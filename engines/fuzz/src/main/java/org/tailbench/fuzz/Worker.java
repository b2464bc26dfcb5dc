package org.tailbench.fuzz;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;

/**
 * The worker JVM's main: reads cases from stdin and answers with each engine's outcome steps on stdout
 * (the protocol of {@link WorkerClient}); {@code System.out} is pointed at stderr so nothing an engine
 * prints can corrupt the protocol. Exits after answering a case whose run overran its limit (the
 * abandoned thread may still be running), and at end of input.
 */
public final class Worker {
    private Worker() {}

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        Map<String, Engine> engines = new HashMap<>();
        for (Engine e : Engines.all()) engines.put(e.name(), e);
        while (true) {
            Request req;
            try {
                req = Request.read(in);
            } catch (EOFException e) {
                break;
            }
            List<Engine> selected = new ArrayList<>();
            for (String n : req.engines()) {
                Engine e = engines.get(n);
                if (e == null) throw new IllegalArgumentException("unknown engine " + n + "; engines are " + engines.keySet());
                selected.add(e);
            }
            CaseRunner runner = new CaseRunner(req.invokeLimitMillis(), req.compileLimitMillis());
            List<List<String>> steps = runner.run(req.bytes(), selected, req.parallel());
            out.writeBoolean(runner.stuck());
            out.writeInt(steps.size());
            for (List<String> s : steps) {
                out.writeInt(s.size());
                for (String x : s) out.writeUTF(x.length() > 4000 ? x.substring(0, 4000) : x);
            }
            out.flush();
            if (runner.stuck()) Runtime.getRuntime().halt(0);
        }
        out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** One case to run: the module bytes, the engine names, the limits, and whether the engines run at once. */
    record Request(byte[] bytes, List<String> engines, long invokeLimitMillis, long compileLimitMillis, boolean parallel) {
        void write(DataOutputStream out) throws IOException {
            out.writeBoolean(parallel);
            out.writeLong(invokeLimitMillis);
            out.writeLong(compileLimitMillis);
            out.writeInt(engines.size());
            for (String e : engines) out.writeUTF(e);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            boolean parallel = in.readBoolean();
            long il = in.readLong();
            long cl = in.readLong();
            int n = in.readInt();
            List<String> es = new ArrayList<>();
            for (int i = 0; i < n; i++) es.add(in.readUTF());
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return new Request(b, es, il, cl, parallel);
        }
    }
}
