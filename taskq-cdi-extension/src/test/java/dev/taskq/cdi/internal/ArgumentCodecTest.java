package dev.taskq.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.Task;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ArgumentCodecTest {

    private static final ArgumentCodec CODEC = new ArgumentCodec();

    @AfterAll
    static void closeCodec() throws Exception {
        CODEC.close();
    }

    // ---- fixtures: task methods whose parameter types the codec works with

    public record Address(String street, int number, List<String> tags) {
    }

    /** Written through its getter, but JSON-B has no way to create it again. */
    public static class Immutable {
        private final String value;

        public Immutable(String value) {
            this.value = value;
        }

        public String getValue() {
            return value;
        }
    }

    /** No equals: compared by the JSON it writes. */
    public static class Bean {
        private String name;
        private int size;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public int getSize() { return size; }
        public void setSize(int size) { this.size = size; }
    }

    static class Tasks {
        @Task void primitives(int count, long id, boolean flag) { }
        @Task void text(String text) { }
        @Task void time(Instant at, LocalDate day, UUID id) { }
        @Task void collections(List<Long> ids, Map<String, Integer> counts) { }
        @Task void address(Address address) { }
        @Task void anything(Object value) { }
        @Task void immutable(String first, Immutable value) { }
        @Task void bean(Bean bean) { }
        @Task void two(int first, int second) { }
        @Task void small(short first, byte second, Short third) { }
        @Task void ids(UUID id, Boolean flag, Long count) { }
    }

    private static TaskDefinition task(String methodName) {
        Method method = Arrays.stream(Tasks.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(methodName))
                .findFirst().orElseThrow();
        Task annotation = method.getAnnotation(Task.class);
        return new TaskDefinition(TaskDefinition.nameOf(Tasks.class, method, annotation), annotation.queue(),
                Tasks.class, null, method, method.getGenericParameterTypes(), annotation);
    }

    private static Object[] roundTrip(String method, Object... arguments) {
        TaskDefinition task = task(method);
        return CODEC.decode(task, CODEC.encode(task, arguments));
    }

    // ---- round trips

    @Test
    void shouldRoundTripPrimitives() {
        assertThat(roundTrip("primitives", 42, Long.MAX_VALUE, true)).containsExactly(42, Long.MAX_VALUE, true);
        assertThat(roundTrip("primitives", Integer.MIN_VALUE, -1L, false)).containsExactly(Integer.MIN_VALUE, -1L, false);
    }

    @Test
    void shouldWritePrimitivesAsAPlainJsonArray() {
        assertThat(CODEC.encode(task("primitives"), new Object[] {42, 7L, true})).isEqualTo("[42,7,true]");
    }

    @Test
    void shouldRoundTripStringsWithQuotesAndNonAscii() {
        String text = "He said \"hi\", then \\left\\ — Zürich, 東京, 🎉\nnew line";

        assertThat(roundTrip("text", text)).containsExactly(text);
        assertThat(roundTrip("text", "")).containsExactly("");
    }

    @Test
    void shouldRoundTripJavaTimeAndUuid() {
        Instant at = Instant.parse("2025-03-04T05:06:07.123456789Z");
        LocalDate day = LocalDate.of(2024, 2, 29);
        UUID id = UUID.randomUUID();

        assertThat(roundTrip("time", at, day, id)).containsExactly(at, day, id);
    }

    @Test
    void shouldRoundTripGenericCollectionsWithTheirElementTypes() {
        List<Long> ids = List.of(1L, Long.MAX_VALUE, -3L);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 1);
        counts.put("ü", -2);

        Object[] decoded = roundTrip("collections", ids, counts);

        assertThat(decoded).containsExactly(ids, counts);
        assertThat((List<?>) decoded[0]).allSatisfy(element -> assertThat(element).isInstanceOf(Long.class));
        assertThat(((Map<?, ?>) decoded[1]).values()).allSatisfy(value -> assertThat(value).isInstanceOf(Integer.class));
    }

    @Test
    void shouldRoundTripARecord() {
        Address address = new Address("Main \"Street\"", 7, List.of("home", "work"));

        assertThat(roundTrip("address", address)).containsExactly(address);
    }

    @Test
    void shouldRoundTripAClassWithoutEqualsByItsJson() {
        Bean bean = new Bean();
        bean.setName("x");
        bean.setSize(3);

        Object[] decoded = roundTrip("bean", bean);

        assertThat(decoded[0]).usingRecursiveComparison().isEqualTo(bean);
    }

    @Test
    void shouldRoundTripNull() {
        assertThat(CODEC.encode(task("address"), new Object[] {null})).isEqualTo("[null]");
        assertThat(roundTrip("address", (Object) null)).containsExactly((Object) null);
        assertThat(roundTrip("text", (Object) null)).containsExactly((Object) null);
    }

    // ---- encode rejects what would not come back equal

    @Test
    void shouldRejectARecordPassedAsObjectBecauseItReadsBackAsAMap() {
        TaskDefinition task = task("anything");

        assertThatThrownBy(() -> CODEC.encode(task, new Object[] {new Address("Main", 1, List.of())}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TASKQ02007")
                .hasMessageContaining("Tasks.anything")
                .hasMessageContaining(Tasks.class.getName() + ".anything")
                .hasMessageContaining("argument 1")
                .hasMessageContaining(Address.class.getName());
    }

    @Test
    void shouldRejectAClassThatJsonbCannotReadBack() {
        TaskDefinition task = task("immutable");

        assertThatThrownBy(() -> CODEC.encode(task, new Object[] {"fine", new Immutable("v")}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TASKQ02006")
                .hasMessageContaining("Tasks.immutable")
                .hasMessageContaining(Tasks.class.getName() + ".immutable")
                .hasMessageContaining("argument 2")
                .hasMessageContaining(Immutable.class.getTypeName());
    }

    // ---- decode explains why stored arguments no longer fit

    @Test
    void shouldRejectStoredArgumentsOfTheWrongCount() {
        assertDecodeFails("two", "[1]", "stored 1 argument(s), the method takes 2");
    }

    @Test
    void shouldRejectStoredTextThatIsNotJson() {
        assertDecodeFails("two", "not json", "not a JSON array");
        assertDecodeFails("two", "{\"first\":1}", "not a JSON array");
    }

    @Test
    void shouldRejectAStringWhereAnIntIsExpected() {
        assertDecodeFails("two", "[1,\"abc\"]", "argument 2 cannot be read as int");
    }

    @Test
    void shouldReadIntegersBooleansStringsAndUuidsAsTheirDeclaredTypes() {
        UUID id = UUID.randomUUID();

        assertThat(CODEC.decode(task("small"), "[-32768,127,7]")).containsExactly((short) -32768, (byte) 127, (short) 7);
        assertThat(CODEC.decode(task("ids"), "[\"" + id + "\",false,9007199254740993]")).containsExactly(id, false, 9007199254740993L);
        assertThat(CODEC.decode(task("primitives"), "[1,2,true]")).containsExactly(1, 2L, true);
    }

    @Test
    void shouldRejectANumberAnIntegerParameterCannotHoldInsteadOfWrappingIt() {
        assertDecodeFails("two", "[1,2147483648]", "argument 2 cannot be read as int");
        assertDecodeFails("small", "[1,128,1]", "argument 2 cannot be read as byte");
        assertDecodeFails("small", "[32768,1,1]", "argument 1 cannot be read as short");
        assertDecodeFails("ids", "[null,true,2.5]", "argument 3 cannot be read as java.lang.Long: 2.5 is not a whole number in its range");
    }

    @Test
    void shouldRejectAMalformedUuid() {
        assertDecodeFails("ids", "[\"not-a-uuid\",true,1]", "argument 1 cannot be read as java.util.UUID");
    }

    @Test
    void shouldRejectNullForAPrimitiveParameter() {
        assertDecodeFails("two", "[null,2]", "argument 1 is null but the parameter is a int");
    }

    /** Decoding {@code stored} for the task method {@code method} fails before any call, with a message containing {@code message}. */
    private static void assertDecodeFails(String method, String stored, String message) {
        assertThatThrownBy(() -> CODEC.decode(task(method), stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
