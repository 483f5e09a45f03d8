package org.pdnavigator.dialogs.directory;

import java.util.Map;

/** A US state or territory by its postal code, with its name in every shipped language. */
public record UsState(String code, Map<String, String> names) {
}
