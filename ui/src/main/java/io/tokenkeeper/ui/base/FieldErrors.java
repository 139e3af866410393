package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.HasValidation;
import io.tokenkeeper.domain.base.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a form under the names the domain uses in {@link InvalidInputException#field()}, so that a broken rule
 * shows as the message of the field it is about.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** Adds the field the domain calls {@code name}. */
    public FieldErrors on(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** Takes every field's message away, before the form is checked again. */
    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /** Shows the message on the field it names, or as an error notification when this form has no such field. */
    public void show(InvalidInputException error) {
        var field = fields.get(error.field());
        if (field == null) {
            Notifications.error(error.getMessage());
            return;
        }
        field.setErrorMessage(error.getMessage());
        field.setInvalid(true);
    }
}
