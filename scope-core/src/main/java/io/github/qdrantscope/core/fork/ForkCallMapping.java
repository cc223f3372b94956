package io.github.qdrantscope.core.fork;

import io.github.qdrantscope.core.client.CallRejection;
import io.github.qdrantscope.core.client.RewritingCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.ListAliasesResponse;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.SnapshotsService.CreateSnapshotResponse;
import io.qdrant.client.grpc.SnapshotsService.DeleteSnapshotRequest;
import io.qdrant.client.grpc.SnapshotsService.ListSnapshotsResponse;
import io.qdrant.client.grpc.SnapshotsService.SnapshotDescription;

/**
 * The mapping of one call: its request's names into the fork's namespace, its response's names back, and the
 * server's error text back to the application's names.
 *
 * <p>It remembers every name it mapped, so that an error such as {@code Not found: Collection
 * `ns__documents` doesn't exist!} reaches the application as Qdrant would word it for {@code documents}.
 */
final class ForkCallMapping implements RewritingCall.Handler {

    private final ForkCollections fork;

    private final String rpc;

    /** Every name this call mapped, server name to application name. */
    private final Map<String, String> renames = new LinkedHashMap<>();

    /** The request's own {@code collection_name}, application and server form ({@code null} when it has none). */
    private String collection;

    private String serverCollection;

    ForkCallMapping(ForkCollections fork, String rpc) {
        this.fork = fork;
        this.rpc = rpc;
    }

    /**
     * {@code request} with every collection and alias name mapped into the fork's namespace; the same instance
     * when nothing changed.
     *
     * @throws CallRejection when a mapped name is too long for Qdrant
     */
    Message request(Message request) {
        FieldDescriptor own = request.getDescriptorForType().findFieldByName("collection_name");
        if (own != null && NameFields.kind(own) != null) {
            this.collection = (String) request.getField(own);
        }
        Message mapped = walk(request);
        if (this.collection != null) {
            this.serverCollection = (String) mapped.getField(own);
        }
        if (mapped instanceof DeleteSnapshotRequest delete) {
            // snapshot names start with their collection's name: "<collection>-<peer>-<time>.snapshot"
            String name = snapshotToServer(delete.getSnapshotName());
            if (!name.equals(delete.getSnapshotName())) {
                mapped = delete.toBuilder().setSnapshotName(name).build();
            }
        }
        return mapped;
    }

    private Message walk(Message message) {
        List<FieldDescriptor> fields = NameFields.relevant(message.getDescriptorForType());
        if (fields.isEmpty()) {
            return message;
        }
        Message.Builder builder = null;
        for (FieldDescriptor field : fields) {
            NameFields.Kind kind = NameFields.kind(field);
            if (kind != null) {
                String name = (String) message.getField(field);
                String mapped = name(name, kind, field);
                if (!mapped.equals(name)) {
                    builder = builder != null ? builder : message.toBuilder();
                    builder.setField(field, mapped);
                }
            }
            else if (field.isRepeated()) {
                for (int i = 0, n = message.getRepeatedFieldCount(field); i < n; i++) {
                    Message value = (Message) message.getRepeatedField(field, i);
                    Message mapped = walk(value);
                    if (mapped != value) {
                        builder = builder != null ? builder : message.toBuilder();
                        builder.setRepeatedField(field, i, mapped);
                    }
                }
            }
            else if (message.hasField(field)) {
                Message value = (Message) message.getField(field);
                Message mapped = walk(value);
                if (mapped != value) {
                    builder = builder != null ? builder : message.toBuilder();
                    builder.setField(field, mapped);
                }
            }
        }
        return builder == null ? message : builder.build();
    }

    private String name(String name, NameFields.Kind kind, FieldDescriptor field) {
        String mapped;
        try {
            mapped = this.fork.toServer(name, kind.word);
        }
        catch (IllegalArgumentException ex) {
            throw new CallRejection(Status.INVALID_ARGUMENT.withDescription(ex.getMessage() + " (" + this.rpc + ", "
                    + field.getContainingType().getName() + "." + field.getName() + ")"));
        }
        if (!mapped.equals(name)) {
            this.renames.put(mapped, name);
        }
        return mapped;
    }

    /** {@code response} with the server's names mapped back and other forks' collections and aliases left out. */
    @Override
    public RewritingCall.Rewrite rewrite(MethodDescriptor<?, ?> method, Message request) {
        return new RewritingCall.Rewrite(method, request(request));
    }

    @Override
    public Status closed(Status status) {
        return status.isOk() ? status : status(status);
    }

    @Override
    public Message response(Message response) {
        if (response instanceof ListCollectionsResponse list) {
            ListCollectionsResponse.Builder mapped = list.toBuilder().clearCollections();
            for (CollectionDescription description : list.getCollectionsList()) {
                this.fork.toApplication(description.getName())
                    .ifPresent(name -> mapped.addCollections(description.toBuilder().setName(name)));
            }
            return mapped.build();
        }
        if (response instanceof ListAliasesResponse list) {
            ListAliasesResponse.Builder mapped = list.toBuilder().clearAliases();
            for (AliasDescription alias : list.getAliasesList()) {
                Optional<String> name = this.fork.toApplication(alias.getAliasName());
                Optional<String> target = this.fork.toApplication(alias.getCollectionName());
                if (name.isPresent() && target.isPresent()) {
                    mapped.addAliases(alias.toBuilder().setAliasName(name.get()).setCollectionName(target.get()));
                }
            }
            return mapped.build();
        }
        if (response instanceof CreateSnapshotResponse created && created.hasSnapshotDescription()) {
            return created.toBuilder().setSnapshotDescription(snapshot(created.getSnapshotDescription())).build();
        }
        if (response instanceof ListSnapshotsResponse list) {
            List<SnapshotDescription> snapshots = new ArrayList<>();
            list.getSnapshotDescriptionsList().forEach(snapshot -> snapshots.add(snapshot(snapshot)));
            return list.toBuilder().clearSnapshotDescriptions().addAllSnapshotDescriptions(snapshots).build();
        }
        // nothing else of these services echoes a collection or alias name (CollectionInfo,
        // CollectionClusterInfoResponse and every Points response carry none)
        return response;
    }

    /**
     * {@code status} with every server name this call sent replaced by the application's, in one pass: an
     * application name may hold another's server name ({@code copy_of_<ns>__a} holds that of {@code a}), which
     * must not be replaced again inside a name already replaced. (Where one server name starts another, either
     * replacement gives the same text: {@code <ns>__a} then {@code _v2} reads {@code a_v2}.)
     */
    Status status(Status status) {
        String description = status.getDescription();
        if (description == null || this.renames.isEmpty()) {
            return status;
        }
        Pattern any = Pattern.compile(this.renames.keySet().stream().map(Pattern::quote)
            .collect(Collectors.joining("|")));
        String mapped = any.matcher(description)
            .replaceAll(match -> Matcher.quoteReplacement(this.renames.get(match.group())));
        return mapped.equals(description) ? status : status.withDescription(mapped);
    }

    private String snapshotToServer(String snapshot) {
        if (this.serverCollection == null || this.serverCollection.equals(this.collection)
                || !snapshot.startsWith(this.collection + "-")) {
            return snapshot;
        }
        return this.serverCollection + snapshot.substring(this.collection.length());
    }

    private SnapshotDescription snapshot(SnapshotDescription snapshot) {
        String name = snapshot.getName();
        if (this.serverCollection == null || this.serverCollection.equals(this.collection)
                || !name.startsWith(this.serverCollection + "-")) {
            return snapshot;
        }
        return snapshot.toBuilder().setName(this.collection + name.substring(this.serverCollection.length())).build();
    }
}
