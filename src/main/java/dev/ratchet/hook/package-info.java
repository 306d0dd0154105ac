/**
 * The git pre-commit helper: checks and a model review of the staged changes, and in fix mode the
 * edit loop on the staged files. Every write into the repository goes through {@code workspace}.
 */
package dev.ratchet.hook;
