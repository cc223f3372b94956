package io.github.qdrantscope.demo.web;

import java.util.List;

import io.github.qdrantscope.demo.memory.MemoryScope;
import io.github.qdrantscope.demo.memory.NewMemory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/projects/{project}/memories}.
 *
 * @param content the text to remember (required, at most 4,000 characters)
 * @param scope {@code project} (default) or {@code global}
 * @param tags up to 10 lower-case tags; duplicates are dropped, order is kept
 * @param importance 1 to 5, default 3
 */
public record StoreMemoryRequest(
        @NotBlank @Size(max = 4000) String content,
        MemoryScope scope,
        @Size(max = 10) List<@NotNull @Pattern(regexp = Patterns.TAG, message = Patterns.TAG_MESSAGE) String> tags,
        @Min(1) @Max(5) Integer importance) {

    static final int DEFAULT_IMPORTANCE = 3;

    NewMemory toNewMemory(String project) {
        return new NewMemory(project, this.content, (this.scope != null) ? this.scope : MemoryScope.PROJECT,
                (this.tags != null) ? this.tags.stream().distinct().toList() : List.of(),
                (this.importance != null) ? this.importance : DEFAULT_IMPORTANCE);
    }
}
