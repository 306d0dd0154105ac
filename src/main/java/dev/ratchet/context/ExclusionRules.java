package dev.ratchet.context;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Path rules for files that stay out of the context unless the user names them: things that look
 * like secrets, generated or vendored trees, and files over the size limit. Binary content is
 * sniffed later, when the file is read.
 */
public final class ExclusionRules {
    private static final Set<String> GENERATED_DIRECTORIES = Set.of(
            "node_modules", "vendor", "bower_components", "target", "build", "dist", "out", ".gradle", ".mvn",
            "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", ".next", ".nuxt", "coverage",
            ".idea", ".vscode", "third_party", "third-party", "Pods", ".terraform", ".cache");
    private static final Set<String> GENERATED_FILES = Set.of(
            "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "poetry.lock", "go.sum", "composer.lock",
            "Gemfile.lock", "Pipfile.lock", "uv.lock");
    private static final Set<String> SECRET_FILES = Set.of(
            "credentials", "credentials.json", "credentials.yml", "credentials.yaml", "credentials.xml", ".netrc",
            ".npmrc", ".pypirc", ".htpasswd", "secrets.yml", "secrets.yaml", "secrets.json", ".git-credentials",
            "service-account.json", "known_hosts", "authorized_keys");
    private static final Set<String> SECRET_EXTENSIONS = Set.of(
            "pem", "key", "p12", "pfx", "jks", "keystore", "der", "crt", "cer", "ppk", "asc", "gpg", "kdbx", "ovpn");

    private final long maxFileBytes;

    public ExclusionRules(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** Why {@code path} (of {@code size} bytes) stays out, or empty when it may go in. */
    public Optional<String> reasonToExclude(String path, long size) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (looksLikeSecret(lower)) {
            return Optional.of("looks like a secret");
        }
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (GENERATED_DIRECTORIES.contains(parts[i])) {
                return Optional.of("generated or vendored (" + parts[i] + "/)");
            }
        }
        if (GENERATED_FILES.contains(name) || lower.endsWith(".min.js") || lower.endsWith(".min.css")
                || lower.endsWith(".map") || lower.endsWith(".pb.go") || lower.endsWith("_pb2.py")) {
            return Optional.of("generated");
        }
        if (size > maxFileBytes) {
            return Optional.of("larger than " + maxFileBytes + " bytes");
        }
        return Optional.empty();
    }

    private static boolean looksLikeSecret(String lowerName) {
        if (lowerName.startsWith(".env") || lowerName.startsWith("id_rsa") || lowerName.startsWith("id_dsa")
                || lowerName.startsWith("id_ecdsa") || lowerName.startsWith("id_ed25519")
                || SECRET_FILES.contains(lowerName) || lowerName.startsWith("credentials.")
                || lowerName.contains("secret") && !lowerName.endsWith(".java") && !lowerName.endsWith(".py")
                        && !lowerName.endsWith(".go") && !lowerName.endsWith(".ts") && !lowerName.endsWith(".js")
                        && !lowerName.endsWith(".md") && !lowerName.endsWith(".rs") && !lowerName.endsWith(".kt")) {
            return true;
        }
        int dot = lowerName.lastIndexOf('.');
        return dot >= 0 && SECRET_EXTENSIONS.contains(lowerName.substring(dot + 1));
    }
}
