package dev.descent.train;

import dev.descent.data.Batches;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The checkpoint file format, version 2: the magic {@code DESCKPT1}, the format version (an int),
 * the body length (a long), the body, and the CRC32 of everything before it (a long). The body is
 * big-endian ({@link DataOutputStream}), with floats and doubles as raw IEEE bits so that every
 * value round-trips exactly: meta, step, data cursor, parameters, the optimizer, network and
 * schedule state as length-prefixed bytes, the trainer's counters, and the history (records,
 * divergence events, epoch times). Version 1, without the records' objective, passes, batch and
 * training time, is still read.
 *
 * <p>Split from {@link Checkpoint}, which keeps what a checkpoint holds and where its files live.
 */
final class CheckpointFormat {

    private static final byte[] MAGIC = "DESCKPT1".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 2;

    private CheckpointFormat() {}

    /**
     * The file bytes of {@code c}: header, body and checksum.
     *
     * @param c the checkpoint
     * @return a new array
     * @throws IOException never in practice (the streams are in memory)
     */
    static byte[] encode(Checkpoint c) throws IOException {
        Map<String, String> meta = c.meta();
        float[] params = c.params();
        byte[] optimizerState = c.optimizerState();
        History history = c.history();
        ByteArrayOutputStream body = new ByteArrayOutputStream(params.length * 4 + optimizerState.length + 4096);
        DataOutputStream o = new DataOutputStream(body);
        o.writeInt(meta.size());
        for (Map.Entry<String, String> e : meta.entrySet()) {
            o.writeUTF(e.getKey());
            o.writeUTF(e.getValue());
        }
        o.writeLong(c.step());
        o.writeLong(c.cursor().epoch());
        o.writeInt(c.cursor().offset());
        o.writeInt(params.length);
        ByteBuffer pb = ByteBuffer.allocate(params.length * 4);
        pb.asFloatBuffer().put(params);
        o.write(pb.array());
        writeBytes(o, optimizerState);
        writeBytes(o, c.networkState());
        writeBytes(o, c.scheduleState());
        Checkpoint.Progress p = c.progress();
        o.writeDouble(p.lrScale());
        o.writeInt(p.failures());
        o.writeDouble(p.ema());
        o.writeDouble(p.firstLoss());
        o.writeLong(p.emaCount());
        o.writeDouble(p.lossSum());
        o.writeLong(p.lossCount());
        o.writeLong(p.samples());
        o.writeLong(p.trainNanos());
        o.writeLong(p.epochNanos());
        o.writeLong(p.elapsedNanos());
        o.writeInt(history.records.size());
        for (History.Record r : history.records) {
            o.writeLong(r.step());
            o.writeDouble(r.epoch());
            o.writeDouble(r.trainLoss());
            o.writeDouble(r.valLoss());
            o.writeDouble(r.valAccuracy());
            o.writeDouble(r.lr());
            o.writeDouble(r.elapsedSeconds());
            o.writeDouble(r.objective());
            o.writeDouble(r.passes());
            o.writeInt(r.batch());
            o.writeDouble(r.trainSeconds());
        }
        o.writeInt(history.events.size());
        for (History.Event ev : history.events) {
            o.writeLong(ev.step());
            o.writeDouble(ev.loss());
            o.writeInt(ev.cause().ordinal());
            o.writeLong(ev.rolledBackTo());
            o.writeDouble(ev.lrScale());
        }
        o.writeInt(history.epochSeconds.size());
        for (double s : history.epochSeconds) {
            o.writeDouble(s);
        }
        o.flush();
        byte[] b = body.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream(b.length + 32);
        DataOutputStream f = new DataOutputStream(file);
        f.write(MAGIC);
        f.writeInt(VERSION);
        f.writeLong(b.length);
        f.write(b);
        CRC32 crc = new CRC32();
        crc.update(file.toByteArray());
        f.writeLong(crc.getValue());
        f.flush();
        return file.toByteArray();
    }

    /**
     * Parses and checks the file bytes {@code all}.
     *
     * @param all the whole file
     * @param name how messages name the file
     * @return the checkpoint
     * @throws IllegalArgumentException naming the file when the magic, version, length or
     *     checksum is wrong or the body does not parse
     */
    static Checkpoint decode(byte[] all, String name) {
        int header = MAGIC.length + 4 + 8;
        if (all.length < header + 8 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException(name + " is not a descent checkpoint (wrong magic number); refusing to resume from it");
        }
        ByteBuffer h = ByteBuffer.wrap(all);
        int version = h.getInt(MAGIC.length);
        long len = h.getLong(MAGIC.length + 4);
        if (version != VERSION && version != 1) {
            throw new IllegalArgumentException(name + " has checkpoint format version " + version + ", this descent reads " + VERSION);
        }
        if (len != all.length - header - 8) {
            throw new IllegalArgumentException(name + " is corrupt: truncated or extended (" + (all.length - header - 8)
                    + " body bytes, the header says " + len + "); refusing to resume from it");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = h.getLong(all.length - 8);
        if (crc.getValue() != stored) {
            throw new IllegalArgumentException(String.format("%s is corrupt: checksum mismatch (CRC32 stored %08x, computed %08x); refusing to resume from it",
                    name, stored, crc.getValue()));
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, header, (int) len));
            int m = in.readInt();
            Map<String, String> meta = new TreeMap<>();
            for (int i = 0; i < m; i++) {
                meta.put(in.readUTF(), in.readUTF());
            }
            long step = in.readLong();
            Batches.Cursor cursor = new Batches.Cursor(in.readLong(), in.readInt());
            float[] params = new float[in.readInt()];
            byte[] pb = in.readNBytes(params.length * 4);
            ByteBuffer.wrap(pb).asFloatBuffer().get(params);
            byte[] opt = readBytes(in);
            byte[] net = readBytes(in);
            byte[] sched = readBytes(in);
            Checkpoint.Progress p = new Checkpoint.Progress(in.readDouble(), in.readInt(), in.readDouble(), in.readDouble(), in.readLong(), in.readDouble(),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
            History hist = new History();
            int nr = in.readInt();
            for (int i = 0; i < nr; i++) {
                History.Record r = new History.Record(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble());
                if (version >= 2) {
                    r = new History.Record(r.step(), r.epoch(), r.trainLoss(), r.valLoss(), r.valAccuracy(), r.lr(),
                            r.elapsedSeconds(), in.readDouble(), in.readDouble(), in.readInt(), in.readDouble());
                }
                hist.records.add(r);
            }
            int ne = in.readInt();
            for (int i = 0; i < ne; i++) {
                hist.events.add(new History.Event(in.readLong(), in.readDouble(), History.Cause.values()[in.readInt()],
                        in.readLong(), in.readDouble()));
            }
            int ns = in.readInt();
            for (int i = 0; i < ns; i++) {
                hist.epochSeconds.add(in.readDouble());
            }
            return new Checkpoint(meta, step, cursor, params, opt, net, sched, p, hist);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof EOFException ? "it ends early" : "a value is out of range";
            throw new IllegalArgumentException(name + " is corrupt: its body does not parse (" + why + "); refusing to resume from it");
        }
    }

    private static void writeBytes(DataOutputStream o, byte[] b) throws IOException {
        o.writeInt(b.length);
        o.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new EOFException("negative length");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("short section");
        }
        return b;
    }
}
