package dev.descent.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The file format of {@link Model#save} and {@link Model#load}, big-endian
 * ({@link DataOutputStream}):
 *
 * <pre>
 * int    magic 0x44534D4C ("DSML")
 * int    format version (1)
 * int    input size; UTF loss name; int maxBatch
 * int    layer count, then per layer a UTF kind and its settings:
 *          "dense" int out, UTF init | "batchnorm" | "dropout" double p | an activation id
 * int    parameter count, then the float32 parameters (raw bits)
 * int    state float count, the floats; int state long count, the longs ({@link ModelState})
 * long   CRC32 of every byte before it
 * </pre>
 *
 * The architecture is stored layer by layer, so any model the {@link ModelBuilder} makes can be
 * saved, whether or not it came from a {@link ModelSpec}.
 */
final class ModelFile {

    static final int MAGIC = 0x44534D4C;
    static final int VERSION = 1;

    private ModelFile() {}

    static void write(Model m, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 4 * m.paramCount());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(m.inputSize());
        out.writeUTF(m.loss().name());
        out.writeInt(m.maxBatch());
        out.writeInt(m.layers().size());
        for (Layer l : m.layers()) {
            switch (l) {
                case Dense d -> {
                    out.writeUTF("dense");
                    out.writeInt(d.outputSize());
                    out.writeUTF(d.init().name().toLowerCase(Locale.ROOT));
                }
                case BatchNorm1d b -> out.writeUTF("batchnorm");
                case Dropout d -> {
                    out.writeUTF("dropout");
                    out.writeDouble(d.p());
                }
                case ReLU a -> out.writeUTF(Activation.RELU.id());
                case LeakyReLU a -> out.writeUTF(Activation.LEAKY_RELU.id());
                case Tanh a -> out.writeUTF(Activation.TANH.id());
                case Sigmoid a -> out.writeUTF(Activation.SIGMOID.id());
                case Gelu a -> out.writeUTF(Activation.GELU.id());
            }
        }
        float[] w = m.params();
        out.writeInt(w.length);
        for (float v : w) {
            out.writeInt(Float.floatToRawIntBits(v));
        }
        ModelState s = m.exportState();
        float[] f = s.buffers();
        long[] r = s.rng();
        out.writeInt(f.length);
        for (float v : f) {
            out.writeInt(Float.floatToRawIntBits(v));
        }
        out.writeInt(r.length);
        for (long v : r) {
            out.writeLong(v);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        // a regular file is replaced atomically; a link stays a link; a stream is written in place
        dev.descent.io.OutputFile.write(file, bytes.toByteArray());
    }

    static Model read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String name = file.toString();
        if (all.length < 8 || readInt(all, 0) != MAGIC) {
            throw new IllegalArgumentException(name + " is not a descent model file (wrong magic number); "
                    + "give a file written by Model.save");
        }
        int version = readInt(all, 4);
        if (version != VERSION) {
            throw new IllegalArgumentException(name + " has model format version " + version + ", this descent reads "
                    + VERSION + "; save the model again with this version");
        }
        if (all.length < 16) {
            throw new IllegalArgumentException(name + " is corrupt: truncated (" + all.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = ((long) readInt(all, all.length - 8) << 32) | (readInt(all, all.length - 4) & 0xFFFFFFFFL);
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is corrupt: checksum mismatch (CRC32 stored %08x, computed %08x); save the model again",
                    name, stored, crc.getValue()));
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 8, all.length - 16));
            ModelBuilder b = Model.builder(in.readInt()).loss(Loss.of(in.readUTF())).maxBatch(in.readInt());
            int layers = in.readInt();
            for (int i = 0; i < layers; i++) {
                String kind = in.readUTF();
                switch (kind) {
                    case "dense" -> b.dense(in.readInt(), Init.of(in.readUTF()));
                    case "batchnorm" -> b.batchNorm();
                    case "dropout" -> b.dropout(in.readDouble());
                    default -> {
                        Activation a = Activation.find(kind);
                        if (a == null) {
                            throw new IOException("unknown layer kind '" + kind + "'");
                        }
                        b.activation(a);
                    }
                }
            }
            Model m = b.build(0);
            float[] w = m.params();
            int count = in.readInt();
            if (count != w.length) {
                throw new IOException(count + " parameters for an architecture with " + w.length);
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = Float.intBitsToFloat(in.readInt());
            }
            float[] f = new float[checkedLength(in.readInt(), all.length)];
            for (int i = 0; i < f.length; i++) {
                f[i] = Float.intBitsToFloat(in.readInt());
            }
            long[] r = new long[checkedLength(in.readInt(), all.length)];
            for (int i = 0; i < r.length; i++) {
                r[i] = in.readLong();
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            m.importState(new ModelState(f, r));
            return m;
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof EOFException ? "truncated" : e.getMessage();
            throw new IllegalArgumentException(name + " is corrupt: its body does not parse (" + why + ")", e);
        }
    }

    private static int checkedLength(int n, int fileLength) throws IOException {
        if (n < 0 || n > fileLength) {
            throw new IOException("bad length " + n);
        }
        return n;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
