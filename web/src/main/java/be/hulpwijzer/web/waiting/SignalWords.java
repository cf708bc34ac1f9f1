package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.indexer.signals.Signals;
import be.hulpwijzer.web.page.Texts;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A signal in words: "12-17 jaar · Psychisch welzijn · Westhoek · “angst”", with its figures, for a table row. */
@Singleton
public class SignalWords {

    private final ReferenceData reference;

    public SignalWords(ReferenceData reference) {
        this.reference = reference;
    }

    Map<String, Object> row(Signals.Signal s) {
        return Map.of("month", s.month(), "what", describe(s), "searches", s.searches(),
                "withoutResults", s.withoutResults(), "withoutRoomNow", s.withoutRoomNow());
    }

    public String describe(Signals.Signal s) {
        List<String> parts = new ArrayList<>();
        if (s.ageBand() != null) {
            parts.add(s.ageBand().equals("zwangerschap") ? Texts.get("agePregnancy") : Texts.get("years", s.ageBand()));
        }
        s.domains().forEach(d -> parts.add(CodeName.nameOf(reference.lifeDomains(), d)));
        s.types().forEach(t -> parts.add(CodeName.nameOf(reference.moduleTypes(), t)));
        s.zones().forEach(z -> parts.add(reference.zonesByCode().containsKey(z) ? reference.zonesByCode().get(z).name() : z));
        s.access().forEach(a -> parts.add(Texts.get("access." + a)));
        if (!s.terms().isEmpty()) {
            parts.add("\u201c" + String.join(" ", s.terms()) + "\u201d");
        }
        return parts.isEmpty() ? Texts.get("signalsAnything") : String.join(" · ", parts);
    }

    String domainName(String code) {
        return CodeName.nameOf(reference.lifeDomains(), code);
    }

}
