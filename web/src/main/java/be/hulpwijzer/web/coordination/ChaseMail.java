package be.hulpwijzer.web.coordination;

import be.hulpwijzer.catalogue.freshness.Chase;
import be.hulpwijzer.web.page.Texts;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ready mail to an organisation to chase, opened in the coordinator's own mail program ({@code mailto:}):
 * to its editors (else the organisation's address), naming the modules to confirm and where.
 */
@Singleton
class ChaseMail {

    /** @param base where this Hulpwijzer is reached ({@code https://host}), for the link in the mail */
    String mailto(Chase chase, String zone, String base) {
        List<String> to = chase.editors().stream().map(Chase.Contact::email).toList();
        String recipients = !to.isEmpty() ? String.join(",", to) : chase.email() == null ? "" : chase.email();
        String subject = Texts.get("chaseMailSubject", chase.name());
        String body = Texts.get("chaseMailBody", chase.name(), zone, "- " + String.join("\n- ", chase.staleModules()),
                chase.staleModules().size(), base + "/te-bevestigen");
        return "mailto:" + recipients + "?subject=" + encode(subject) + "&body=" + encode(body);
    }

    /** mailto wants %20 for spaces, not +. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
