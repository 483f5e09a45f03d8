package org.pdnavigator.dialogs.directory;

import java.util.List;

/** An immigration court on EOIR's list and the OPLA office that handles its cases. */
public record Court(String id, String name, String city, String state, String address, OplaOffice opla,
                    Basis basis, Confidence confidence, Source source, List<String> formerly) {

    public boolean needsConfirming() {
        return basis.inferred() || confidence.needsConfirming();
    }
}
