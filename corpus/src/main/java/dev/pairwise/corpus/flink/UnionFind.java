package dev.pairwise.corpus.flink;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Connected components of the candidate edges, in one place (parallelism 1), with union by
 * smaller key and path halving: each component's root is its earliest document, which the cluster
 * keeps; every other member comes out as a removal mark naming the kept document. Holds only the
 * documents that appear in an edge.
 */
final class UnionFind extends RichMapPartitionFunction<Edge, Doc> {

    private static final long serialVersionUID = 1L;
    private transient CountMap clusterSizes;

    @Override
    public void open(OpenContext context) {
        clusterSizes = Accumulators.countMap(getRuntimeContext(), Counters.NEAR_CLUSTERS);
    }

    @Override
    public void mapPartition(Iterable<Edge> edges, Collector<Doc> out) {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, String> ids = new HashMap<>();
        for (Edge e : edges) {
            ids.putIfAbsent(e.a, e.aId);
            ids.putIfAbsent(e.b, e.bId);
            long ra = find(parent, e.a);
            long rb = find(parent, e.b);
            if (ra != rb) {
                parent.put(Math.max(ra, rb), Math.min(ra, rb));
            }
        }
        Map<Long, Integer> sizes = new HashMap<>();
        for (Long node : ids.keySet()) {
            long root = find(parent, node);
            sizes.merge(root, 1, Integer::sum);
            if (root != node) {
                Doc mark = new Doc();
                mark.key = node;
                mark.removed = true;
                mark.keptId = ids.get(root);
                mark.text = "";
                out.collect(mark);
            }
        }
        sizes.values().forEach(size -> clusterSizes.add(Integer.toString(size)));
    }

    private static long find(Map<Long, Long> parent, long x) {
        long node = x;
        while (true) {
            Long p = parent.get(node);
            if (p == null) {
                return node;
            }
            Long grand = parent.get(p);
            if (grand != null) {
                parent.put(node, grand);
            }
            node = p;
        }
    }
}
