package dev.ratchet.context;

/** A repository file together with its facts (outline, token count when known). */
public record AnalyzedFile(RepoFile file, FileFacts facts) {
    public String path() {
        return file.path();
    }
}
