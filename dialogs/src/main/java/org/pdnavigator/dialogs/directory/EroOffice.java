package org.pdnavigator.dialogs.directory;

import java.util.Map;
import java.util.Optional;

/**
 * An ICE ERO field office (officers: arrests, detention, removal).
 *
 * @param area            the area it covers as ice.gov words it, per language
 * @param contactVerified false when phone and e-mail come from a single unofficial copy of ice.gov
 */
public record EroOffice(String id, String name, Map<String, String> area, String address,
                        Optional<String> phone, Optional<String> email, boolean contactVerified,
                        Source source, Source areaSource) {
}
