// Prints why each skipped test was skipped (e.g. "Electron binary not installed: …"), which
// the list reporter leaves out, so a skip in CI always comes with its reason.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const why = result.annotations
      .filter((a) => a.type === 'skip')
      .map((a) => a.description)
      .filter(Boolean);
    this.reasons.push(`skipped: ${test.titlePath().filter(Boolean).join(' › ')} — ${why.join('; ') || 'no reason given'}`);
  }

  onEnd(): void {
    for (const line of this.reasons) process.stdout.write(`${line}\n`);
  }
}
