package org.footpain.api;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.footpain.api.dto.WireCode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape a JSON value must have, derived once from the request records through Jackson's own type
 * introspection, so the records stay the single definition of the contract.
 */
sealed interface JsonShape {

    record ObjectShape(String name, Map<String, JsonShape> fields) implements JsonShape {
    }

    record ArrayShape(JsonShape element) implements JsonShape {
    }

    record EnumShape(List<String> codes) implements JsonShape {
    }

    record IntegerShape() implements JsonShape {
    }

    record NumberShape() implements JsonShape {
    }

    record BooleanShape() implements JsonShape {
    }

    static JsonShape of(ObjectMapper mapper, Class<?> type) {
        return of(mapper, mapper.constructType(type));
    }

    private static JsonShape of(ObjectMapper mapper, JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isCollectionLikeType()) {
            return new ArrayShape(of(mapper, type.getContentType()));
        }
        if (raw.isEnum() && WireCode.class.isAssignableFrom(raw)) {
            return new EnumShape(Arrays.stream(raw.getEnumConstants()).map(c -> ((WireCode) c).code()).toList());
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class) {
            return new IntegerShape();
        }
        if (raw == Double.class || raw == double.class) {
            return new NumberShape();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return new BooleanShape();
        }
        if (!raw.isRecord()) {
            throw new IllegalArgumentException("no JSON shape for " + type);
        }
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        Map<String, JsonShape> fields = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            fields.put(property.getName(), of(mapper, property.getPrimaryType()));
        }
        return new ObjectShape(raw.getSimpleName(), fields);
    }
}
