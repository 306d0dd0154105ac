package com.contoso.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the support queue for an incoming ticket from its subject and the customer's plan.
 * Saved by an IDE on Windows: UTF-8 with a byte order mark and CRLF line endings.
 */
public class TicketRouter {

    public enum Queue { BILLING, OUTAGE, ACCOUNT, GENERAL, PRIORITY }

    public record Ticket(String subject, String body, String plan) {
    }

    private record Rule(String keyword, Queue queue) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public TicketRouter() {
        rules.add(new Rule("invoice", Queue.BILLING));
        rules.add(new Rule("refund", Queue.BILLING));
        rules.add(new Rule("down", Queue.OUTAGE));
        rules.add(new Rule("not loading", Queue.OUTAGE));
        rules.add(new Rule("password", Queue.ACCOUNT));
        rules.add(new Rule("login", Queue.ACCOUNT));
        rules.add(new Rule("two-factor", Queue.ACCOUNT));
    }

    /** Adds a rule that is checked before the built-in ones. */
    public TicketRouter withRule(String keyword, Queue queue) {
        rules.add(0, new Rule(keyword.toLowerCase(Locale.ROOT), queue));
        return this;
    }

    public Queue route(Ticket ticket) {
        if ("enterprise".equalsIgnoreCase(ticket.plan())) {
            return match(ticket.subject()).filter(q -> q == Queue.OUTAGE).orElse(Queue.PRIORITY);
        }
        return match(ticket.subject()).or(() -> match(ticket.body())).orElse(Queue.GENERAL);
    }

    private Optional<Queue> match(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (lower.contains(rule.keyword())) {
                return Optional.of(rule.queue());
            }
        }
        return Optional.empty();
    }
}
