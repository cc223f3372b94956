package io.github.qdrantscope.buildcheck;

/** The other side of the two-fork rendezvous (see {@link ForkRendezvousSupport}). */
class SecondForkRendezvous extends ForkRendezvousSupport {
}
