package dev.netgen.initrd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The few facts netgen needs from an ELF64 little-endian file (kernel modules and busybox on x86-64 and
 * arm64): the bytes of a named section and whether the program asks for a dynamic loader. Reading them
 * here, instead of running modinfo/readelf, keeps the initramfs build free of host tools.
 */
final class ElfFile {
    private static final int PT_INTERP = 3;

    private final ByteBuffer buf;

    private ElfFile(ByteBuffer buf) {
        this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Parses {@code bytes}; {@code what} names the file in error messages. */
    static ElfFile parse(ByteBuffer bytes, String what) {
        if (bytes.limit() < 64 || bytes.get(0) != 0x7f || bytes.get(1) != 'E' || bytes.get(2) != 'L' || bytes.get(3) != 'F') {
            throw new IllegalArgumentException(what + " is not an ELF file");
        }
        if (bytes.get(4) != 2 || bytes.get(5) != 1) {
            throw new IllegalArgumentException(what + " is not a 64-bit little-endian ELF file (class "
                    + bytes.get(4) + ", data " + bytes.get(5) + ")");
        }
        return new ElfFile(bytes);
    }

    /** True when a program header asks for an interpreter (ld.so), i.e. the binary is dynamically linked. */
    boolean hasInterpreter() {
        long phoff = buf.getLong(0x20);
        int phentsize = Short.toUnsignedInt(buf.getShort(0x36));
        int phnum = Short.toUnsignedInt(buf.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            int at = checkedOffset(phoff + (long) i * phentsize, 4);
            if (buf.getInt(at) == PT_INTERP) {
                return true;
            }
        }
        return false;
    }

    /** The contents of the section called {@code name}, if the file has one. */
    Optional<ByteBuffer> section(String name) {
        long shoff = buf.getLong(0x28);
        int shentsize = Short.toUnsignedInt(buf.getShort(0x3a));
        int shnum = Short.toUnsignedInt(buf.getShort(0x3c));
        int shstrndx = Short.toUnsignedInt(buf.getShort(0x3e));
        if (shoff == 0 || shnum == 0 || shstrndx >= shnum) {
            return Optional.empty();
        }
        int strHeader = checkedOffset(shoff + (long) shstrndx * shentsize, 64);
        long strOff = buf.getLong(strHeader + 0x18);
        long strSize = buf.getLong(strHeader + 0x20);
        for (int i = 0; i < shnum; i++) {
            int header = checkedOffset(shoff + (long) i * shentsize, 64);
            int nameOff = buf.getInt(header);
            if (nameOff < 0 || nameOff >= strSize) {
                continue;
            }
            if (name.equals(cString(checkedOffset(strOff + nameOff, 1)))) {
                long off = buf.getLong(header + 0x18);
                long size = buf.getLong(header + 0x20);
                int start = checkedOffset(off, size);
                return Optional.of(buf.duplicate().position(start).limit(start + (int) size).slice());
            }
        }
        return Optional.empty();
    }

    private String cString(int at) {
        int end = at;
        while (end < buf.limit() && buf.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - at];
        buf.get(at, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private int checkedOffset(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > buf.limit()) {
            throw new IllegalArgumentException("truncated or corrupt ELF file (offset " + offset + " beyond " + buf.limit() + ")");
        }
        return (int) offset;
    }
}
