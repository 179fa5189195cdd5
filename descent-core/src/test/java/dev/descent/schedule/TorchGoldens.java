package dev.descent.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code torch_goldens.txt}, written by {@code tools/schedule_torch_goldens.py} (torch 1.13). */
record TorchGoldens(String name, Map<String, String> args, double lr0, double[] metrics, double[] lrs) {

    static List<TorchGoldens> load() {
        List<TorchGoldens> cases = new ArrayList<>();
        try (InputStream in = TorchGoldens.class.getResourceAsStream("torch_goldens.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            Map<String, String> args = null;
            double lr0 = Double.NaN;
            double[] metrics = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] w = line.split(" ", 2);
                switch (w[0]) {
                    case "case" -> {
                        String[] c = w[1].split(" ");
                        name = c[0];
                        args = new LinkedHashMap<>();
                        for (String kv : c[1].split(",")) {
                            String[] p = kv.split("=", 2);
                            args.put(p[0], p[1]);
                        }
                        metrics = null;
                    }
                    case "lr0" -> lr0 = Double.parseDouble(w[1]);
                    case "metrics" -> metrics = numbers(w[1]);
                    case "lrs" -> cases.add(new TorchGoldens(name, args, lr0, metrics, numbers(w[1])));
                    default -> throw new IllegalStateException("unexpected golden line: " + line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cases;
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.split(" ")).mapToDouble(x -> x.equals("nan") ? Double.NaN : Double.parseDouble(x)).toArray();
    }

    double d(String key) {
        return Double.parseDouble(args.get(key));
    }

    long l(String key) {
        return Long.parseLong(args.get(key));
    }

    @Override
    public String toString() {
        return name + " " + args;
    }
}
