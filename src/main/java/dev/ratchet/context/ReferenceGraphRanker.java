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
    private static final int MAX_DEFINERS = 25;
    private static final int ITERATIONS = 30;
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
            if (where != null && where.length <= MAX_DEFINERS) {
                for (int i : where) {
                    personal[i] += 3 * weight / where.length;
                }
            }
        });
        normalise(personal, n);

        // Sparse outgoing edges: edge weight = how strongly a file relies on names defined in the target.
        int[][] targets = new int[n][];
        double[][] weights = new double[n][];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            Map<Integer, Double> edges = new HashMap<>();
            for (String reference : files.get(i).facts().outline().references()) {
                int[] where = definers.get(reference);
                if (where == null || where.length > MAX_DEFINERS) {
                    continue;
                }
                double weight = signals.mentionedIdentifiers().containsKey(reference) ? 10.0 : 1.0;
                for (int target : where) {
                    if (target != i) {
                        edges.merge(target, weight / where.length, Double::sum);
                    }
                }
            }
            targets[i] = new int[edges.size()];
            weights[i] = new double[edges.size()];
            int k = 0;
            for (Map.Entry<Integer, Double> edge : edges.entrySet()) {
                targets[i][k] = edge.getKey();
                weights[i][k] = edge.getValue();
                outWeight[i] += edge.getValue();
                k++;
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
