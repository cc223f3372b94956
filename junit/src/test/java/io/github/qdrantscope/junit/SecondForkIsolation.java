package io.github.qdrantscope.junit;

/** One side of the two-fork rendezvous (see {@link ForkRendezvous}); run by the pom's two-forks execution. */
class SecondForkIsolation extends ForkRendezvous {
}
