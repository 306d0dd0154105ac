package dev.ratchet.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/**
 * A real repository made with the git binary, with a launcher that runs this build's ratchet in a
 * fresh JVM, so {@code git commit} runs the installed hook exactly as it would for a user.
 */
final class HookRepo {
    static final String KEY = "sk-hook-test-dummy";

    final Path dir;
    final Path home;
    final Path launcher;
    final Map<String, String> env = new HashMap<>();

    /** What a git or ratchet process printed and how it exited. */
    record Ran(int exitCode, String out) {
    }

    private HookRepo(Path dir, Path home, Path launcher) {
        this.dir = dir;
        this.home = home;
        this.launcher = launcher;
    }

    /** A repository with one commit holding {@code calc.txt} and {@code check.sh}, the test command. */
    static HookRepo create(Path temp, String baseUrl) throws IOException, InterruptedException {
        Path dir = temp.resolve("repo");
        Path home = temp.resolve("home");
        Files.createDirectories(dir);
        Files.createDirectories(home);
        Path launcher = temp.resolve("ratchet-launcher");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
                + System.getProperty("java.class.path") + "' dev.ratchet.cli.Main \"$@\"\n", UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        HookRepo repo = new HookRepo(dir, home, launcher);
        repo.env.put("HOME", home.toString());
        repo.env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        repo.env.put("GIT_CONFIG_NOSYSTEM", "1");
        if (baseUrl != null) {
            repo.env.put("OPENAI_BASE_URL", baseUrl);
            repo.env.put("OPENAI_API_KEY", KEY);
        }
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.name", "Test User");
        repo.git("config", "user.email", "test@example.com");
        repo.write("calc.txt", "2+2=4\n");
        // The project's "test": every line of calc.txt must end in the right sum.
        repo.write("check.sh", "while IFS='+=' read a b c; do\n"
                + "  [ $((a+b)) -eq \"$c\" ] || { echo \"calc.txt: $a+$b is not $c\"; exit 1; }\n"
                + "done < calc.txt\necho all sums right\n");
        repo.write(".ratchet.yml", "test_cmd: sh check.sh\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "initial");
        return repo;
    }

    HookRepo write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, UTF_8);
        return this;
    }

    String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), UTF_8);
    }

    /** Runs git in the repository; fails the test when git fails. */
    String git(String... args) throws IOException, InterruptedException {
        Ran ran = run(dir, gitArgs(args));
        if (ran.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + ran.out());
        }
        return ran.out();
    }

    /** Runs git and returns what it printed, whatever its exit code (a merge that stops on a conflict). */
    String gitMayFail(String... args) throws IOException, InterruptedException {
        return run(dir, gitArgs(args)).out();
    }

    /** {@code git commit} from {@code where} with the environment plus {@code extra}; the hook runs as for a user. */
    Ran commit(Path where, Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "commit", "-q"));
        command.addAll(List.of(args));
        return run(where, command, extra);
    }

    Ran commit(String... args) throws IOException, InterruptedException {
        return commit(dir, Map.of(), args);
    }

    /** Runs ratchet through the launcher, in a fresh JVM. */
    Ran ratchet(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return run(dir, command, extra);
    }

    /** Runs ratchet in-process (faster) with this repository's environment plus {@code extra}. */
    CliRun ratchetInProcess(Map<String, String> extra, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        List<String> withRepo = new ArrayList<>(List.of(args));
        withRepo.addAll(List.of("--repo", dir.toString()));
        return CliRun.run("", all, withRepo.toArray(String[]::new));
    }

    String head() throws IOException, InterruptedException {
        return git("rev-parse", "HEAD").strip();
    }

    String committed(String path) throws IOException, InterruptedException {
        return git("show", "HEAD:" + path);
    }

    String staged(String path) throws IOException, InterruptedException {
        return git("show", ":" + path);
    }

    static MockResponse reply(String content) {
        String body = "{\"id\":\"chatcmpl-hook\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":20,\"total_tokens\":1020}}";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private List<String> gitArgs(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return command;
    }

    private Ran run(Path where, List<String> command) throws IOException, InterruptedException {
        return run(where, command, Map.of());
    }

    Process start(Path where, List<String> command, Map<String, String> extra) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true);
        // never reach a real model or read the machine's own settings from a test
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_OPENAI")
                || name.startsWith("RATCHET_") || name.startsWith("GIT_"));
        builder.environment().putAll(env);
        builder.environment().putAll(extra);
        return builder.start();
    }

    private Ran run(Path where, List<String> command, Map<String, String> extra) throws IOException, InterruptedException {
        Process process = start(where, command, extra);
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Ran(process.exitValue(), new String(out, UTF_8));
    }
}
