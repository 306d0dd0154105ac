package com.contoso.reports;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
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
            line.invoiceNumber(),
            DATE.format(line.date()),
            line.customer(),
            line.amount().toPlainString(),
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

    /** One row of the export. */
    public record InvoiceLine(
            String invoiceNumber,
            LocalDate date,
            String customer,
            BigDecimal amount,
            String currency) {
    }
}
