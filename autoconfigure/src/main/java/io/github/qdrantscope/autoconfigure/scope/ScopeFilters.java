package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;

import org.springframework.ai.vectorstore.filter.Filter.Expression;
import org.springframework.ai.vectorstore.filter.Filter.ExpressionType;
import org.springframework.ai.vectorstore.filter.Filter.Group;
import org.springframework.ai.vectorstore.filter.Filter.Key;
import org.springframework.ai.vectorstore.filter.Filter.Operand;
import org.springframework.ai.vectorstore.filter.Filter.Value;

/**
 * Composes the project condition with an application's filter, in a shape Spring AI 2.0.0's Qdrant
 * converter translates faithfully.
 *
 * <p>That converter only descends into {@link Expression} operands of AND/OR: a {@link Group} there is
 * turned into an empty Qdrant filter, which matches everything, so {@code a && (b || c)} silently
 * becomes {@code a}. Groups carry no meaning of their own in an expression tree (precedence is already
 * in the tree's shape), so removing them is safe — except directly under NOT, the only place the
 * converter expects one, where a Group is kept (and added if missing).
 */
final class ScopeFilters {

    private ScopeFilters() {
    }

    /** {@code key == project}. */
    static Expression inProject(ProjectScope scope) {
        return new Expression(ExpressionType.EQ, new Key(scope.key()), new Value(scope.name()));
    }

    /** {@code key != project}: other projects' points and unscoped points. */
    static Expression outsideProject(ProjectScope scope) {
        return new Expression(ExpressionType.NE, new Key(scope.key()), new Value(scope.name()));
    }

    /** {@code condition && userFilter} without groups; just {@code condition} when there is no user filter. */
    static Expression and(Expression condition, Expression userFilter) {
        return userFilter == null ? condition : new Expression(ExpressionType.AND, condition, stripGroups(userFilter));
    }

    /** The same filter with every Group removed except the one a NOT needs around its operand. */
    static Expression stripGroups(Expression expression) {
        if (expression == null) {
            return null;
        }
        return switch (expression.type()) {
            case AND, OR -> new Expression(expression.type(), strip(expression.left()), strip(expression.right()));
            case NOT -> new Expression(ExpressionType.NOT, new Group(asExpression(strip(expression.left()))));
            default -> expression;
        };
    }

    private static Operand strip(Operand operand) {
        if (operand instanceof Group group) {
            return strip(group.content());
        }
        if (operand instanceof Expression expression) {
            return stripGroups(expression);
        }
        return operand;
    }

    private static Expression asExpression(Operand operand) {
        if (operand instanceof Expression expression) {
            return expression;
        }
        throw new IllegalArgumentException("NOT must apply to a filter expression, not " + operand);
    }
}
