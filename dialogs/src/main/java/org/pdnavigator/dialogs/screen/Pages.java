package org.pdnavigator.dialogs.screen;

import org.pdnavigator.dialogs.Action;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a list out as buttons that fit a phone screen: a page of rows, and "previous" / "next" when the
 * list is longer than a page.
 *
 * @param columns buttons per row
 * @param rows    rows per page
 */
public record Pages(int columns, int rows) {

    /** Two short names a row: states, field locations. */
    public static final Pages NAMES = new Pages(2, 8);
    /** One long name a row: courts, detention centres, offices. */
    public static final Pages LONG_NAMES = new Pages(1, 8);
    /** Three a row: counties. */
    public static final Pages SHORT_NAMES = new Pages(3, 7);
    /** Letters. */
    public static final Pages LETTERS = new Pages(6, 5);

    public int size() {
        return columns * rows;
    }

    public int count(int items) {
        return Math.max(1, (items + size() - 1) / size());
    }

    /** A page number that exists for this many items. */
    public int clamp(int page, int items) {
        return Math.max(0, Math.min(page, count(items) - 1));
    }

    /** The rows of one page, then a row to move between pages when there is more than one. */
    public List<List<Option>> layout(List<Option> items, int page) {
        int pages = count(items.size());
        int current = clamp(page, items.size());
        List<Option> shown = items.subList(current * size(), Math.min(items.size(), (current + 1) * size()));
        List<List<Option>> keyboard = new ArrayList<>();
        for (int i = 0; i < shown.size(); i += columns) {
            keyboard.add(List.copyOf(shown.subList(i, Math.min(shown.size(), i + columns))));
        }
        if (pages > 1) {
            List<Option> nav = new ArrayList<>();
            if (current > 0) {
                nav.add(new Option(Label.key("nav.previous"), Action.page(current - 1)));
            }
            if (current < pages - 1) {
                nav.add(new Option(Label.key("nav.next"), Action.page(current + 1)));
            }
            keyboard.add(nav);
        }
        return keyboard;
    }
}
