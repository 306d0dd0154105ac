/**
 * Running the project's tests (or linter) and telling the model what failed.
 *
 * <p>The flow the agent loop follows after each edit:
 * <pre>{@code
 * CheckCommand command = detector.resolve(root, userTestCmd, "--test-cmd"); // or detect(root)
 * CheckResult result = runner.run(command, Duration.ofMinutes(10));           // runner.cancel() on Ctrl-C
 * FailureSummary now = summarizer.summarize(result, root, 2_000);           // now.forModel() goes to the model
 * String line = TestDelta.between(before, now).oneLine();                   // "tests 3 failing -> 1 failing (2 fixed)"
 * }</pre>
 */
package dev.ratchet.check;
