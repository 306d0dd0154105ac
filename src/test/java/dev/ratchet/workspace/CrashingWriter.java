package dev.ratchet.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.List;

/**
 * Child-process main for {@link CrashRecoveryTest}: opens a workspace and applies a multi-file
 * batch, halting the JVM (as kill -9 would: no shutdown hooks, no cleanup) at the chosen step.
 *
 * <p>Arguments: {@code root journalDir mode step}, where mode is {@code write} (halt at the
 * step-th step of the batch; 0 = never), {@code repair} (halt at the step-th step of the repair
 * that {@code open} runs), or {@code slow} (no halt; pause 3 ms per step so the parent's kill -9
 * lands at an arbitrary moment).
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    static final List<FileWrite> BATCH = List.of(
            new FileWrite.Put("src/Main.java", "class Main { /* agent */ }\n".getBytes(UTF_8), "src/Main.java"),
            new FileWrite.Put("src/util/Parser.java", "class Parser { /* agent */ }\n".getBytes(UTF_8), "src/util/Parser.java"),
            new FileWrite.Put("notes.md", "user notes\nagent addition\n".getBytes(UTF_8), "notes.md"),
            new FileWrite.Put("gen/deep/Made.java", "class Made {}\n".getBytes(UTF_8), null),
            new FileWrite.Put("gen/Other.java", "class Other {}\n".getBytes(UTF_8), null),
            new FileWrite.Remove("src/Old.java"),
            new FileWrite.Put("build.sh", "#!/bin/sh\necho agent\n".getBytes(UTF_8), "build.sh"));

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        JournalStore journal = new JournalStore(Path.of(args[1]));
        String mode = args[2];
        int haltAt = Integer.parseInt(args[3]);
        int[] steps = {0};
        StepHook hook = step -> {
            steps[0]++;
            if (mode.equals("slow")) {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (steps[0] == haltAt) {
                Runtime.getRuntime().halt(137);
            }
        };
        if (mode.equals("repair")) {
            Workspace.open(root, journal, hook);
            return;
        }
        Workspace workspace = Workspace.open(root, journal, hook);
        if (mode.equals("slow")) {
            System.out.println("ready");
            System.out.flush();
        }
        workspace.write(BATCH);
        System.out.println("steps " + steps[0]);
    }
}
