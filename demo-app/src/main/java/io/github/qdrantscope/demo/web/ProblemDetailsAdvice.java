package io.github.qdrantscope.demo.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.memory.MemoryNotFoundException;
import io.github.qdrantscope.demo.memory.MemoryStoreException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem detail. Validation problems list each offending field or
 * parameter under {@code errors} as {@code {"field": ..., "message": ...}}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(MemoryNotFoundException.class)
    ProblemDetail memoryNotFound(MemoryNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Memory not found");
        problem.setProperty("memoryId", ex.id());
        return problem;
    }

    @ExceptionHandler(MemoryStoreException.class)
    ProblemDetail memoryStoreUnavailable(MemoryStoreException ex) {
        logger.error(ex.getMessage(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Memory store unavailable");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldError(error)));
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(error -> errors.add(fieldError(error)));
            }
            else {
                String parameter = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(Map.of("field", parameter, "message", String.valueOf(error.getDefaultMessage())));
                }
            }
        }
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid: " + rootMessage(ex));
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> validationProblem(List<Map<String, String>> errors) {
        errors.sort((a, b) -> (a.get("field") + a.get("message")).compareTo(b.get("field") + b.get("message")));
        StringBuilder detail = new StringBuilder("Invalid request: ");
        for (int i = 0; i < errors.size(); i++) {
            detail.append((i == 0) ? "" : "; ").append(errors.get(i).get("field")).append(' ')
                .append(errors.get(i).get("message"));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail.toString());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        // Our own parse errors (an unknown scope) say exactly what is wrong; parser internals do not.
        return (cause instanceof IllegalArgumentException) ? cause.getMessage() : "malformed JSON or a wrong value type";
    }
}
