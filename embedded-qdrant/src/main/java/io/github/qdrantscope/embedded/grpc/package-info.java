/**
 * The gRPC services of the embedded Qdrant, one thin class per Qdrant service, and the API-key
 * interceptor. They translate requests to storage and search calls and errors to gRPC statuses.
 */
package io.github.qdrantscope.embedded.grpc;
