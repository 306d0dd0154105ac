package dev.ratchet.cli;

import dev.ratchet.agent.tools.CommandApproval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Asks the person at the terminal before a command the model wants runs; anything but y or yes is a no. */
final class TerminalApproval implements CommandApproval {
    private final PrintWriter err;
    private final BufferedReader in;

    TerminalApproval(Io io) {
        this.err = io.err();
        this.in = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
    }

    @Override
    public boolean approve(String command) {
        err.println();
        err.println("ratchet: the model wants to run this command in the repository:");
        err.println("    " + command);
        err.print("  run it? [y/N] ");
        err.flush();
        try {
            String answer = in.readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException unreadable) {
            return false;
        }
    }
}
