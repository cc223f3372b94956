package io.github.qdrantscope.embedded.storage;

import io.github.qdrantscope.embedded.inference.FullTextTokens;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.FieldType;

/**
 * Payload index definitions as Collections/Get reports them in {@code payload_schema}. Every filter is
 * evaluated on the payload, but with the indexes of the moment: a text index changes what full-text
 * conditions match ({@code filter.IndexedTextMatch}); the others are recorded because Qdrant's clients,
 * order_by and facets depend on them.
 */
public final class FieldIndexes {

    private FieldIndexes() {
    }

    /**
     * The schema entry a CreateFieldIndex request records: its type (given, or taken from the index
     * params) and its params (e.g. keyword {@code is_tenant}).
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} when neither a type nor params
     *     say what kind of index to build, or text index params name an unknown tokenizer or language
     *     ({@link FullTextTokens#validate})
     */
    public static PayloadSchemaInfo schemaInfo(CreateFieldIndexCollection request) {
        PayloadSchemaType type;
        if (request.hasFieldType()) {
            type = schemaType(request.getFieldType());
        } else if (request.hasFieldIndexParams()) {
            type = schemaType(request.getFieldIndexParams());
        } else {
            throw QdrantErrors.wrongInput("Can't auto-detect field type, please specify `field_type` in the request"
                    + " (field `" + request.getFieldName() + "`)");
        }
        PayloadSchemaInfo.Builder info = PayloadSchemaInfo.newBuilder().setDataType(type);
        if (request.hasFieldIndexParams()) {
            PayloadIndexParams params = request.getFieldIndexParams();
            if (params.getIndexParamsCase() != PayloadIndexParams.IndexParamsCase.INDEXPARAMS_NOT_SET
                    && schemaType(params) != type) {
                throw QdrantErrors.wrongInput("Field index params of type " + schemaType(params)
                        + " do not match field type " + type + " (field `" + request.getFieldName() + "`)");
            }
            if (params.hasTextIndexParams()) {
                FullTextTokens.validate(params.getTextIndexParams());
            }
            info.setParams(params);
        }
        return info.build();
    }

    private static PayloadSchemaType schemaType(FieldType type) {
        return switch (type) {
            case FieldTypeKeyword -> PayloadSchemaType.Keyword;
            case FieldTypeInteger -> PayloadSchemaType.Integer;
            case FieldTypeFloat -> PayloadSchemaType.Float;
            case FieldTypeGeo -> PayloadSchemaType.Geo;
            case FieldTypeText -> PayloadSchemaType.Text;
            case FieldTypeBool -> PayloadSchemaType.Bool;
            case FieldTypeDatetime -> PayloadSchemaType.Datetime;
            case FieldTypeUuid -> PayloadSchemaType.Uuid;
            default -> throw QdrantErrors.invalidArgument("Malformed field type: " + type);
        };
    }

    private static PayloadSchemaType schemaType(PayloadIndexParams params) {
        return switch (params.getIndexParamsCase()) {
            case KEYWORD_INDEX_PARAMS -> PayloadSchemaType.Keyword;
            case INTEGER_INDEX_PARAMS -> PayloadSchemaType.Integer;
            case FLOAT_INDEX_PARAMS -> PayloadSchemaType.Float;
            case GEO_INDEX_PARAMS -> PayloadSchemaType.Geo;
            case TEXT_INDEX_PARAMS -> PayloadSchemaType.Text;
            case BOOL_INDEX_PARAMS -> PayloadSchemaType.Bool;
            case DATETIME_INDEX_PARAMS -> PayloadSchemaType.Datetime;
            case UUID_INDEX_PARAMS -> PayloadSchemaType.Uuid;
            default -> throw QdrantErrors.wrongInput("Can't auto-detect field type, please specify `field_type`");
        };
    }
}
