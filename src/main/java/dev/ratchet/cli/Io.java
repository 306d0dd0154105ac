package dev.ratchet.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The process surroundings a command may touch: streams, environment, and whether stdin is a
 * terminal. Commands get it by constructor, so tests drive the real commands in-process.
 */
public record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {
    public Io {
        env = Map.copyOf(env);
    }

    public static Io system() {
        return new Io(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.getenv(), System.console() != null);
    }

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
