package dev.ratchet.check;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the first and the last bytes of a stream and counts what falls in between, because test
 * output that matters sits at the start (build errors) and at the end (summaries), and a runaway
 * test can print gigabytes.
 */
final class OutputCapture {
    private final byte[] head;
    private final byte[] tail;
    private int headSize;
    private int tailStart;
    private long tailWritten;
    private long total;

    OutputCapture(int headBytes, int tailBytes) {
        if (headBytes < 0 || tailBytes < 0) {
            throw new IllegalArgumentException("output limits must not be negative");
        }
        this.head = new byte[headBytes];
        this.tail = new byte[tailBytes];
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, head.length - headSize);
        System.arraycopy(bytes, offset, head, headSize, toHead);
        headSize += toHead;
        int from = offset + toHead;
        int remaining = length - toHead;
        if (tail.length == 0 || remaining == 0) {
            return;
        }
        if (remaining > tail.length) {
            // only the last tail.length bytes can survive
            from += remaining - tail.length;
            tailWritten += remaining - tail.length;
            remaining = tail.length;
        }
        while (remaining > 0) {
            int position = (int) (tailWritten % tail.length);
            int chunk = Math.min(remaining, tail.length - position);
            System.arraycopy(bytes, from, tail, position, chunk);
            from += chunk;
            remaining -= chunk;
            tailWritten += chunk;
        }
        tailStart = (int) (tailWritten % tail.length);
    }

    synchronized long totalBytes() {
        return total;
    }

    /** The captured text; when bytes were dropped, whole lines are cut and a marker says how many bytes. */
    synchronized Captured captured() {
        byte[] tailBytes = tailInOrder();
        long dropped = total - headSize - tailBytes.length;
        if (dropped == 0) {
            return new Captured(decode(head, 0, headSize) + decode(tailBytes, 0, tailBytes.length), 0);
        }
        // cut at line ends so the model never sees half a line (or half a UTF-8 character)
        int headEnd = lastNewline(head, headSize) + 1;
        int tailBegin = tailBytes.length == 0 ? 0 : firstNewline(tailBytes) + 1;
        long omitted = dropped + (headSize - headEnd) + tailBegin;
        String marker = "[... " + omitted + " bytes of output cut here ...]\n";
        String text = decode(head, 0, headEnd) + marker + decode(tailBytes, tailBegin, tailBytes.length - tailBegin);
        return new Captured(text, omitted);
    }

    private byte[] tailInOrder() {
        int size = (int) Math.min(tailWritten, tail.length);
        byte[] ordered = new byte[size];
        if (tailWritten <= tail.length) {
            System.arraycopy(tail, 0, ordered, 0, size);
        } else {
            int firstPart = tail.length - tailStart;
            System.arraycopy(tail, tailStart, ordered, 0, firstPart);
            System.arraycopy(tail, 0, ordered, firstPart, tailStart);
        }
        return ordered;
    }

    private static int lastNewline(byte[] bytes, int size) {
        for (int i = size - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return size - 1;
    }

    private static int firstNewline(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /** Captured text and how many bytes were left out of it. */
    record Captured(String text, long omittedBytes) {
    }
}
