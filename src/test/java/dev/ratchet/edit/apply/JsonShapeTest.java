package dev.ratchet.edit.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonShapeTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void recordsSerialiseToTheDocumentedApplyJsonFields() throws Exception {
        Refusal refusal = new Refusal("a.py", 2, "why", List.of(new ClosestLine(7, "x = 1", 0.5)));
        AppliedChange change = new AppliedChange("b.py", "update", 3);

        assertThat(json.writeValueAsString(refusal))
                .isEqualTo("{\"path\":\"a.py\",\"hunk\":2,\"reason\":\"why\",\"closest\":[{\"line\":7,\"text\":\"x = 1\",\"similarity\":0.5}]}");
        assertThat(json.writeValueAsString(change)).isEqualTo("{\"path\":\"b.py\",\"action\":\"update\",\"hunks\":3}");
    }
}
