package be.hulpwijzer.web.module;

import be.hulpwijzer.catalogue.availability.Availability;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a care worker needs to refer a family to one module, the same on the module page, the verwijsfiche
 * and the selection sheet: whom to call, how to refer, what to prepare, the access route, the cost, and
 * when help can start, with the date the organisation last confirmed it.
 */
public final class ReferralFacts {

    private ReferralFacts() {
    }

    public static Map<String, Object> of(HelpModule m, @Nullable Availability a, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contactName", m.contactName());
        out.put("contactPhone", m.contactPhone());
        out.put("contactPhoneHref", m.contactPhone() == null ? null : "tel:" + m.contactPhone().replaceAll("[^0-9+]", ""));
        out.put("contactEmail", m.contactEmail());
        out.put("how", m.referralProcedure());
        out.put("prepare", m.referralPreparation());
        out.put("access", Texts.get("accessRoute." + m.access()));
        out.put("cost", m.cost());
        out.put("start", start(m, a, now));
        out.put("badge", a == null ? Texts.get("badgeUnknown") : Dutch.availability(a.state(), a.freePlaces(), a.expectedWaitDays()));
        out.put("confirmed", a == null ? Texts.get("neverConfirmed") : Texts.get("confirmedOn", Dutch.date(a.confirmedAt())));
        out.put("note", a == null ? null : a.note());
        return out;
    }

    /** When help can start: through the access portal, with room now, after a wait, or unknown. */
    static String start(HelpModule m, @Nullable Availability a, Instant now) {
        if ("nrtj".equals(m.access()) && a != null && !"closed".equals(a.state())) {
            String then = "free".equals(a.state()) ? Texts.get("referralStartPortalFree")
                    : a.expectedWaitDays() == null ? "" : Texts.get("referralStartWait", Math.round(a.expectedWaitDays() / 7.0),
                    Dutch.freshness(a.confirmedAt(), now));
            return (Texts.get("referralStartPortal") + " " + then).strip();
        }
        if (a == null || "unknown".equals(a.state()) || "waiting".equals(a.state()) && a.expectedWaitDays() == null) {
            return Texts.get("referralStartUnknown");
        }
        return switch (a.state()) {
            case "free" -> Texts.get("referralStartFree");
            case "closed" -> Texts.get("referralStartClosed");
            default -> Texts.get("referralStartWait", Math.round(a.expectedWaitDays() / 7.0), Dutch.freshness(a.confirmedAt(), now));
        };
    }
}
