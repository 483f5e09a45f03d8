package org.pdnavigator.dialogs.screen;

import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.Facility;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The detention centres of a state as a person browses them: straight from a short list, or, where a state
 * has more than two pages of them, by first letter first, so no centre is more than two taps away.
 */
public final class FacilityLists {

    /** Longer lists are browsed by first letter. */
    static final int MAX_PAGED = 2 * Pages.LONG_NAMES.size();

    private final Directory directory;

    public FacilityLists(Directory directory) {
        this.directory = directory;
    }

    public boolean needsLetters(String state) {
        return directory.facilitiesIn(state).size() > MAX_PAGED;
    }

    public List<String> letters(String state) {
        Set<String> letters = new TreeSet<>();
        directory.facilitiesIn(state).forEach(f -> letters.add(letterOf(f)));
        return List.copyOf(letters);
    }

    /** The centres to list: all of them, or those starting with the letter picked. */
    public List<Facility> facilities(String state, String letter) {
        List<Facility> all = directory.facilitiesIn(state);
        if (letter == null || !needsLetters(state)) {
            return all;
        }
        return all.stream().filter(f -> letterOf(f).equals(letter)).toList();
    }

    private static String letterOf(Facility facility) {
        return facility.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }
}
