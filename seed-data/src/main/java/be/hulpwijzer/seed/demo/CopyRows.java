package be.hulpwijzer.seed.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Rows in PostgreSQL's COPY csv format, for one table, kept in memory until written. */
final class CopyRows {

    final String table;
    final String columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int count;

    CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    CopyRows row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            append(values[i]);
        }
        text.append('\n');
        count++;
        return this;
    }

    private void append(Object value) {
        if (value == null) {
            return; // unquoted empty: NULL
        }
        if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof List<?> list) {
            quoted("{" + String.join(",", list.stream().map(String::valueOf).toList()) + "}");
        } else if (value instanceof Instant || value instanceof LocalDate) {
            text.append(value);
        } else {
            quoted(value.toString());
        }
    }

    private void quoted(String value) {
        text.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    String sql() {
        return "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)";
    }

    String text() {
        return text.toString();
    }

    int count() {
        return count;
    }

    void clear() {
        text.setLength(0);
        count = 0;
    }
}
