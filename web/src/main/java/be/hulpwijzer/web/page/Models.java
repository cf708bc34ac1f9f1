package be.hulpwijzer.web.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Models for templates: plain maps (Handlebars reads maps; records become maps through Jackson), always
 * with the interface texts as {@code t}.
 */
public final class Models {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Models() {
    }

    /** A page model with its title and the texts. */
    public static Map<String, Object> page(String title) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("t", Texts.all());
        model.put("title", title);
        return model;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return MAPPER.convertValue(value, LinkedHashMap.class);
    }
}
