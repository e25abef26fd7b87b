package dev.taskq.cdi.internal;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Writes a task's arguments as a JSON array with JSON-B, each with its parameter's generic type,
 * and reads them back. Never Java serialization. Thread-safe.
 */
public final class ArgumentCodec implements AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create();
    /** The integer types {@link #readSimple} reads, with their lowest and highest values. */
    private static final Map<Type, long[]> INTEGERS = Map.of(Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            Byte.class, new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE});
    /** What {@link #readSimple} returns for a value it leaves to JSON-B. */
    private static final Object NOT_SIMPLE = new Object();
    /** Types JSON-B writes without loss, whose read-back check is skipped on the enqueue path. */
    private static final Set<Class<?>> EXACT = Set.of(Integer.class, Long.class, Short.class, Byte.class, Boolean.class, UUID.class);
    /** Json.createReader would look the provider up again for every task. */
    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());
    private static final ClassValue<Boolean> DEFINES_EQUALS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    /**
     * Writes the arguments and checks that each reads back to an equal value.
     *
     * @throws IllegalArgumentException naming the task, the method and the argument position
     */
    public String encode(TaskDefinition task, Object[] arguments) {
        Type[] types = task.parameterTypes();
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (int i = 0; i < arguments.length; i++) {
            array.add(encodeOne(task, i, types[i], arguments[i]));
        }
        return array.toString();
    }

    /**
     * Reads stored arguments for the task's current parameter types.
     *
     * @throws IllegalArgumentException saying why they no longer fit
     */
    public Object[] decode(TaskDefinition task, String json) {
        Type[] types = task.parameterTypes();
        JsonArray array;
        try (JsonReader reader = readers.createReader(new StringReader(json))) {
            array = reader.readArray();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the stored text is not a JSON array: " + e.getMessage(), e);
        }
        if (array.size() != types.length) {
            throw new IllegalArgumentException("stored " + array.size() + " argument(s), the method takes " + types.length);
        }
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            JsonValue value = array.get(i);
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                if (types[i] instanceof Class<?> type && type.isPrimitive()) {
                    throw new IllegalArgumentException("argument " + (i + 1) + " is null but the parameter is a " + type.getName());
                }
                continue;
            }
            Type type = boxed(types[i]);
            Object simple = readSimple(i, types[i], type, value);
            if (simple != NOT_SIMPLE) {
                arguments[i] = simple;
                continue;
            }
            try {
                arguments[i] = jsonb.fromJson(value.toString(), type);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("argument " + (i + 1) + " cannot be read as " + types[i].getTypeName()
                        + ": " + e.getMessage(), e);
            }
        }
        return arguments;
    }

    /**
     * The value of an integer, boolean, string or UUID parameter read straight from the parsed array, or
     * {@link #NOT_SIMPLE} for every other type and value, which JSON-B then reads (or rejects) as before. Writing
     * such a value to text and parsing it again through JSON-B was, for a no-op task, a tenth of the worker's time.
     *
     * @throws IllegalArgumentException for a number an integer parameter cannot hold exactly, which JSON-B would
     *                                  silently wrap around or truncate
     */
    private static Object readSimple(int index, Type declared, Type type, JsonValue value) {
        if (value instanceof JsonNumber number && INTEGERS.containsKey(type)) {
            long[] range = INTEGERS.get(type);
            Long exact = wholeNumber(number);
            if (exact == null || exact < range[0] || exact > range[1]) {
                throw new IllegalArgumentException("argument " + (index + 1) + " cannot be read as " + declared.getTypeName()
                        + ": " + number + " is not a whole number in its range");
            }
            return type == Long.class ? (Object) exact : type == Integer.class ? (Object) exact.intValue()
                    : type == Short.class ? (Object) exact.shortValue() : (Object) exact.byteValue();
        }
        if (value instanceof JsonString text) {
            if (type == String.class) {
                return text.getString();
            }
            if (type == UUID.class) {
                try {
                    return UUID.fromString(text.getString());
                } catch (IllegalArgumentException e) {
                    return NOT_SIMPLE; // JSON-B explains
                }
            }
        }
        if (type == Boolean.class && value.getValueType() == JsonValue.ValueType.TRUE) {
            return Boolean.TRUE;
        }
        if (type == Boolean.class && value.getValueType() == JsonValue.ValueType.FALSE) {
            return Boolean.FALSE;
        }
        return NOT_SIMPLE;
    }

    /** The number as a long, or null if it has a fraction or does not fit a long. */
    private static Long wholeNumber(JsonNumber number) {
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException notWholeOrTooBig) {
            return null;
        }
    }

    private String encodeOne(TaskDefinition task, int index, Type declared, Object argument) {
        if (argument == null) {
            return "null";
        }
        Type type = boxed(declared);
        Method method = task.method();
        String json;
        try {
            json = jsonb.toJson(argument, type);
        } catch (RuntimeException e) {
            throw TaskqMessages.argumentNotWritable(task.name(), method, index + 1, declared, e);
        }
        if (type == argument.getClass() && EXACT.contains(type)) {
            return json; // declared and given as such a type, it reads back equal by definition: skip the check
        }
        Object readBack;
        try {
            readBack = jsonb.fromJson(json, type);
        } catch (RuntimeException e) {
            throw TaskqMessages.argumentNotReadable(task.name(), method, index + 1, declared, e);
        }
        if (!sameValue(argument, readBack, json, type)) {
            throw TaskqMessages.argumentNotEqual(task.name(), method, index + 1, declared, argument.getClass());
        }
        return json;
    }

    /**
     * Equal by {@code equals}; or, for types that do not define equality (plain classes, and
     * collections of them), equal JSON when written again: nothing was lost on the way.
     */
    private boolean sameValue(Object original, Object readBack, String json, Type type) {
        if (Objects.deepEquals(original, readBack)) {
            return true;
        }
        if (readBack == null) {
            return false;
        }
        boolean container = original instanceof Collection || original instanceof Map || original.getClass().isArray();
        if (definesEquals(original.getClass()) && !container) {
            return false;
        }
        try {
            return json.equals(jsonb.toJson(readBack, type));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean definesEquals(Class<?> type) {
        return DEFINES_EQUALS.get(type);
    }

    private static Type boxed(Type type) {
        if (!(type instanceof Class<?> primitive) || !primitive.isPrimitive()) {
            return type;
        }
        if (primitive == int.class) return Integer.class;
        if (primitive == long.class) return Long.class;
        if (primitive == boolean.class) return Boolean.class;
        if (primitive == double.class) return Double.class;
        if (primitive == float.class) return Float.class;
        if (primitive == short.class) return Short.class;
        if (primitive == byte.class) return Byte.class;
        return Character.class;
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
