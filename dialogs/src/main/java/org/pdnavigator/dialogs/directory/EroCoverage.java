package org.pdnavigator.dialogs.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ERO field office covers a state: one office, or, for states split between offices, the
 * counties of each.
 */
public record EroCoverage(String state, Optional<EroOffice> office, Map<EroOffice, List<String>> counties,
                          Source source) {

    public boolean isSplit() {
        return office.isEmpty();
    }

    public List<EroOffice> offices() {
        return office.map(List::of).orElseGet(() -> List.copyOf(counties.keySet()));
    }

    public Optional<EroOffice> officeForCounty(String county) {
        return counties.entrySet().stream()
            .filter(e -> e.getValue().contains(county))
            .map(Map.Entry::getKey)
            .findFirst();
    }
}
