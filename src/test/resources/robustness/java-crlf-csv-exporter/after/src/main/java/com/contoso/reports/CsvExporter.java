package com.contoso.reports;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes invoice lines as CSV for the accounting team's spreadsheet import.
 * The import tool expects CRLF line endings and a semicolon separator.
 */
public class CsvExporter {

    private static final String SEPARATOR = ";";
    private static final String LINE_END = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Writer out;
    private int linesWritten;

    public CsvExporter(Writer out) {
        this.out = out;
    }

    public void writeHeader() throws IOException {
        out.write(String.join(SEPARATOR, "invoice", "date", "customer", "amount", "currency"));
        out.write(LINE_END);
    }

    public void write(InvoiceLine line) throws IOException {
        String[] cells = {
            quote(line.invoiceNumber()),
            DATE.format(line.date()),
            quote(line.customer()),
            line.amount().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
            line.currency()
        };
        out.write(String.join(SEPARATOR, cells));
        out.write(LINE_END);
        linesWritten++;
    }

    public void writeAll(List<InvoiceLine> lines) throws IOException {
        for (InvoiceLine line : lines) {
            write(line);
        }
    }

    public int linesWritten() {
        return linesWritten;
    }

    /** Quotes a cell when it contains the separator, a quote or a line break (RFC 4180 style). */
    static String quote(String cell) {
        if (cell.contains(SEPARATOR) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /** One row of the export. */
    public record InvoiceLine(
            String invoiceNumber,
            LocalDate date,
            String customer,
            BigDecimal amount,
            String currency) {
    }
}
