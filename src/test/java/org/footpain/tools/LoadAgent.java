package org.footpain.tools;

import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM through the Attach API, for profiling the benchmarked service with
 * async-profiler (src/test/load/http_bench.py --async-profiler). jcmd's JVMTI.agent_load is no substitute: it reads
 * the {@code key=value} pairs of async-profiler's options as its own arguments. JDK only, so it runs as a single
 * source file:
 *
 * <pre>
 * java src/test/java/org/footpain/tools/LoadAgent.java PID /path/libasyncProfiler.so start,event=itimer
 * java src/test/java/org/footpain/tools/LoadAgent.java PID /path/libasyncProfiler.so stop,file=out.collapsed,collapsed
 * </pre>
 */
public final class LoadAgent {

    private LoadAgent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LoadAgent PID AGENT_LIBRARY OPTIONS");
            System.exit(2);
        }
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
