package io.github.qdrantscope.demo.web;

import java.util.List;

import io.github.qdrantscope.demo.memory.MemoryQuery;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/projects/{project}/memories/search}.
 *
 * @param query what to look for (required, at most 1,000 characters)
 * @param topK how many results at most, 1 to 50, default 5
 * @param tags when given, only memories carrying at least one of these tags
 * @param minScore only results with a similarity above this, 0 to 1, default 0
 */
public record SearchMemoriesRequest(
        @NotBlank @Size(max = 1000) String query,
        @Min(1) @Max(50) Integer topK,
        @Size(max = 10) List<@NotNull @Pattern(regexp = Patterns.TAG, message = Patterns.TAG_MESSAGE) String> tags,
        @DecimalMin("0.0") @DecimalMax("1.0") Double minScore) {

    static final int DEFAULT_TOP_K = 5;

    MemoryQuery toQuery(String project) {
        return new MemoryQuery(project, this.query, (this.topK != null) ? this.topK : DEFAULT_TOP_K,
                (this.tags != null) ? this.tags : List.of(), (this.minScore != null) ? this.minScore : 0.0);
    }
}
