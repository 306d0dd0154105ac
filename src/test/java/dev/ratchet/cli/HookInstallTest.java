package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ratchet hook install / uninstall} in real repositories, with real {@code git commit}s running the hook. */
class HookInstallTest {
    @TempDir
    Path temp;

    private HookRepo repo() throws Exception {
        // no model here: the review is switched off, so these tests are about the hook file and the checks
        HookRepo repo = HookRepo.create(temp, null);
        repo.write(".ratchet.yml", "test_cmd: sh check.sh\n");
        return repo;
    }

    private CliRun install(HookRepo repo, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "hook";
        args[1] = "install";
        args[2] = "--launcher";
        args[3] = repo.launcher.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return repo.ratchetInProcess(Map.of(), args);
    }

    @Test
    void anExistingHookIsChainedRunsFirstAndComesBackExactlyOnUninstall() throws Exception {
        HookRepo repo = repo();
        Path hooks = repo.dir.resolve(".git/hooks");
        Files.createDirectories(hooks);
        String original = "#!/bin/sh\necho ran >> \"$(git rev-parse --git-dir)/../chained.log\"\n[ ! -f block-me ]\n";
        Files.writeString(hooks.resolve("pre-commit"), original);
        Files.setPosixFilePermissions(hooks.resolve("pre-commit"), PosixFilePermissions.fromString("rwxr-x---"));

        CliRun installed = install(repo, "--mode", "check");
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        assertThat(installed.out()).contains("runs first", "pre-commit.ratchet-chained");
        // no key in this repository's environment: the review is skipped with one warning, the checks decide
        repo.write("calc.txt", "2+2=4\n3+3=6\n").git("add", "calc.txt");
        HookRepo.Ran passed = repo.commit("-m", "more sums");
        assertThat(passed.exitCode()).as(passed.out()).isZero();
        assertThat(repo.read("chained.log")).isEqualTo("ran\n");
        assertThat(passed.out()).contains("ratchet hook: passed");

        repo.write("block-me", "").write("calc.txt", "2+2=4\n3+3=6\n4+4=8\n").git("add", "calc.txt");
        HookRepo.Ran refused = repo.commit("-m", "refused by the chained hook");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.out()).doesNotContain("ratchet hook:");

        CliRun removed = repo.ratchetInProcess(Map.of(), "hook", "uninstall");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(Files.readString(hooks.resolve("pre-commit"))).isEqualTo(original);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hooks.resolve("pre-commit")))).isEqualTo("rwxr-x---");
        assertThat(hooks.resolve("pre-commit.ratchet-chained")).doesNotExist();
    }

    @Test
    void forceKeepsTheOldHookWithoutRunningItAndUninstallWithoutAnEarlierHookLeavesNone() throws Exception {
        HookRepo repo = repo();
        Path hooks = repo.dir.resolve(".git/hooks");
        Files.createDirectories(hooks);
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(hooks.resolve("pre-commit"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(install(repo, "--force").out()).contains("not run", "pre-commit.ratchet-saved");
        repo.write("calc.txt", "2+2=4\n5+5=10\n").git("add", "calc.txt");
        assertThat(repo.commit("-m", "the saved hook would refuse this").exitCode()).isZero();
        // installing again updates ratchet's own hook in place, never chains it to itself
        assertThat(install(repo, "--mode", "fix").out()).startsWith("Updated");
        assertThat(hooks.resolve("pre-commit.ratchet-chained")).doesNotExist();
        assertThat(Files.readString(hooks.resolve("pre-commit"))).contains("hook run '--mode' 'fix'");

        assertThat(repo.ratchetInProcess(Map.of(), "hook", "uninstall").exitCode()).isZero();
        assertThat(Files.readString(hooks.resolve("pre-commit"))).isEqualTo("#!/bin/sh\nexit 1\n");
        assertThat(hooks.resolve("pre-commit.ratchet-saved")).doesNotExist();

        Files.delete(hooks.resolve("pre-commit"));
        install(repo);
        assertThat(repo.ratchetInProcess(Map.of(), "hook", "uninstall").exitCode()).isZero();
        assertThat(hooks.resolve("pre-commit")).doesNotExist();
    }

    @Test
    void aForeignHookIsNeverUninstalledAndAConflictingInstallIsRefused() throws Exception {
        HookRepo repo = repo();
        Path hooks = repo.dir.resolve(".git/hooks");
        Files.createDirectories(hooks);
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\nexit 0\n");
        Files.writeString(hooks.resolve("pre-commit.ratchet-chained"), "#!/bin/sh\nexit 0\n");

        CliRun uninstall = repo.ratchetInProcess(Map.of(), "hook", "uninstall");
        assertThat(uninstall.exitCode()).isEqualTo(2);
        assertThat(uninstall.err()).contains("not ratchet's");
        CliRun conflict = install(repo);
        assertThat(conflict.exitCode()).isEqualTo(2);
        assertThat(conflict.err()).contains("merge them by hand");
        assertThat(Files.readString(hooks.resolve("pre-commit"))).isEqualTo("#!/bin/sh\nexit 0\n");
        assertThat(install(repo, "--mode", "sometimes").exitCode()).isEqualTo(2);
    }

    @Test
    void coreHooksPathIsHonouredAndACommitFromASubdirectoryIsChecked() throws Exception {
        HookRepo repo = repo();
        repo.git("config", "core.hooksPath", ".husky");
        install(repo);
        assertThat(repo.dir.resolve(".husky/pre-commit")).isExecutable();

        repo.write("sub/deeper/notes.txt", "notes\n").write("calc.txt", "2+2=5\n").git("add", "-A");
        HookRepo.Ran blocked = repo.commit(repo.dir.resolve("sub/deeper"), Map.of(), "-m", "wrong sum");
        assertThat(blocked.exitCode()).as(blocked.out()).isEqualTo(1);
        assertThat(blocked.out()).contains("calc.txt: 2+2 is not 5", "ratchet hook: blocked");
    }

    @Test
    void concludingAMergeIsCheckedNotRefused() throws Exception {
        HookRepo repo = repo();
        install(repo);
        repo.git("checkout", "-q", "-b", "other");
        repo.write("calc.txt", "2+2=4\n1+2=3\n").git("commit", "-q", "--no-verify", "-am", "other sum");
        repo.git("checkout", "-q", "main");
        repo.write("calc.txt", "2+2=4\n2+3=5\n").git("commit", "-q", "--no-verify", "-am", "main sum");
        String conflicted = repo.gitMayFail("merge", "-q", "other");
        assertThat(repo.dir.resolve(".git/MERGE_HEAD")).as(conflicted).exists();

        repo.write("calc.txt", "2+2=4\n2+3=5\n1+2=3\n").git("add", "calc.txt");
        HookRepo.Ran merged = repo.commit("--no-edit");
        assertThat(merged.exitCode()).as(merged.out()).isZero();
        assertThat(merged.out()).contains("ratchet hook: passed (tests passed, review skipped)");

        repo.git("reset", "-q", "--hard", "HEAD~1");
        repo.gitMayFail("merge", "-q", "other");
        repo.write("calc.txt", "2+2=4\n2+3=6\n1+2=3\n").git("add", "calc.txt");
        HookRepo.Ran blocked = repo.commit("--no-edit");
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.out()).contains("2+3 is not 6");
    }

    @Test
    void noVerifyAndRatchetSkipBypassABlockingHook() throws Exception {
        HookRepo repo = repo();
        install(repo);
        String before = repo.head();
        repo.write("calc.txt", "2+2=5\n").git("add", "calc.txt");

        assertThat(repo.commit("-m", "blocked").exitCode()).isEqualTo(1);
        assertThat(repo.head()).isEqualTo(before);

        HookRepo.Ran skipped = repo.commit(repo.dir, Map.of("RATCHET_SKIP", "1"), "-m", "skipped");
        assertThat(skipped.exitCode()).as(skipped.out()).isZero();
        assertThat(skipped.out().strip()).isEqualTo("ratchet hook: skipped (RATCHET_SKIP=1)");

        repo.write("calc.txt", "2+2=6\n").git("add", "calc.txt");
        HookRepo.Ran noVerify = repo.commit("--no-verify", "-m", "no verify");
        assertThat(noVerify.exitCode()).isZero();
        assertThat(noVerify.out()).doesNotContain("ratchet");
        assertThat(repo.committed("calc.txt")).isEqualTo("2+2=6\n");
    }
}
