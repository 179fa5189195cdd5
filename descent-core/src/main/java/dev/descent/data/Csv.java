package dev.descent.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a classification data set from a comma-separated file: one row per line, numeric
 * features, one label column. The first line is a header when any of its fields is not a
 * number. The label column is chosen by header name or by 0-based index (default: the last
 * column). Labels that are integers 0..K−1 are kept as they are; any other labels (strings,
 * or integers with gaps) are numbered in sorted order of their text.
 *
 * <p>The file is UTF-8 (a byte-order mark is skipped). Blank lines are skipped. A line that is not
 * valid UTF-8, a row with the wrong number of fields, or a feature that is not a finite number
 * ({@code NaN}, {@code inf}, {@code Infinity}, a word) gives an {@link IllegalArgumentException}
 * naming the file and the line.
 */
public final class Csv {

    private Csv() {}

    /**
     * Reads {@code file}.
     *
     * @param file a UTF-8 CSV file
     * @param label the label column: a header name, a 0-based index, or null for the last column
     * @return the data set
     * @throws IllegalArgumentException naming the file and line of the first problem
     * @throws IOException when the file cannot be read
     */
    public static Dataset read(Path file, String label) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] header = null;
        String name = file.toString();
        byte[] all = Files.readAllBytes(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = all.length >= 3 && (all[0] & 0xff) == 0xEF && (all[1] & 0xff) == 0xBB && (all[2] & 0xff) == 0xBF ? 3 : 0; // a UTF-8 BOM
        int lineNo = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            lineNo++;
            String line;
            try {
                line = utf8.decode(ByteBuffer.wrap(all, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(name + ": line " + lineNo + " is not valid UTF-8; save the file as UTF-8"
                        + " (for example iconv -f latin1 -t utf-8 " + file.getFileName() + ")");
            }
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].trim();
            }
            if (header == null && rows.isEmpty() && !allNumeric(f)) {
                header = f;
                continue;
            }
            rows.add(f);
            lineNumbers.add(lineNo);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": no data rows");
        }
        int cols = rows.get(0).length;
        if (cols < 2) {
            throw new IllegalArgumentException(name + ": need at least one feature and one label column, got " + cols + " column");
        }
        int lc = labelColumn(header, cols, label, name);
        int n = rows.size();
        int d = cols - 1;
        float[] x = new float[n * d];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i);
            if (f.length != cols) {
                throw new IllegalArgumentException(name + ": data row " + (i + 1) + " has " + f.length + " fields, expected " + cols + " (line " + lineNumbers.get(i) + ")");
            }
            int j = 0;
            for (int c = 0; c < cols; c++) {
                if (c == lc) {
                    labels[i] = f[c];
                    continue;
                }
                float v;
                String what = "a finite number";
                try {
                    v = Float.parseFloat(f[c]);
                } catch (NumberFormatException e) {
                    v = Float.NaN;
                    what = "a number";
                }
                if (!Float.isFinite(v)) {
                    // one rule for NaN, inf, Infinity, 1e999 and words: a feature is a finite number
                    throw new IllegalArgumentException(name + ": line " + lineNumbers.get(i) + " column " + c + ": '" + shorten(f[c])
                            + "' is not " + what + "; features must be finite numbers (fill or drop missing values first)");
                }
                x[i * d + j++] = v;
            }
        }
        int[] y = new int[n];
        int classes = encode(labels, y);
        if (classes < 2) {
            throw new IllegalArgumentException(name + ": the label column holds only one class");
        }
        return new Dataset(x, y, n, d, classes);
    }

    private static int labelColumn(String[] header, int cols, String label, String name) {
        if (label == null) {
            return cols - 1;
        }
        if (header != null) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].equals(label)) {
                    return c;
                }
            }
        }
        try {
            int c = Integer.parseInt(label);
            if (c < 0 || c >= cols) {
                throw new IllegalArgumentException(name + ": label column " + c + " is outside [0, " + cols + ")");
            }
            return c;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": no column named '" + label + "'"
                    + (header == null ? " (the file has no header)" : " in the header " + String.join(",", header)));
        }
    }

    /** Maps labels to 0..K−1 and returns K. */
    private static int encode(String[] labels, int[] y) {
        boolean dense = true;
        int max = -1;
        for (String s : labels) {
            try {
                int v = Integer.parseInt(s);
                if (v < 0) {
                    dense = false;
                }
                max = Math.max(max, v);
            } catch (NumberFormatException e) {
                dense = false;
            }
        }
        Map<String, Integer> ids = new TreeMap<>();
        for (String s : labels) {
            ids.putIfAbsent(s, 0);
        }
        if (dense && ids.size() == max + 1) {
            for (int i = 0; i < labels.length; i++) {
                y[i] = Integer.parseInt(labels[i]);
            }
            return max + 1;
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            e.setValue(k++);
        }
        for (int i = 0; i < labels.length; i++) {
            y[i] = ids.get(labels[i]);
        }
        return k;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static boolean allNumeric(String[] f) {
        for (String s : f) {
            if (s.isEmpty()) {
                return false;
            }
            char c = s.toLowerCase(Locale.ROOT).charAt(0);
            if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
