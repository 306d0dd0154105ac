package dev.ratchet.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds command objects, handing {@link Io} to those whose constructor asks for it. */
final class CommandFactory implements CommandLine.IFactory {
    private final Io io;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Io io) {
        this.io = io;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> withIo = type.getDeclaredConstructor(Io.class);
            withIo.setAccessible(true);
            return withIo.newInstance(io);
        } catch (NoSuchMethodException noIoConstructor) {
            return fallback.create(type);
        }
    }
}
