package ai.automagik.tracing.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Model prices by model name, with the version of the table they come from. A model is found by its exact name,
 * else by the longest name in the table its own begins with ({@code gpt-4o-mini-2024-07-18} costs what
 * {@code gpt-4o-mini} costs), case-insensitive.
 * <p>
 * Text form, one model per line: {@code model,input,output[,cached_input[,cache_write]]} in US dollars per million
 * tokens ({@code cached_input} defaults to the input price, {@code cache_write} too); {@code # version <v>} names
 * the version; other lines starting with {@code #} and blank lines are ignored.
 */
public final class PriceTable {

    public static final PriceTable EMPTY = new PriceTable("none", Map.of());
    private static final String DEFAULTS = "prices.csv";

    private final String version;
    private final Map<String, ModelPrice> prices;

    private PriceTable(String version, Map<String, ModelPrice> prices) {
        this.version = version;
        this.prices = Collections.unmodifiableMap(prices);
    }

    /** The prices shipped with the library. */
    public static PriceTable defaults() {
        try (InputStream in = PriceTable.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the library");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default prices");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The defaults, then what {@code file} holds (null: none), then {@code inline} (entries separated by
     * {@code ;}, each {@code model=input/output[/cached_input[/cache_write]]}; null or blank: none); a later
     * entry replaces an earlier one of the same model.
     *
     * @throws IllegalArgumentException naming the entry when one is malformed or the file cannot be read
     */
    public static PriceTable load(Path file, String inline) {
        PriceTable table = defaults();
        if (file != null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the price file (" + e.getClass().getSimpleName() + ")");
            }
            table = table.with(parse(text, "price file"));
        }
        if (inline != null && !inline.isBlank()) {
            StringBuilder lines = new StringBuilder();
            for (String entry : inline.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("'" + entry.strip() + "' is not model=input/output");
                }
                lines.append(entry, 0, equals).append(',').append(entry.substring(equals + 1).replace('/', ','))
                        .append('\n');
            }
            table = table.with(parse(lines.toString(), "price setting"));
        }
        return table;
    }

    static PriceTable parse(String text, String what) {
        String version = null;
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String stripped = line.strip();
            if (stripped.startsWith("# version ")) {
                version = stripped.substring("# version ".length()).strip();
                continue;
            }
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("model,")) {
                continue;
            }
            String[] fields = stripped.split(",");
            if (fields.length < 3 || fields.length > 5 || fields[0].isBlank()) {
                throw new IllegalArgumentException(what + " line " + number + " is not model,input,output"
                        + "[,cached_input[,cache_write]]");
            }
            try {
                double input = Double.parseDouble(fields[1].strip());
                double output = Double.parseDouble(fields[2].strip());
                double cached = fields.length > 3 ? Double.parseDouble(fields[3].strip()) : input;
                double write = fields.length > 4 ? Double.parseDouble(fields[4].strip()) : input;
                prices.put(fields[0].strip().toLowerCase(Locale.ROOT), new ModelPrice(input, output, cached, write));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " line " + number + " ('" + fields[0].strip()
                        + "'): prices are numbers of US dollars per million tokens, 0 or more");
            }
        }
        return new PriceTable(version == null ? what : version, prices);
    }

    private PriceTable with(PriceTable later) {
        Map<String, ModelPrice> merged = new LinkedHashMap<>(prices);
        merged.putAll(later.prices);
        String merges = later.prices.isEmpty() ? version : version + "+" + later.version;
        return new PriceTable(merges, merged);
    }

    /** The model's price, or null when the table does not know it. */
    public ModelPrice price(String model) {
        if (model == null || model.isBlank()) {
            return null;
        }
        String name = model.strip().toLowerCase(Locale.ROOT);
        ModelPrice exact = prices.get(name);
        if (exact != null) {
            return exact;
        }
        String longest = null;
        for (String known : prices.keySet()) {
            if (name.startsWith(known) && (longest == null || known.length() > longest.length())) {
                longest = known;
            }
        }
        return longest == null ? null : prices.get(longest);
    }

    /** Which table the prices come from: the defaults' version, then the overrides' (a file's version, if named). */
    public String version() {
        return version;
    }

    public int size() {
        return prices.size();
    }
}
