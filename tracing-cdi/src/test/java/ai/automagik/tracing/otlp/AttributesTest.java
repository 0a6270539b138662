package ai.automagik.tracing.otlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributesTest {

    @Test
    void settingAKeyAgainReplacesItsValueInPlace() {
        Attributes attributes = new Attributes(8);
        attributes.put("a", "1").put("b", 2L).put("a", "3");
        assertThat(attributes.size()).isEqualTo(2);
        assertThat(attributes.key(0)).isEqualTo("a");
        assertThat(attributes.get("a")).isEqualTo("3");
        assertThat(attributes.get("b")).isEqualTo(2L);
    }

    @Test
    void keysWithTheSameHashCodeStayApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Attributes attributes = new Attributes(8);
        attributes.put("Aa", "first").put("BB", "second").put(new String("Aa"), "third");
        assertThat(attributes.size()).isEqualTo(2);
        assertThat(attributes.get("Aa")).isEqualTo("third");
        assertThat(attributes.get("BB")).isEqualTo("second");
    }

    @Test
    void beyondTheLimitNewKeysAreCountedNotKeptButKnownKeysStillChange() {
        Attributes attributes = new Attributes(20);
        for (int i = 0; i < 25; i++) {
            attributes.put("k" + i, (long) i);
        }
        attributes.put("k3", "changed");
        assertThat(attributes.size()).isEqualTo(20);
        assertThat(attributes.overflow()).isEqualTo(5);
        assertThat(attributes.get("k3")).isEqualTo("changed");
        assertThat(attributes.get("k24")).isNull();
        Attributes copy = attributes.copy();
        copy.put("k0", "copy only");
        assertThat(attributes.get("k0")).isEqualTo(0L);
        assertThat(copy.get("k19")).isEqualTo(19L);
    }
}
