package dev.ratchet.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks files by a personalised PageRank over the reference graph: file A points at file B when A
 * uses a name B defines. The random walk restarts at the files the task points at (named paths,
 * stack-trace frames, files defining identifiers in the task, recent changes), so files close to
 * those in the graph rank high. Names defined in many files ("get", "size") say little and are
 * skipped.
 */
public final class ReferenceGraphRanker implements FileRanker {
    private static final int MAX_DEFINERS = 12;
    private static final int MAX_MENTION_DEFINERS = 30;
    private static final int ITERATIONS = 20;
    private static final int MAX_EDGES = 100;
    private static final double DAMPING = 0.85;

    @Override
    public List<String> rank(List<AnalyzedFile> files, RankingSignals signals) {
        int n = files.size();
        Map<String, int[]> definers = definers(files);
        double[] personal = new double[n];
        for (int i = 0; i < n; i++) {
            String path = files.get(i).path();
            personal[i] = 10 * signals.mentionedPaths().getOrDefault(path, 0.0) + signals.changedPaths().getOrDefault(path, 0.0);
        }
        signals.mentionedIdentifiers().forEach((name, weight) -> {
            int[] where = definers.get(name);
            if (where != null && where.length <= MAX_MENTION_DEFINERS) {
                for (int i : where) {
                    personal[i] += 3 * weight / where.length;
                }
            }
        });
        normalise(personal, n);

        // Sparse outgoing edges: edge weight = how strongly a file relies on names defined in the target.
        // Only each file's strongest edges are kept: beyond them the walk learns little and the time grows fast.
        int[][] targets = new int[n][];
        double[][] weights = new double[n][];
        double[] outWeight = new double[n];
        double[] scratch = new double[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (String reference : files.get(i).facts().outline().references()) {
                int[] where = definers.get(reference);
                if (where == null || where.length > MAX_DEFINERS) {
                    continue;
                }
                double weight = (signals.mentionedIdentifiers().containsKey(reference) ? 10.0 : 1.0) / where.length;
                for (int target : where) {
                    if (target != i) {
                        if (scratch[target] == 0) {
                            touched[count++] = target;
                        }
                        scratch[target] += weight;
                    }
                }
            }
            int[] kept = strongest(touched, count, scratch);
            targets[i] = kept;
            weights[i] = new double[kept.length];
            for (int k = 0; k < kept.length; k++) {
                weights[i][k] = scratch[kept[k]];
                outWeight[i] += weights[i][k];
            }
            for (int k = 0; k < count; k++) {
                scratch[touched[k]] = 0;
            }
        }

        double[] rank = personal.clone();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (outWeight[i] == 0) {
                    dangling += rank[i];
                    continue;
                }
                for (int k = 0; k < targets[i].length; k++) {
                    next[targets[i][k]] += DAMPING * rank[i] * weights[i][k] / outWeight[i];
                }
            }
            for (int i = 0; i < n; i++) {
                next[i] += ((1 - DAMPING) + DAMPING * dangling) * personal[i];
            }
            rank = next;
        }

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] finalRank = rank;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -(finalRank[i] + personal[i]))
                .thenComparing(i -> files.get(i).path()));
        List<String> ranked = new ArrayList<>(n);
        for (int i : order) {
            ranked.add(files.get(i).path());
        }
        return ranked;
    }

    /** The targets with the heaviest edges, at most {@link #MAX_EDGES}, in a deterministic order. */
    private static int[] strongest(int[] touched, int count, double[] weight) {
        int[] all = Arrays.copyOf(touched, count);
        Arrays.sort(all);
        if (count <= MAX_EDGES) {
            return all;
        }
        double[] sorted = new double[count];
        for (int k = 0; k < count; k++) {
            sorted[k] = weight[all[k]];
        }
        Arrays.sort(sorted);
        double threshold = sorted[count - MAX_EDGES];
        int[] kept = new int[MAX_EDGES];
        int size = 0;
        for (int k = 0; k < count && size < MAX_EDGES; k++) {
            if (weight[all[k]] > threshold) {
                kept[size++] = all[k];
            }
        }
        for (int k = 0; k < count && size < MAX_EDGES; k++) {
            if (weight[all[k]] == threshold) {
                kept[size++] = all[k];
            }
        }
        return Arrays.copyOf(kept, size);
    }

    /** Each defined name and the files (indexes) that define it; "Type.method" also defines "method". */
    private static Map<String, int[]> definers(List<AnalyzedFile> files) {
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            for (Symbol symbol : files.get(i).facts().outline().symbols()) {
                if (symbol.kind().equals("impl")) {
                    continue;
                }
                String name = symbol.name();
                int dot = name.lastIndexOf('.');
                String simple = dot < 0 ? name : name.substring(dot + 1);
                List<Integer> list = byName.computeIfAbsent(simple, key -> new ArrayList<>(2));
                if (list.isEmpty() || list.get(list.size() - 1) != i) {
                    list.add(i);
                }
            }
        }
        Map<String, int[]> definers = new HashMap<>(byName.size() * 2);
        byName.forEach((name, list) -> definers.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        return definers;
    }

    private static void normalise(double[] personal, int n) {
        double sum = Arrays.stream(personal).sum();
        if (sum == 0) {
            Arrays.fill(personal, n == 0 ? 0 : 1.0 / n);
        } else {
            for (int i = 0; i < n; i++) {
                personal[i] /= sum;
            }
        }
    }
}
