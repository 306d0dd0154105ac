package com.acme.catalog.web;

import java.util.List;
import java.util.Objects;

/**
 * A page of results plus the numbers a client needs to render pagination controls.
 * Pages are 1-based, as they appear in the query string ({@code ?page=1&size=20}).
 */
public final class Pagination<T> {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    private final List<T> items;
    private final int page;
    private final int size;
    private final long totalItems;

    private Pagination(List<T> items, int page, int size, long totalItems) {
        this.items = List.copyOf(items);
        this.page = page;
        this.size = size;
        this.totalItems = totalItems;
    }

    /**
     * Cuts one page out of {@code all}. A page past the end yields an empty item list
     * rather than an error, so stale links keep working.
     */
    public static <T> Pagination<T> of(List<T> all, int page, int size) {
        Objects.requireNonNull(all, "all");
        if (page < 1) {
            throw new IllegalArgumentException("page must be >= 1, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        int from = (page - 1) * size;
        int to = from + size;
        if (from >= all.size()) {
            return new Pagination<>(List.of(), page, size, all.size());
        }
        return new Pagination<>(all.subList(from, to), page, size, all.size());
    }

    public List<T> items() {
        return items;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public long totalItems() {
        return totalItems;
    }

    /** Number of pages needed to show every item; an empty result still has one page. */
    public int totalPages() {
        if (totalItems == 0) {
            return 1;
        }
        return (int) (totalItems / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    @Override
    public String toString() {
        return "Pagination[page=" + page + "/" + totalPages() + ", size=" + size
                + ", items=" + items.size() + " of " + totalItems + "]";
    }
}
