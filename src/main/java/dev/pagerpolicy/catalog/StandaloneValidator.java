package dev.pagerpolicy.catalog;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * A Bean Validation validator for code that runs without CDI: the {@code check} and {@code test} commands and
 * plain unit tests. The service itself uses the validator Quarkus provides.
 */
public final class StandaloneValidator {
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            // Message parameters only, no expression language: policy messages need no EL, and it keeps EL off the classpath.
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();

    private StandaloneValidator() {
    }

    public static Validator get() {
        return FACTORY.getValidator();
    }
}
