package io.github.qdrantscope.buildcheck;

/** One side of the two-fork rendezvous (see {@link ForkRendezvousSupport}). */
class FirstForkRendezvous extends ForkRendezvousSupport {
}
