package dev.pagerpolicy.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pagerpolicy.decision.Decision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A decision together with its JSON, written once: the answer to the caller, the decision-log line and the
 * recent decisions all embed these bytes instead of writing the decision again. In an alert storm writing
 * decisions as JSON took about a quarter of the service's time, half of it spent writing each one twice.
 * Its JSON, and its schema in the API description, are those of {@link Decision}.
 */
@JsonSerialize(using = EncodedDecision.Writer.class)
@Schema(implementation = Decision.class)
public record EncodedDecision(Decision decision, byte[] json) {
    /** Writes the bytes as they are, as the value in their place. */
    static final class Writer extends JsonSerializer<EncodedDecision> {
        @Override
        public void serialize(EncodedDecision value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeRawValue(new Utf8(value.json()));
        }
    }

    /**
     * UTF-8 bytes that are already JSON, for {@link JsonGenerator#writeRawValue(SerializableString)}; a generator
     * that writes bytes copies them, one that writes characters asks for {@link #getValue()}.
     */
    private record Utf8(byte[] bytes) implements SerializableString {
        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        // Quoting is for names and string values, never for a raw value; delegated for completeness.
        @Override
        public char[] asQuotedChars() {
            return quoted().asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return quoted().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return quoted().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return quoted().appendQuoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return quoted().writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return quoted().putQuotedUTF8(buffer);
        }

        private SerializedString quoted() {
            return new SerializedString(getValue());
        }
    }
}
