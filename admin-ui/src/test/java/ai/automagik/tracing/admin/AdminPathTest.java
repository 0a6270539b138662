package ai.automagik.tracing.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminPathTest {

    @Test
    void slashesAroundThePathAreIgnored() {
        AdminPath path = new AdminPath(" /ops/tracing/ ");
        assertThat(path.dashboard()).isEqualTo("ops/tracing");
        assertThat(path.privacy()).isEqualTo("ops/tracing/privacy");
        assertThat(path.login()).isEqualTo("ops/tracing/login");
    }

    @Test
    void anInvalidPathNamesTheKeyAndWhatIsAllowed() {
        for (String invalid : new String[] {"", "/", "Admin", "a b", "a//b", "../x", "x?y=1", "<script>"}) {
            assertThatThrownBy(() -> new AdminPath(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(AdminPath.KEY).hasMessageContaining("lower-case letters, digits and '-'");
        }
    }
}
