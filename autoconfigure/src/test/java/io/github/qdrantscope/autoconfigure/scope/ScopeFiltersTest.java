package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import io.qdrant.client.grpc.Common;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.vectorstore.filter.Filter.Expression;
import org.springframework.ai.vectorstore.filter.Filter.ExpressionType;
import org.springframework.ai.vectorstore.filter.Filter.Group;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.filter.FilterExpressionTextParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the composed filters against Spring AI 2.0.0's own Qdrant converter (package-private, so reached
 * reflectively), which is what {@code QdrantVectorStore} sends to Qdrant.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScopeFiltersTest {

    private final FilterExpressionBuilder b = new FilterExpressionBuilder();

    @Test
    void theUpstreamConverterDropsAGroupNestedInAnd() throws Exception {
        Expression withGroup = this.b.and(this.b.eq("a", "x"), this.b.group(this.b.or(this.b.eq("b", "y"),
                this.b.eq("c", 2020)))).build();
        Common.Filter converted = convert(withGroup);
        // The right-hand side of the AND becomes an empty filter: the OR is gone. This is the bug we neutralise.
        assertThat(converted.getMust(1).getFilter()).isEqualTo(Common.Filter.getDefaultInstance());
    }

    @Test
    void strippedFilterKeepsTheOrWhenConverted() throws Exception {
        Expression withGroup = new FilterExpressionTextParser().parse("a == 'x' && (b == 'y' || c == 2020)");
        Expression composed = ScopeFilters.and(ScopeFilters.inProject(new ProjectScope("p-00000001", "k")),
                withGroup);
        Common.Filter converted = convert(composed);

        Common.Filter user = converted.getMust(1).getFilter();
        Common.Filter orPart = user.getMust(1).getFilter();
        assertThat(orPart.getShouldCount()).isEqualTo(2);
        assertThat(orPart.getShould(0).getFilter().getMust(0).getField().getKey()).isEqualTo("b");
        assertThat(orPart.getShould(1).getFilter().getMust(0).getField().getKey()).isEqualTo("c");
        assertThat(converted.getMust(0).getFilter().getMust(0).getField().getKey()).isEqualTo("k");
        assertThat(converted.getMust(0).getFilter().getMust(0).getField().getMatch().getKeyword())
            .isEqualTo("p-00000001");
    }

    @Test
    void notOverAGroupKeepsItsGroupAndLosesInnerOnes() throws Exception {
        Expression not = this.b.not(this.b.group(this.b.and(this.b.eq("a", "x"),
                this.b.group(this.b.or(this.b.eq("b", "y"), this.b.eq("c", "z")))))).build();
        Expression stripped = ScopeFilters.stripGroups(not);

        assertThat(stripped.type()).isEqualTo(ExpressionType.NOT);
        assertThat(stripped.left()).isInstanceOf(Group.class);
        Expression inner = ((Group) stripped.left()).content();
        assertThat(inner.right()).isInstanceOf(Expression.class);

        Common.Filter converted = convert(stripped);
        Common.Filter negated = converted.getMustNot(0).getFilter();
        assertThat(negated.getMust(1).getFilter().getShouldCount()).isEqualTo(2);
    }

    @Test
    void notWithoutAGroupGetsOneSoTheConverterAcceptsIt() throws Exception {
        Expression bareNot = new Expression(ExpressionType.NOT, this.b.eq("a", "x").build());
        Expression stripped = ScopeFilters.stripGroups(bareNot);
        assertThat(stripped.left()).isInstanceOf(Group.class);
        assertThat(convert(stripped).getMustNot(0).getFilter().getMust(0).getField().getKey()).isEqualTo("a");
    }

    @Test
    void noUserFilterMeansJustTheProjectCondition() {
        Expression project = ScopeFilters.inProject(new ProjectScope("p-00000001", "k"));
        assertThat(ScopeFilters.and(project, null)).isSameAs(project);
    }

    @Test
    void outsideProjectIsANotEqualsOnTheKey() {
        Expression outside = ScopeFilters.outsideProject(new ProjectScope("p-00000001", "k"));
        assertThat(outside).isEqualTo(this.b.ne("k", "p-00000001").build());
    }

    private static Common.Filter convert(Expression expression) throws Exception {
        Class<?> type = Class.forName("org.springframework.ai.vectorstore.qdrant.QdrantFilterExpressionConverter");
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method convert = type.getMethod("convertExpression", Expression.class);
        convert.setAccessible(true);
        return (Common.Filter) convert.invoke(constructor.newInstance(), expression);
    }
}
