package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * Maps every message-typed field of a protobuf message (map fields, which hold payload values, excepted): the
 * one loop under both {@link ScopedMessages} (requests) and {@link ScopedResponses} (responses). A field is only
 * rewritten when its mapping returned another instance, and the message is only copied when a field was, so a
 * request's vectors are never copied.
 */
final class MessageFields {

    private MessageFields() {
    }

    /**
     * The builder of {@code message} with every message-typed field replaced by {@code mapping}'s result, or
     * {@code null} when no field changed.
     */
    static Message.Builder map(Message message, Function<Message, Message> mapping) {
        Message.Builder builder = null;
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                List<?> values = (List<?>) entry.getValue();
                List<Object> mapped = null;
                for (int i = 0; i < values.size(); i++) {
                    Message value = (Message) values.get(i);
                    Message result = mapping.apply(value);
                    if (result != value && mapped == null) {
                        mapped = new ArrayList<>(values.subList(0, i));
                    }
                    if (mapped != null) {
                        mapped.add(result);
                    }
                }
                if (mapped != null) {
                    builder = builder != null ? builder : message.toBuilder();
                    builder.setField(field, mapped);
                }
            }
            else {
                Message value = (Message) entry.getValue();
                Message result = mapping.apply(value);
                if (result != value) {
                    builder = builder != null ? builder : message.toBuilder();
                    builder.setField(field, result);
                }
            }
        }
        return builder;
    }
}
