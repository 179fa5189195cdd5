package dev.descent.data;

import dev.descent.io.OutputFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The IDX file format of MNIST and Fashion-MNIST (LeCun et al., http://yann.lecun.com/exdb/mnist/):
 * two zero bytes, a type byte (0x08 = unsigned byte, the only type these sets use), a byte with
 * the number of dimensions k, k big-endian uint32 sizes, then the values in C order. Files may be
 * gzip-compressed (detected by the gzip magic bytes, not the name).
 *
 * <p>A corrupt file gives an {@link IllegalArgumentException} naming the file and what is wrong:
 * a wrong magic number, bad sizes, or a truncated body.
 */
public final class Idx {

    /** The unsigned-byte type code. */
    public static final int UBYTE = 0x08;

    /** Refuses bodies larger than this many values (guards against absurd sizes in a corrupt header). */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private Idx() {}

    /**
     * An IDX array of unsigned bytes.
     *
     * @param dims the sizes, outermost first; each ≥ 1
     * @param data the values, C order; {@code data[i] & 0xFF} is the unsigned value
     */
    public record Array(int[] dims, byte[] data) {
        /**
         * The number of values: the product of the sizes.
         *
         * @return the product of the sizes
         */
        public long size() {
            long s = 1;
            for (int v : dims) {
                s *= v;
            }
            return s;
        }
    }

    /**
     * Reads an IDX file, gzipped or not.
     *
     * @param file an IDX file, gzipped ({@code .gz} magic bytes) or not
     * @return its sizes and values
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is corrupt (wrong magic number, bad sizes, truncated), naming the file
     */
    public static Array read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString());
        }
    }

    /**
     * Reads an IDX stream, gzipped or not; {@code name} appears in error messages.
     *
     * @param raw the stream, gzipped or not; not closed here
     * @param name how error messages name the stream
     * @return its sizes and values
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is corrupt
     */
    public static Array read(InputStream raw, String name) throws IOException {
        Array[] out = new Array[1];
        parse(raw, name, (dims, total, data) -> {
            byte[] body = new byte[(int) total];
            int got = data.readNBytes(body, 0, body.length);
            if (got < body.length) {
                throw truncated(name, total, got);
            }
            out[0] = new Array(dims, body);
        });
        return out[0];
    }

    /**
     * Reads an unsigned-byte IDX file straight into floats scaled to [0, 1] (value / 255), without
     * holding the bytes: the memory-lean path for large image files.
     *
     * @return the sizes (outermost first) and the values, C order
     * @param file an unsigned-byte IDX file, gzipped or not
     * @throws IOException when it cannot be read
     */
    public static Scaled readScaled(Path file) throws IOException {
        Scaled[] out = new Scaled[1];
        try (InputStream raw = Files.newInputStream(file)) {
            parse(raw, file.toString(), (dims, total, data) -> {
                float[] x = new float[(int) total];
                byte[] chunk = new byte[1 << 16];
                int filled = 0;
                while (filled < x.length) {
                    int got = data.readNBytes(chunk, 0, Math.min(chunk.length, x.length - filled));
                    if (got == 0) {
                        throw truncated(file.toString(), total, filled);
                    }
                    for (int i = 0; i < got; i++) {
                        x[filled + i] = (chunk[i] & 0xFF) * (1f / 255f);
                    }
                    filled += got;
                }
                out[0] = new Scaled(dims, x);
            });
        }
        return out[0];
    }

    /**
     * An IDX array converted to floats in [0, 1].
     *
     * @param dims the sizes, outermost first
     * @param values the scaled values, C order
     */
    public record Scaled(int[] dims, float[] values) {}

    private interface Body {
        void read(int[] dims, long total, DataInputStream data) throws IOException;
    }

    private static IllegalArgumentException truncated(String name, long total, long got) {
        return new IllegalArgumentException(name + ": truncated: the header declares " + total + " values, the file holds " + got);
    }

    private static void parse(InputStream raw, String name, Body body) throws IOException {
        BufferedInputStream buf = new BufferedInputStream(raw, 1 << 16);
        buf.mark(2);
        int b0 = buf.read();
        int b1 = buf.read();
        buf.reset();
        InputStream in = buf;
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(buf, 1 << 16), 1 << 16);
            } catch (IOException e) {
                throw new IllegalArgumentException(name + ": corrupt gzip header (" + e.getMessage() + ")");
            }
        }
        DataInputStream data = new DataInputStream(in);
        try {
            int z0 = data.readUnsignedByte();
            int z1 = data.readUnsignedByte();
            int type = data.readUnsignedByte();
            int k = data.readUnsignedByte();
            if (z0 != 0 || z1 != 0) {
                throw new IllegalArgumentException(String.format(
                        "%s: wrong magic number 0x%02x%02x%02x%02x (an IDX file starts with 0x0000, a type byte and a dimension count)",
                        name, z0, z1, type, k));
            }
            if (type != UBYTE) {
                throw new IllegalArgumentException(String.format(
                        "%s: wrong magic number: type code 0x%02x is not 0x08 (unsigned byte), the only type MNIST-style files use", name, type));
            }
            if (k < 1 || k > 4) {
                throw new IllegalArgumentException(name + ": bad sizes: " + k + " dimensions (expected 1 to 4)");
            }
            int[] dims = new int[k];
            long total = 1;
            for (int i = 0; i < k; i++) {
                dims[i] = data.readInt();
                if (dims[i] <= 0) {
                    throw new IllegalArgumentException(name + ": bad sizes: dimension " + i + " is " + Integer.toUnsignedString(dims[i]));
                }
                total *= dims[i];
                if (total > MAX_VALUES) {
                    throw new IllegalArgumentException(name + ": bad sizes: the header declares more than 2^31 - 9 values");
                }
            }
            body.read(dims, total, data);
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": truncated: the file ends inside the header");
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(name + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Unexpected end of ZLIB input stream")) {
                throw new IllegalArgumentException(name + ": truncated: the gzip stream ends early");
            }
            throw e;
        }
    }

    /**
     * Writes an unsigned-byte IDX file, gzip-compressed when {@code gzip}, by the rules of
     * {@link OutputFile} (atomic for a regular file, a symbolic link kept, a stream written in place).
     *
     * @param file the output path
     * @param dims the dimensions, whose product is {@code values.length}
     * @param values the unsigned bytes, row-major
     * @param gzip whether to gzip the file
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, int[] dims, byte[] values, boolean gzip) throws IOException {
        long total = 1;
        for (int v : dims) {
            total *= v;
        }
        if (total != values.length) {
            throw new IllegalArgumentException("dims hold " + total + " values, data has " + values.length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(values.length + 32);
        try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
                DataOutputStream out = new DataOutputStream(sink)) {
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(UBYTE);
            out.writeByte(dims.length);
            for (int v : dims) {
                out.writeInt(v);
            }
            out.write(values);
        }
        OutputFile.write(file, bytes.toByteArray());
    }

    /**
     * Combines images already scaled by {@link #readScaled} (n × rows × cols) with a label file
     * (n) into a data set with {@code classes} classes.
     *
     * @param images n × rows × cols scaled pixels
     * @param labels n labels in [0, classes)
     * @param classes the number of classes
     * @param name how error messages name the pair
     * @return n rows of rows·cols features
     * @throws IllegalArgumentException when the counts differ or a label is out of range
     */
    public static Dataset images(Scaled images, Array labels, int classes, String name) {
        int n = images.dims()[0];
        int[] y = labels(images.dims(), labels, classes, name);
        return new Dataset(images.values(), y, n, images.values().length / n, classes);
    }

    /**
     * Combines an image file (n × rows × cols) and a label file (n) into a data set with
     * features scaled to [0, 1] (value / 255) and {@code classes} classes.
     *
     * @param images n × rows × cols unsigned bytes
     * @param labels n labels in [0, classes)
     * @param classes the number of classes
     * @param name how error messages name the pair
     * @return n rows of rows·cols features in [0, 1]
     * @throws IllegalArgumentException when the counts differ or a label is out of range
     */
    public static Dataset images(Array images, Array labels, int classes, String name) {
        int[] y = labels(images.dims(), labels, classes, name);
        int n = images.dims()[0];
        int d = (int) (images.size() / n);
        byte[] px = images.data();
        float[] x = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            x[i] = (px[i] & 0xFF) * (1f / 255f);
        }
        return new Dataset(x, y, n, d, classes);
    }

    /**
     * Checks that an image array of dimensions {@code imageDims} (n × …, at least 2) and a label
     * file (n) pair up, and returns the labels as ints, each checked to lie in [0, classes).
     */
    private static int[] labels(int[] imageDims, Array labels, int classes, String name) {
        if (imageDims.length < 2) {
            throw new IllegalArgumentException(name + ": bad sizes: images need at least 2 dimensions, got " + imageDims.length);
        }
        if (labels.dims().length != 1) {
            throw new IllegalArgumentException(name + ": bad sizes: labels need 1 dimension, got " + labels.dims().length);
        }
        int n = imageDims[0];
        if (labels.dims()[0] != n) {
            throw new IllegalArgumentException(name + ": bad sizes: " + n + " images but " + labels.dims()[0] + " labels");
        }
        int[] y = new int[n];
        byte[] lb = labels.data();
        for (int i = 0; i < n; i++) {
            y[i] = lb[i] & 0xFF;
            if (y[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + y[i] + " at row " + i + " is outside [0, " + classes + ")");
            }
        }
        return y;
    }
}
