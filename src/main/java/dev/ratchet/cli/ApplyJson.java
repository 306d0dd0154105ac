package dev.ratchet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * {@code ratchet apply --json}. Kept apart from {@link ApplyReport} so that the text path never
 * loads Jackson (verifying a class loads the types its methods use, even unused ones).
 */
final class ApplyJson {
    private ApplyJson() {
    }

    static void print(ApplyReport report, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("clean", report.clean());
        root.put("dryRun", report.dryRun());
        root.set("applied", mapper.valueToTree(report.application().applied()));
        root.set("refused", mapper.valueToTree(report.application().refused()));
        ArrayNode problemNodes = root.putArray("problems");
        report.problems().forEach(p -> problemNodes.addObject().put("line", p.line()).put("message", p.message()));
        if (report.dryRun() && report.clean()) {
            root.put("diff", report.application().unifiedDiff());
        }
        out.println(root.toString());
        out.flush();
    }
}
