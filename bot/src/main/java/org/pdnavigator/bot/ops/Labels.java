package org.pdnavigator.bot.ops;

import org.pdnavigator.dialogs.Step;

import java.util.Locale;

/**
 * The words operators read for steps, situations and languages. Operators' pages and commands are in English
 * only, on purpose: the people who use the bot never see them.
 */
final class Labels {

    private Labels() {
    }

    static String step(Step step) {
        return switch (step) {
            case WELCOME -> "Welcome";
            case PRIVACY -> "Privacy";
            case ROLE -> "Who is asking";
            case SITUATION -> "Situation";
            case SITUATION_HELP -> "Situation help";
            case DETAINED_COURT -> "Detained: court case?";
            case DENIED -> "Already denied?";
            case DENIED_BY -> "Denied by whom";
            case URGENCY -> "Removal soon?";
            case COURT_STATE -> "Court: state";
            case COURT_PICK -> "Court: pick";
            case FACILITY_LETTER -> "Detention center: letter";
            case FACILITY_PICK -> "Detention center: pick";
            case COURT_HELP -> "How to find the court";
            case OPLA_FIELD -> "OPLA: field location";
            case OPLA_OFFICE -> "OPLA: office";
            case ERO_STATE -> "ERO: state";
            case ERO_AREA -> "ERO: area";
            case COUNTY_LETTER -> "County: letter";
            case COUNTY_PICK -> "County: pick";
            case ANSWER -> "Answer";
            case WHY -> "Why this office";
            case LADDER -> "Escalation ladder";
            case DRAFT -> "Draft of the request";
            default -> step.name();
        };
    }

    static String situation(String name) {
        if (name == null) {
            return "None";
        }
        return switch (name) {
            case "DETAINED" -> "Detained";
            case "COURT" -> "Case in immigration court";
            case "APPEAL" -> "Appeal at the BIA";
            case "FINAL_ORDER" -> "Deportation order, not held";
            case "ENFORCEMENT" -> "ICE check-in or visit, no court case";
            default -> name;
        };
    }

    /** A language tag with its English name: {@code es} is "Spanish (es)". */
    static String language(String tag) {
        if (tag == null || tag.equals("?")) {
            return "Unknown";
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equals(tag) ? tag : name + " (" + tag + ")";
    }
}
