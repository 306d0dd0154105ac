/**
 * Choosing what the model sees: the repository's files (tracked plus untracked-not-ignored, through
 * JGit), facts per file cached by blob id in {@code .git/ratchet/}, a repo map of top-level symbols
 * ranked for the task, and the sections of the prompt in cache-friendly order (stable parts first,
 * feedback last, the task restated at the end).
 *
 * <p>Why symbols come from our own line-based extractors ({@link dev.ratchet.context.OutlineExtractor})
 * and not from tree-sitter or universal-ctags, measured on the JDK's sources (15,224 files, 208 MiB,
 * 2 cores):
 * <ul>
 *   <li>tree-sitter (bonede bindings): 156 ms per MiB of Java parsed, so ~32 s of CPU for the JDK
 *       before any query, one grammar jar per language (+1.8 MiB of natives), and native-access
 *       warnings on newer JDKs;
 *   <li>universal-ctags: 3.3 s of CPU for the symbols alone, but an external program a user may not
 *       have (ratchet needs only Java), run as a subprocess, and it gives no references, so the
 *       reference graph would still need a pass of our own over every file;
 *   <li>our extractors: one pass per file that blanks comments and strings, outlines declarations
 *       (Java, Kotlin, JavaScript/TypeScript, Go, Rust, C/C++ by brace structure, Python by
 *       indentation) and collects the identifiers used, ~12-14 s of CPU for the JDK spread over
 *       both cores; results are cached by blob id, so a warm run reads none of it again.
 * </ul>
 */
package dev.ratchet.context;
